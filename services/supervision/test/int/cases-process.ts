import { createTestDatabase, freePort, spawnTypeScript, TEST_JWT_SECRET, testInfrastructure, uniqueName, eventually, type TestDatabase, type TypeScriptProcess } from '@sangeyipi/testing';

export interface CasesProcess {
  url: string;
  call(method: 'GET' | 'POST', path: string, token: string, body?: unknown): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  stop(): Promise<void>;
}

/**
 * Starts the real cases service as its own process (its own database, the same Kafka topic prefix as
 * the supervision service under test), with its clock pinned to `clockStart`. Supervision and cases
 * then talk only through Kafka, as in production.
 */
export async function startCasesProcess(topicPrefix: string, clockStart: string): Promise<CasesProcess> {
  const infra = testInfrastructure();
  const database: TestDatabase = await createTestDatabase('cases');
  const port = await freePort();
  const child: TypeScriptProcess = spawnTypeScript('services/supervision/test/int/run-service-at-pinned-clock.entry.ts', {
    args: ['services/cases/src/main.ts'],
    env: {
      PINNED_CLOCK_START: clockStart,
      PORT: String(port),
      DATABASE_URL: database.url,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      KAFKA_TOPIC_PARTITIONS: '2',
      REDIS_URL: infra.redisUrl,
      REDIS_KEY_PREFIX: `${uniqueName('cases')}:`,
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'error',
      CASES_DEADLINE_SCAN_MS: '0',
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode() === null) {
      child.kill('SIGTERM');
      await child.exited;
    }
    await database.drop();
  };
  try {
    await eventually(
      async () => {
        if (child.exitCode() !== null) throw new Error(`cases exited ${child.exitCode()}: ${child.stderr()}`);
        return (await fetch(`${url}/health/live`)).ok;
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    async call(method, path, token, body) {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    stop,
  };
}
