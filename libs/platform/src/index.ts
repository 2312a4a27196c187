import 'reflect-metadata';

// The service kit: what a service's main.ts and composition root use.
export { bootstrapService } from './bootstrap/bootstrap-service';
export { createServiceApp, type ServiceAppOptions } from './bootstrap/create-service-app';
export { PlatformModule, platformOptionsOf, type PlatformOptions } from './bootstrap/platform.module';
export { SERVICE_NAME } from './bootstrap/service-name.token';
export type { FieldViolation } from './bootstrap/validation.pipe';
export { IsNotBlank, isNotBlank } from './bootstrap/is-not-blank.decorator';

// Configuration: read only through the validated, typed object (inject `ServiceConfig` or the subclass).
export { ConfigVariable } from './config/config-variable.decorator';
export { InvalidConfigurationError, loadServiceConfig, type ConfigSchema, type Environment } from './config/load-service-config.util';
export { EVENT_TRANSPORTS, LOG_LEVELS, ServiceConfig, type EventTransport, type LogLevel } from './config/service-config.schema';
export { describeConfigVariable } from './config/config-variable.decorator';

// Authentication: every route needs a bearer token unless @Public(); @Roles() narrows it.
export { CurrentUser, Public, Roles } from './auth/auth.decorators';
export { ROLES, type AuthenticatedUser, type Role } from './auth/roles';
export { TOKEN_ISSUER, TokenVerifier } from './auth/token-verifier';

// Logging: the correlation id of the work in progress (HTTP request, consumed event, timer).
export { CORRELATION_ID_HEADER, CorrelationContext } from './logging/correlation.context';

// Health: the routes orchestrators probe (/health/live, /health/ready).
export { HealthController } from './health/health.controller';

// Metrics: the registry other libraries add their metrics to.
export { MetricsRegistry } from './metrics/metrics.registry';

// Redis: the shared client and the service's key prefix.
export { REDIS_CLIENT, type RedisClient } from './redis/redis-client.provider';
export { RedisKeys } from './redis/redis-keys.service';
export { RedisCacheGuard } from './redis/redis-cache-guard';

// Database: what a service passes to PlatformModule.forService({ entities, migrations }).
export type { DatabaseOptions, MigrationClass } from './database/database.module';

// Regions: Shanghai's GB/T 2260 tree (city, 16 districts, towns and streets, a sample of villages).
export {
  REGION_LEVELS,
  SHANGHAI_REGION_CODE,
  findRegion,
  isWithinRegion,
  levelOfRegion,
  parentRegion,
  regionName,
  regionSubtreePrefix,
  regionsAt,
  type Region,
  type RegionLevel,
} from './regions/region-tree';

// Time: an injected clock, and working days from the State Council's holiday notices.
export { CLOCK, ManualClock, SystemClock, type Clock } from './clock/clock';
export { WorkingDayCalendar, type WorkingDayCalendarOptions } from './calendar/working-day-calendar';
export { chineseDaysHolidayName, chineseDaysSource } from './calendar/chinese-days.source';
export { addCalendarDays, isCalendarDate, startOfShanghaiDay, toShanghaiDate } from './calendar/calendar-date.util';
export {
  CalendarError,
  CalendarYearNotCoveredError,
  ConflictingCalendarOverridesError,
  InvalidCalendarArgumentError,
  InvalidCalendarDateError,
} from './calendar/calendar.errors';
export type {
  CalendarDate,
  CalendarOverride,
  DayBasis,
  DayExplanation,
  DayKind,
  HolidayDataSource,
  HolidayNotice,
  NoticeEntry,
  Suspension,
  SuspensionOptions,
} from './calendar/calendar.types';
