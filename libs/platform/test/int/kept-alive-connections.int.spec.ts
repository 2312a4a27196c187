import { connect, type Socket } from 'node:net';
import { type INestApplication, Module } from '@nestjs/common';
import { createTestDatabase, testInfrastructure, type TestDatabase, TEST_JWT_SECRET } from '@sangeyipi/testing';
import { createServiceApp, PlatformModule } from '../../src';

@Module({ imports: [PlatformModule.forService({ name: 'keep-alive-probe' })] })
class KeepAliveProbeModule {}

/** One request on a kept-alive connection; resolves when its answer has arrived. */
function requestOn(socket: Socket, path: string): Promise<string> {
  return new Promise((resolve) => {
    let received = '';
    const onData = (chunk: Buffer) => {
      received += chunk.toString('utf8');
      const [head, body = ''] = received.split('\r\n\r\n');
      const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? NaN);
      if (body.length >= length) {
        socket.off('data', onData);
        resolve(head.split('\r\n')[0]);
      }
    };
    socket.on('data', onData);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n`);
  });
}

describe('kept-alive HTTP connections', () => {
  let database: TestDatabase;
  let app: INestApplication | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('keepalive');
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  afterAll(async () => {
    await database?.drop();
  });

  async function startApp(env: Record<string, string> = {}): Promise<number> {
    const infra = testInfrastructure();
    app = await createServiceApp(KeepAliveProbeModule, {
      env: { DATABASE_URL: database.url, KAFKA_BROKERS: infra.kafkaBrokers.join(','), REDIS_URL: infra.redisUrl, AUTH_JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent', ...env },
    });
    await app.listen(0, '127.0.0.1');
    return Number(new URL(await app.getUrl()).port);
  }

  it('closes an idle connection after HTTP_KEEP_ALIVE_TIMEOUT_MS, not after Node’s 5 s', async () => {
    const port = await startApp({ HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000' });
    const socket = connect(port, '127.0.0.1');
    const closedByService = new Promise<number>((resolve) => socket.once('end', () => resolve(Date.now())));

    expect(await requestOn(socket, '/health/live')).toBe('HTTP/1.1 200 OK');
    const answered = Date.now();
    expect(await requestOn(socket, '/health/live')).toBe('HTTP/1.1 200 OK'); // the same connection, kept
    const idleFor = (await closedByService) - answered;

    expect(idleFor).toBeGreaterThanOrEqual(900);
    expect(idleFor).toBeLessThan(3_000);
    socket.destroy();
  });

  it('keeps an idle connection 65 s by default, longer than the gateway (60 s) or a load balancer keeps one', async () => {
    await startApp();

    expect(app?.getHttpServer().keepAliveTimeout).toBe(65_000);
  });
});
