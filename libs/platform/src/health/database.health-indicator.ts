import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { reasonOf, withTimeout } from './with-timeout.util';

const CHECK_TIMEOUT_MS = 2_000;

/** `database`: PostgreSQL answers `SELECT 1` through the service's TypeORM DataSource. */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'database'): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    if (!this.dataSource.isInitialized) return indicator.down({ message: 'not connected' });
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), CHECK_TIMEOUT_MS, 'PostgreSQL');
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: reasonOf(error) });
    }
  }
}
