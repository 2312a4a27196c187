import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { EntitySchema, MigrationInterface } from 'typeorm';
import { ServiceConfig } from '../config/service-config.schema';
import { SLOW_QUERY_MS, TypeOrmLogger } from './typeorm.logger';

/** A TypeORM entity class or schema. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity classes
export type EntityClassOrSchema = Function | EntitySchema;

/** A TypeORM migration class. */
export type MigrationClass = new () => MigrationInterface;

export interface DatabaseOptions {
  /** Entity classes of the service and of the libraries it uses (e.g. the event store's). */
  entities?: readonly EntityClassOrSchema[];
  /** Migration classes, run in name order at start-up; the schema is never synchronised. */
  migrations?: readonly MigrationClass[];
}

/**
 * The service's PostgreSQL database through TypeORM, from `DATABASE_URL`. Migrations run at
 * start-up (`migrationsRun`), so a service never starts on a schema older than its code.
 */
@Module({})
export class DatabaseModule {
  static forService({ entities = [], migrations = [] }: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [ServiceConfig],
          useFactory: (config: ServiceConfig) => ({
            type: 'postgres',
            url: config.DATABASE_URL,
            entities: [...entities],
            migrations: [...migrations],
            migrationsRun: true,
            synchronize: false,
            logger: new TypeOrmLogger(),
            maxQueryExecutionTime: SLOW_QUERY_MS,
            retryAttempts: 5,
            retryDelay: 2_000,
            extra: { connectionTimeoutMillis: 5_000 },
          }),
        }),
      ],
    };
  }
}
