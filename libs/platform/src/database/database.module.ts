import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type EntitySchema, type MigrationInterface, type QueryRunner } from 'typeorm';
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
  /**
   * With DATABASE_MIGRATION_URL set, run as the owner after migrations to grant the service's own
   * role (DATABASE_URL's user) its privileges, e.g. the event store's append-only grants.
   */
  grantRuntimeRole?: (queryRunner: QueryRunner, role: string) => Promise<void>;
}

/**
 * The service's PostgreSQL database through TypeORM, from `DATABASE_URL`. Migrations run at
 * start-up, so a service never starts on a schema older than its code: as the schema owner
 * (DATABASE_MIGRATION_URL) when one is configured, otherwise as the service's own role.
 */
@Module({})
export class DatabaseModule {
  static forService({ entities = [], migrations = [], grantRuntimeRole }: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [ServiceConfig],
          useFactory: async (config: ServiceConfig) => {
            if (config.DATABASE_MIGRATION_URL) await migrateAsOwner(config, migrations, grantRuntimeRole);
            return {
            type: 'postgres' as const,
            url: config.DATABASE_URL,
            entities: [...entities],
            migrations: [...migrations],
            migrationsRun: !config.DATABASE_MIGRATION_URL,
            synchronize: false,
            logger: new TypeOrmLogger(),
            maxQueryExecutionTime: SLOW_QUERY_MS,
            retryAttempts: 5,
            retryDelay: 2_000,
            extra: { connectionTimeoutMillis: 5_000 },
            };
          },
        }),
      ],
    };
  }
}

async function migrateAsOwner(
  config: ServiceConfig,
  migrations: readonly MigrationClass[],
  grantRuntimeRole: DatabaseOptions['grantRuntimeRole'],
): Promise<void> {
  const owner = new DataSource({ type: 'postgres', url: config.DATABASE_MIGRATION_URL, migrations: [...migrations], logger: new TypeOrmLogger() });
  await owner.initialize();
  try {
    await owner.runMigrations({ transaction: 'all' });
    const runtimeRole = decodeURIComponent(new URL(config.DATABASE_URL).username);
    if (grantRuntimeRole && runtimeRole) {
      const queryRunner = owner.createQueryRunner();
      try {
        await grantRuntimeRole(queryRunner, runtimeRole);
      } finally {
        await queryRunner.release();
      }
    }
  } finally {
    await owner.destroy();
  }
}
