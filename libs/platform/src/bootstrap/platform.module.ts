import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { APP_FILTER } from '@nestjs/core';
import type { ConfigSchema } from '../config/load-service-config.util';
import type { ServiceConfig } from '../config/service-config.schema';
import { AuthModule } from '../auth/auth.module';
import { CalendarYearNotCoveredFilter } from '../calendar/calendar-year.filter';
import { UnreadableRequestFilter } from '../http/unreadable-request.filter';
import { CLOCK, SystemClock } from '../clock/clock';
import { DatabaseModule, type DatabaseOptions } from '../database/database.module';
import { HealthModule } from '../health/health.module';
import { MetricsModule } from '../metrics/metrics.module';
import { RedisModule } from '../redis/redis.module';
import { GracefulShutdownService } from './graceful-shutdown.service';

export interface PlatformOptions<C extends ServiceConfig = ServiceConfig> extends DatabaseOptions {
  /** The service's name, e.g. `catalog`: in every log line, metric and default Redis key prefix. */
  name: string;
  /** The service's configuration class when it adds variables to `ServiceConfig`. */
  config?: ConfigSchema<C>;
}

const SERVICE_NAME_PATTERN = /^[a-z][a-z0-9-]*$/;
const optionsByModule = new WeakMap<DynamicModule, PlatformOptions>();

/**
 * Everything a service needs to run, for its composition root to import once:
 * bearer-token authentication on every route not marked @Public(), JSON logging with correlation ids, `/health/live` and `/health/ready`, `/metrics`, the shared
 * Redis client, the clock (CLOCK), the TypeORM DataSource with the given entities and migrations, and graceful
 * shutdown. The validated configuration (`ServiceConfig`, or the service's subclass) and the
 * `SERVICE_NAME` are provided globally by `createServiceApp`, which reads these options first.
 */
@Module({})
export class PlatformModule {
  static forService<C extends ServiceConfig>(options: PlatformOptions<C>): DynamicModule {
    if (!SERVICE_NAME_PATTERN.test(options.name)) {
      throw new Error(`PlatformModule.forService: the service name "${options.name}" must be lowercase kebab-case`);
    }
    const module: DynamicModule = {
      module: PlatformModule,
      global: true,
      imports: [MetricsModule, RedisModule, DatabaseModule.forService(options), HealthModule, AuthModule],
      providers: [
        GracefulShutdownService,
        { provide: CLOCK, useClass: SystemClock },
        { provide: APP_FILTER, useClass: CalendarYearNotCoveredFilter },
        { provide: APP_FILTER, useClass: UnreadableRequestFilter },
      ],
      exports: [MetricsModule, RedisModule, CLOCK],
    };
    optionsByModule.set(module, options as PlatformOptions);
    return module;
  }
}

/** The options given to `PlatformModule.forService` in the imports of `appModule`. */
export function platformOptionsOf(appModule: Type): PlatformOptions {
  const imports: unknown[] = Reflect.getMetadata(MODULE_METADATA.IMPORTS, appModule) ?? [];
  for (const imported of imports) {
    const options = typeof imported === 'object' && imported !== null ? optionsByModule.get(imported as DynamicModule) : undefined;
    if (options) return options;
  }
  throw new Error(`${appModule.name} must import PlatformModule.forService({ name }) to run as a service`);
}
