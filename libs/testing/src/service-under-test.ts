import type { INestApplication } from '@nestjs/common';
import { testInfrastructure } from './infrastructure.js';
import { TEST_JWT_SECRET } from './test-tokens';
import { createTestDatabase, uniqueName, type TestDatabase } from './test-database';

export interface ServiceUnderTest {
  app: INestApplication;
  url: string;
  database: TestDatabase;
  close(): Promise<void>;
}

/** Builds the service's application from an environment, e.g. `(env) => createServiceApp(CasesModule, { env })`. */
export type ServiceAppFactory = (env: Record<string, string>) => Promise<INestApplication>;

/**
 * Runs a service's application in-process on a random loopback port, against the real
 * PostgreSQL (a fresh database), Kafka (topics under a run prefix) and Redis (a key prefix).
 */
export async function startServiceUnderTest(
  createApp: ServiceAppFactory,
  name: string,
  /** Variables to add or override; a function receives the fresh database first. */
  env: Record<string, string> | ((database: TestDatabase) => Promise<Record<string, string>>) = {},
): Promise<ServiceUnderTest> {
  const infra = testInfrastructure();
  const database = await createTestDatabase(name);
  const overrides = typeof env === 'function' ? await env(database) : env;
  const prefix = uniqueName(name);
  const app = await createApp({
    DATABASE_URL: database.url,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: `${prefix}.`,
    KAFKA_TOPIC_PARTITIONS: '2',
    REDIS_URL: infra.redisUrl,
    REDIS_KEY_PREFIX: `${prefix}:`,
    LOG_LEVEL: 'warn',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    ...overrides,
  });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    url,
    database,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
