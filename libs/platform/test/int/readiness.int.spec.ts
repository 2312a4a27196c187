import { createServer } from 'node:net';
import { type INestApplication, Module } from '@nestjs/common';
import { createTestDatabase, testInfrastructure, type TestDatabase, TEST_JWT_SECRET } from '@sangeyipi/testing';
import { createServiceApp, PlatformModule } from '../../src';

@Module({ imports: [PlatformModule.forService({ name: 'readiness-probe' })] })
class ReadinessProbeModule {}

/** A port nothing listens on: taken from the system, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('readiness when Redis is unreachable', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    const infra = testInfrastructure();
    database = await createTestDatabase('readiness');
    app = await createServiceApp(ReadinessProbeModule, {
      env: {
        DATABASE_URL: database.url,
        KAFKA_BROKERS: infra.kafkaBrokers.join(','),
        REDIS_URL: `redis://127.0.0.1:${await closedPort()}`,
        AUTH_JWT_SECRET: TEST_JWT_SECRET,
        LOG_LEVEL: 'silent',
      },
    });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('starts anyway and answers /health/ready with 503, naming redis down and the others up', async () => {
    const response = await fetch(`${url}/health/ready`);

    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: 'error',
      error: { redis: { status: 'down' } },
      info: { database: { status: 'up' }, kafka: { status: 'up' } },
    });
  });

  it('stays alive', async () => {
    const response = await fetch(`${url}/health/live`);

    expect(response.status).toBe(200);
  });
});
