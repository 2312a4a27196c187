import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { createTestDatabase, eventually, testInfrastructure, type TestDatabase, TEST_JWT_SECRET } from '@sangeyipi/testing';
import { createServiceApp, PlatformModule, Public } from '../../src';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}

/** A request that stays in flight until the test lets it finish. */
class SlowRequest {
  static entered = deferred();
  static finish = deferred();

  static reset(): void {
    SlowRequest.entered = deferred();
    SlowRequest.finish = deferred();
  }
}

@Public()
@Controller('slow')
class SlowController {
  @Get()
  async slow(): Promise<{ finished: true }> {
    SlowRequest.entered.resolve();
    await SlowRequest.finish.promise;
    return { finished: true };
  }
}

@Module({ imports: [PlatformModule.forService({ name: 'shutdown-probe' })], controllers: [SlowController] })
class ShutdownProbeModule {}

describe('graceful shutdown', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('shutdown');
  });

  afterAll(async () => {
    await database?.drop();
  });

  async function startApp(shutdownTimeoutMs: number): Promise<{ app: INestApplication; url: string }> {
    const infra = testInfrastructure();
    const app = await createServiceApp(ShutdownProbeModule, {
      env: {
        DATABASE_URL: database.url,
        KAFKA_BROKERS: infra.kafkaBrokers.join(','),
        REDIS_URL: infra.redisUrl, AUTH_JWT_SECRET: TEST_JWT_SECRET,
        SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs),
        LOG_LEVEL: 'silent',
      },
    });
    await app.listen(0, '127.0.0.1');
    return { app, url: await app.getUrl() };
  }

  beforeEach(() => SlowRequest.reset());

  it('refuses new connections, lets the request in flight finish, then closes', async () => {
    const { app, url } = await startApp(10_000);
    const inFlight = fetch(`${url}/slow`);
    await SlowRequest.entered.promise;

    let closed = false;
    const closing = app.close().then(() => (closed = true));
    await eventually(() =>
      fetch(`${url}/health/live`).then(
        () => false,
        () => true, // connection refused
      ),
    );

    expect(closed).toBe(false);
    SlowRequest.finish.resolve();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ finished: true });
    await closing;
  });

  it('cuts a request still in flight after SHUTDOWN_TIMEOUT_MS', async () => {
    const { app, url } = await startApp(300);
    const inFlight = fetch(`${url}/slow`);
    await SlowRequest.entered.promise;

    const started = Date.now();
    await app.close();

    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    await expect(inFlight).rejects.toThrow();
    SlowRequest.finish.resolve();
  });
});
