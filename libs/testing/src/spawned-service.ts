import { createServer } from 'node:net';
import { testInfrastructure } from './infrastructure.js';
import { createTestDatabase, type TestDatabase } from './test-database';
import { TEST_JWT_SECRET } from './test-tokens';
import { spawnTypeScript, type TypeScriptProcess } from './typescript-process';

export interface SpawnedService {
  name: string;
  url: string;
  database: TestDatabase;
  process: TypeScriptProcess;
  close(): Promise<void>;
}

/** A free loopback port (the service binds it a moment later; a clash shows as a start-up failure). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Runs services/<name>/src/main.ts as its own process, as `npm start` does, against the real
 * PostgreSQL (a fresh database), Kafka (topics under `topicPrefix`, shared by the services of one
 * test so that their events reach each other) and Redis; resolves once /health/ready answers 200.
 */
export async function spawnService(name: string, topicPrefix: string, env: Record<string, string> = {}): Promise<SpawnedService> {
  const infra = testInfrastructure();
  const database = await createTestDatabase(name);
  const port = await freePort();
  const child = spawnTypeScript(`services/${name}/src/main.ts`, {
    env: {
      PORT: String(port),
      DATABASE_URL: database.url,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      KAFKA_TOPIC_PARTITIONS: '2',
      REDIS_URL: infra.redisUrl,
      REDIS_KEY_PREFIX: `${topicPrefix}${name}:`,
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000; // generous: the shared test machine can be very busy
  for (;;) {
    if (child.exitCode() !== null) throw new Error(`${name} exited with ${child.exitCode()} before it was ready:\n${child.stderr()}\n${child.stdout().slice(-2000)}`);
    const ready = await fetch(`${url}/health/ready`).then((response) => response.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} not ready within 180 s:\n${child.stderr()}\n${child.stdout().slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    name,
    url,
    database,
    process: child,
    async close() {
      if (child.exitCode() === null) {
        child.kill('SIGTERM');
        const stopped = await Promise.race([child.exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 15_000))]);
        if (!stopped) child.kill('SIGKILL');
      }
      await database.drop();
    },
  };
}
