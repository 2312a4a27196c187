import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLoggerContract } from 'typeorm';

/** Queries slower than this are logged as warnings. */
export const SLOW_QUERY_MS = 1_000;

/**
 * Sends TypeORM's messages to the service's JSON log (through Nest's logger) instead of the
 * console: failed and slow queries, migrations and warnings; never every query or its parameters.
 */
export class TypeOrmLogger implements TypeOrmLoggerContract {
  private readonly logger = new Logger('TypeORM');

  logQuery(): void {
    // Not every query: the log would drown, and parameters may hold personal data.
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.error({ query: truncate(query) }, `query failed: ${typeof error === 'string' ? error : error.message}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ query: truncate(query), durationMs: time }, `slow query (${time} ms)`);
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.log(String(message));
  }
}

function truncate(query: string): string {
  return query.length > 500 ? `${query.slice(0, 500)}…` : query;
}
