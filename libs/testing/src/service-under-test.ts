import type { INestApplication, Type } from '@nestjs/common';
import { createServiceApp } from '@sangeyipi/platform';
import { testInfrastructure } from './infrastructure.js';
import { createTestDatabase, uniqueName, type TestDatabase } from './test-database';

export interface ServiceUnderTest {
  app: INestApplication;
  url: string;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * Runs a service's application in-process on a random loopback port, against the real
 * PostgreSQL (a fresh database), Kafka (topics under a run prefix) and Redis (a key prefix).
 */
export async function startServiceUnderTest(appModule: Type, name: string, env: Record<string, string> = {}): Promise<ServiceUnderTest> {
  const infra = testInfrastructure();
  const database = await createTestDatabase(name);
  const prefix = uniqueName(name);
  const app = await createServiceApp(appModule, {
    env: {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: `${prefix}.`,
      KAFKA_TOPIC_PARTITIONS: '2',
      REDIS_URL: infra.redisUrl,
      REDIS_KEY_PREFIX: `${prefix}:`,
      LOG_LEVEL: 'warn',
      ...env,
    },
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
