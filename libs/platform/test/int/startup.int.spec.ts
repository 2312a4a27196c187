import { createTestDatabase, eventually, spawnTypeScript, testInfrastructure, type TestDatabase, TEST_JWT_SECRET } from '@sangeyipi/testing';

const CATALOG_MAIN = 'services/catalog/src/main.ts';

/** The catalog service in its own process, with only the given variables (and PATH). */
function runCatalog(env: Record<string, string>) {
  return spawnTypeScript(CATALOG_MAIN, { env, inheritEnv: false });
}

function jsonLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('starting and stopping a service process', () => {
  let validEnv: Record<string, string>;
  let database: TestDatabase;

  beforeAll(async () => {
    const infra = testInfrastructure();
    database = await createTestDatabase('startup');
    validEnv = { DATABASE_URL: database.url, KAFKA_BROKERS: infra.kafkaBrokers.join(','), REDIS_URL: infra.redisUrl, AUTH_JWT_SECRET: TEST_JWT_SECRET };
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('stops at start, naming DATABASE_URL, when it is missing', async () => {
    const { DATABASE_URL: _missing, ...env } = validEnv;
    const service = runCatalog(env);

    expect(await service.exited).not.toBe(0);
    expect(service.stderr()).toContain('Invalid configuration: DATABASE_URL is required');
    expect(service.stderr()).not.toMatch(/\n\s+at /); // one line per variable, no stack trace
  });

  it('stops at start, naming KAFKA_BROKERS, when it is invalid', async () => {
    const service = runCatalog({ ...validEnv, KAFKA_BROKERS: 'kafka-without-port' });

    expect(await service.exited).not.toBe(0);
    expect(service.stderr().trim()).toBe(
      'Invalid configuration: KAFKA_BROKERS must list brokers as host:port, got "kafka-without-port" ' +
        '(a comma-separated list of Kafka brokers as host:port, e.g. kafka-1:9092,kafka-2:9092)',
    );
  });

  it('stops at start when told to use the embedded host\'s in-process transport on its own', async () => {
    const service = runCatalog({ ...validEnv, EVENT_TRANSPORT: 'in-process' });

    expect(await service.exited).toBe(1);
    expect(service.stderr().trim()).toBe(
      "Invalid configuration: EVENT_TRANSPORT=in-process is the embedded host's transport (npm start runs every service in one process); " +
        'a service run on its own needs EVENT_TRANSPORT=kafka',
    );
  });

  it('serves, logs JSON lines, and exits with 0 after SIGTERM', async () => {
    const service = runCatalog({ ...validEnv, PORT: '0' });
    const port = await eventually(
      () => {
        const listening = jsonLines(service.stdout()).find((line) => String(line.msg).includes('listening'));
        if (typeof listening?.port !== 'number') throw new Error(`the service has not said it listens:\n${service.stdout()}${service.stderr()}`);
        return listening.port;
      },
      { timeoutMs: 60_000 },
    );
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect(ready.status).toBe(200);

    service.kill('SIGTERM');

    expect(await service.exited).toBe(0);
    const lines = jsonLines(service.stdout());
    expect(lines.every((line) => line.service === 'catalog')).toBe(true);
    expect(lines.map((line) => line.msg)).toContain('HTTP server closed');
  });
});
