import { IsDefined, IsIn } from 'class-validator';
import { ConfigVariable } from './config-variable.decorator';
import { InvalidConfigurationError, loadServiceConfig, type Environment } from './load-service-config.util';
import { ServiceConfig } from './service-config.schema';

const VALID: Environment = {
  DATABASE_URL: 'postgres://catalog@db:5432/catalog',
  KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092',
  REDIS_URL: 'redis://cache:6379',
  AUTH_JWT_SECRET: 'unit-test-signing-key-0123456789abcdef',
};

function problemsOf(env: Environment, schema: new () => ServiceConfig = ServiceConfig): readonly string[] {
  try {
    loadServiceConfig(schema, env);
  } catch (error) {
    if (error instanceof InvalidConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('loadServiceConfig', () => {
  it('reads a valid environment into typed values with defaults', () => {
    const config = loadServiceConfig(ServiceConfig, { ...VALID, PORT: '8080', UNRELATED: 'x' });

    expect(config).toBeInstanceOf(ServiceConfig);
    expect(config).toEqual({
      PORT: 8080,
      DATABASE_URL: 'postgres://catalog@db:5432/catalog',
      EVENT_TRANSPORT: 'kafka',
      KAFKA_BROKERS: ['kafka-1:9092', 'kafka-2:9092'],
      KAFKA_TOPIC_PARTITIONS: 6,
      KAFKA_TOPIC_PREFIX: '',
      KAFKA_REPLICATION_FACTOR: 1,
      REDIS_URL: 'redis://cache:6379',
      AUTH_JWT_SECRET: 'unit-test-signing-key-0123456789abcdef',
      AUTH_JWT_PREVIOUS_SECRETS: [],
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: 10_000,
      HTTP_KEEP_ALIVE_TIMEOUT_MS: 65_000,
    });
  });

  it.each(['DATABASE_URL', 'KAFKA_BROKERS', 'REDIS_URL'])('names %s when it is missing, with what it expects', (variable) => {
    const env = { ...VALID, [variable]: undefined };

    expect(problemsOf(env)).toEqual([expect.stringMatching(new RegExp(`^Invalid configuration: ${variable} is required \\(.+e\\.g\\. .+\\)$`))]);
  });

  it('says how to write DATABASE_URL when it is missing', () => {
    expect(problemsOf({ ...VALID, DATABASE_URL: undefined })).toEqual([
      'Invalid configuration: DATABASE_URL is required (a PostgreSQL URL, e.g. postgres://user@host:5432/db)',
    ]);
  });

  it('treats an empty variable as missing', () => {
    expect(problemsOf({ ...VALID, REDIS_URL: '  ' })).toEqual([expect.stringContaining('REDIS_URL is required')]);
  });

  it('names an invalid broker list and shows the value given', () => {
    expect(problemsOf({ ...VALID, KAFKA_BROKERS: 'localhost' })).toEqual([
      'Invalid configuration: KAFKA_BROKERS must list brokers as host:port, got "localhost" ' +
        '(a comma-separated list of Kafka brokers as host:port, e.g. kafka-1:9092,kafka-2:9092)',
    ]);
  });

  it.each([
    ['PORT', 'http', 'must be a whole number'],
    ['PORT', '70000', 'must be between 0 and 65535'],
    ['KAFKA_TOPIC_PARTITIONS', '0', 'must be at least 1'],
    ['KAFKA_REPLICATION_FACTOR', '1.5', 'must be a whole number'],
    ['LOG_LEVEL', 'verbose', 'must be a log level'],
    ['SHUTDOWN_TIMEOUT_MS', '-1', 'must not be negative'],
    ['DATABASE_URL', 'mysql://db/catalog', 'must be a PostgreSQL URL'],
    ['REDIS_URL', 'cache:6379', 'must be a Redis URL'],
  ])('names %s=%s as invalid (%s)', (variable, value, reason) => {
    expect(problemsOf({ ...VALID, [variable]: value })).toEqual([expect.stringContaining(`Invalid configuration: ${variable} ${reason}, got`)]);
  });

  it('needs no broker when events are handed over in process, and accepts the in-memory Redis', () => {
    const config = loadServiceConfig(ServiceConfig, { ...VALID, EVENT_TRANSPORT: 'in-process', KAFKA_BROKERS: undefined, REDIS_URL: 'memory://local' });

    expect(config).toMatchObject({ EVENT_TRANSPORT: 'in-process', KAFKA_BROKERS: [], REDIS_URL: 'memory://local' });
    expect(problemsOf({ ...VALID, EVENT_TRANSPORT: 'carrier-pigeon' })).toEqual([expect.stringContaining('EVENT_TRANSPORT must be kafka or in-process')]);
  });

  it('refuses a short previous signing key', () => {
    expect(problemsOf({ ...VALID, AUTH_JWT_PREVIOUS_SECRETS: 'previous-signing-key-0123456789abcdef,short' })).toEqual([
      expect.stringContaining('AUTH_JWT_PREVIOUS_SECRETS must hold keys of at least 32 characters, got (a value not shown'),
    ]);
  });

  it('gives one line per bad variable', () => {
    const problems = problemsOf({ KAFKA_BROKERS: 'kafka', PORT: 'x' });

    expect(problems.map((line) => line.split(' ')[2])).toEqual(['PORT', 'DATABASE_URL', 'KAFKA_BROKERS', 'AUTH_JWT_SECRET', 'REDIS_URL']);
  });

  it('never prints a password', () => {
    const [problem] = problemsOf({ ...VALID, REDIS_URL: 'http://admin:hunter2@cache:6379' });

    expect(problem).toContain('"http://admin:***@cache:6379/"');
    expect(problem).not.toContain('hunter2');
  });

  it('does not print a secret that is not even a URL', () => {
    const [problem] = problemsOf({ ...VALID, DATABASE_URL: 'user:hunter2 at db' });

    expect(problem).toContain('DATABASE_URL must be a PostgreSQL URL');
    expect(problem).not.toContain('hunter2');
  });

  it('validates the variables a service adds in its own schema', () => {
    class SearchConfig extends ServiceConfig {
      @ConfigVariable('one of simple, full')
      @IsDefined({ message: 'is required' })
      @IsIn(['simple', 'full'], { message: 'must be simple or full' })
      readonly SEARCH_MODE!: 'simple' | 'full';
    }

    expect(problemsOf({ ...VALID, SEARCH_MODE: 'fuzzy' }, SearchConfig)).toEqual([
      'Invalid configuration: SEARCH_MODE must be simple or full, got "fuzzy" (one of simple, full)',
    ]);
    expect(loadServiceConfig(SearchConfig, { ...VALID, SEARCH_MODE: 'full' })).toMatchObject({ SEARCH_MODE: 'full', PORT: 3000 });
  });
});
