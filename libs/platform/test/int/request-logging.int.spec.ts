import { Controller, Get, type INestApplication, Logger, Module } from '@nestjs/common';
import { createTestDatabase, eventually, testInfrastructure, type TestDatabase, TEST_JWT_SECRET } from '@sangeyipi/testing';
import { CorrelationContext, createServiceApp, PlatformModule, Public } from '../../src';

@Public()
@Controller('work')
class WorkController {
  private readonly logger = new Logger(WorkController.name);

  @Get()
  async work(): Promise<{ correlationId: string | undefined }> {
    await new Promise((resolve) => setImmediate(resolve));
    this.logger.log('working');
    return { correlationId: CorrelationContext.current() };
  }
}

@Module({ imports: [PlatformModule.forService({ name: 'logging-probe' })], controllers: [WorkController] })
class LoggingProbeModule {}

describe('request logging', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let url: string;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const infra = testInfrastructure();
    database = await createTestDatabase('request_logging');
    app = await createServiceApp(LoggingProbeModule, {
      env: { DATABASE_URL: database.url, KAFKA_BROKERS: infra.kafkaBrokers.join(','), REDIS_URL: infra.redisUrl, AUTH_JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'info' },
      logDestination: { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
    });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it("puts the caller's correlation id and the service name on every line of the request", async () => {
    const response = await fetch(`${url}/work`, { headers: { 'x-correlation-id': 'order-42' } });

    expect(await response.json()).toEqual({ correlationId: 'order-42' });
    const requestLines = await eventually(() => {
      const found = lines.filter((line) => line.correlationId === 'order-42');
      return found.length >= 2 && found;
    });
    expect(requestLines).toEqual([
      expect.objectContaining({ service: 'logging-probe', context: 'WorkController', msg: 'working' }),
      expect.objectContaining({ service: 'logging-probe', msg: 'request completed', req: { method: 'GET', url: '/work' }, res: { statusCode: 200 } }),
    ]);
  });

  it('makes up a correlation id when the caller sends none, and returns it', async () => {
    const response = await fetch(`${url}/work`);
    const correlationId = response.headers.get('x-correlation-id');

    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({ correlationId });
    await eventually(() => lines.some((line) => line.correlationId === correlationId && line.msg === 'request completed'));
  });
});
