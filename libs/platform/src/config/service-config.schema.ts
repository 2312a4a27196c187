import { Transform, Type } from 'class-transformer';
import { ArrayNotEmpty, IsDefined, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { ConfigVariable } from './config-variable.decorator';
import { IsUrlWithScheme } from './url-scheme.validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const EVENT_TRANSPORTS = ['kafka', 'in-process'] as const;
export type EventTransport = (typeof EVENT_TRANSPORTS)[number];

const HOST_PORT = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):\d{1,5}$/;

const toInteger = () => Type(() => Number);
const toList = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item !== '')
      : value,
  );

/**
 * The environment variables every service reads. A service with variables of its own extends
 * this class and passes it to `PlatformModule.forService({ config })`; code reads configuration
 * only through the validated instance (injectable as `ServiceConfig` or as the subclass).
 *
 * Each variable names what it expects so that a failed start says how to fix it. class-validator
 * runs a property's checks from the bottom up and stops at the first failure, so the most basic
 * check sits nearest the property.
 */
export class ServiceConfig {
  @ConfigVariable('a TCP port, e.g. 3000; 0 picks a free port')
  @IsOptional()
  @Max(65535, { message: 'must be between 0 and 65535' })
  @Min(0, { message: 'must be between 0 and 65535' })
  @IsInt({ message: 'must be a whole number' })
  @toInteger()
  readonly PORT: number = 3000;

  @ConfigVariable('a PostgreSQL URL, e.g. postgres://user@host:5432/db', { secret: true })
  @IsUrlWithScheme(['postgres', 'postgresql'], { message: 'must be a PostgreSQL URL' })
  @IsDefined({ message: 'is required' })
  readonly DATABASE_URL!: string;

  @ConfigVariable(
    "a PostgreSQL URL of the schema owner, e.g. postgres://owner@host:5432/db; when set, migrations run as the owner and DATABASE_URL's role gets only what the service needs (INSERT and SELECT on the event history)",
    { secret: true },
  )
  @IsOptional()
  @IsUrlWithScheme(['postgres', 'postgresql'], { message: 'must be a PostgreSQL URL' })
  readonly DATABASE_MIGRATION_URL?: string;

  @ConfigVariable(
    'kafka (every service its own process, events through Kafka) or in-process (the embedded all-in-one mode: events handed over inside one process)',
  )
  @IsOptional()
  @IsIn(EVENT_TRANSPORTS, { message: 'must be kafka or in-process' })
  readonly EVENT_TRANSPORT: EventTransport = 'kafka';

  @ConfigVariable('a comma-separated list of Kafka brokers as host:port, e.g. kafka-1:9092,kafka-2:9092')
  @ValidateIf((config: ServiceConfig) => config.EVENT_TRANSPORT !== 'in-process')
  @Matches(HOST_PORT, { each: true, message: 'must list brokers as host:port' })
  @ArrayNotEmpty({ message: 'must name at least one broker' })
  @IsDefined({ message: 'is required' })
  @toList()
  readonly KAFKA_BROKERS: string[] = [];

  @ConfigVariable('a whole number of partitions for new topics, at least 1, e.g. 6')
  @IsOptional()
  @Min(1, { message: 'must be at least 1' })
  @IsInt({ message: 'must be a whole number' })
  @toInteger()
  readonly KAFKA_TOPIC_PARTITIONS: number = 6;

  @ConfigVariable('a whole number of replicas for new topics, at least 1, e.g. 3 in production')
  @IsOptional()
  @Min(1, { message: 'must be at least 1' })
  @IsInt({ message: 'must be a whole number' })
  @toInteger()
  readonly KAFKA_REPLICATION_FACTOR: number = 1;

  @ConfigVariable('a prefix for every topic name, to share one cluster between environments, e.g. staging.')
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]*$/, { message: 'may hold only letters, digits, ".", "_" and "-"' })
  readonly KAFKA_TOPIC_PREFIX: string = '';

  @ConfigVariable('the HS256 key that access tokens are signed with, at least 32 characters', { secret: true })
  @MinLength(32, { message: 'must be at least 32 characters' })
  @IsString({ message: 'must be a string' })
  @IsDefined({ message: 'is required' })
  readonly AUTH_JWT_SECRET!: string;

  @ConfigVariable(
    'keys that tokens signed before a key rotation may still carry, comma-separated, each at least 32 characters; verified, never used to sign',
    { secret: true },
  )
  @IsOptional()
  @MinLength(32, { each: true, message: 'must hold keys of at least 32 characters' })
  @toList()
  readonly AUTH_JWT_PREVIOUS_SECRETS: string[] = [];

  @ConfigVariable('a Redis URL, e.g. redis://host:6379 or rediss://user:password@host:6380; memory://local keeps the state in the process (embedded mode only)', { secret: true })
  @IsUrlWithScheme(['redis', 'rediss', 'memory'], { message: 'must be a Redis URL' })
  @IsDefined({ message: 'is required' })
  readonly REDIS_URL!: string;

  @ConfigVariable('a prefix for every Redis key of this service, e.g. catalog: (the default is the service name and a colon)')
  @IsOptional()
  @Matches(/^\S+$/, { message: 'must not contain spaces' })
  @IsString({ message: 'must be text' })
  readonly REDIS_KEY_PREFIX?: string;

  @ConfigVariable(`one of ${LOG_LEVELS.join(', ')}`)
  @IsOptional()
  @IsIn(LOG_LEVELS, { message: 'must be a log level' })
  readonly LOG_LEVEL: LogLevel = 'info';

  @ConfigVariable('milliseconds to let in-flight requests finish after SIGTERM, e.g. 10000')
  @IsOptional()
  @Min(0, { message: 'must not be negative' })
  @IsInt({ message: 'must be a whole number' })
  @toInteger()
  readonly SHUTDOWN_TIMEOUT_MS: number = 10_000;

  // Node's 5 s default is shorter than the idle timeout of the gateway's and most load balancers' kept
  // connections: a caller would reuse one just as the service closes it, and get ECONNRESET.
  @ConfigVariable('milliseconds an idle kept-alive HTTP connection stays open; longer than any caller in front keeps one idle (the gateway: GATEWAY_UPSTREAM_IDLE_MS), e.g. 65000')
  @IsOptional()
  @Min(1_000, { message: 'must be at least 1000' })
  @IsInt({ message: 'must be a whole number' })
  @toInteger()
  readonly HTTP_KEEP_ALIVE_TIMEOUT_MS: number = 65_000;
}
