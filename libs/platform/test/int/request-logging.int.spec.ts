import { Body, Controller, Get, HttpCode, type INestApplication, Logger, Module, Post } from '@nestjs/common';
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

  @Get('failing')
  fail(): never {
    throw new Error('the disk is on fire');
  }

  @Post()
  @HttpCode(200)
  echo(@Body() body: unknown): unknown {
    return body;
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
      expect.objectContaining({
        service: 'logging-probe',
        level: 'info',
        msg: 'request completed',
        req: { method: 'GET', url: '/work' },
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
      }),
    ]);
  });

  it('makes up a correlation id when the caller sends none, and returns it', async () => {
    const response = await fetch(`${url}/work`);
    const correlationId = response.headers.get('x-correlation-id');

    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({ correlationId });
    await eventually(() => lines.some((line) => line.correlationId === correlationId && line.msg === 'request completed'));
  });

  it('logs a failed request as an error line, with the failure and its stack logged once beside it', async () => {
    const response = await fetch(`${url}/work/failing`, { headers: { 'x-correlation-id': 'failing-1' } });

    expect(response.status).toBe(500);
    const requestLines = await eventually(() => {
      const found = lines.filter((line) => line.correlationId === 'failing-1');
      return found.length >= 2 && found;
    });
    expect(requestLines).toEqual([
      expect.objectContaining({ level: 'error', err: expect.objectContaining({ message: 'the disk is on fire', stack: expect.any(String) }) }),
      expect.objectContaining({ level: 'error', msg: 'request completed', res: { statusCode: 500 } }),
    ]);
  });

  const post = (correlationId: string, body: string) =>
    fetch(`${url}/work`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-correlation-id': correlationId }, body });

  it('answers a body over the size limit with 413 and the limit, logging one warning and no error', async () => {
    const response = await post('too-large', JSON.stringify({ text: 'x'.repeat(200 * 1024) }));

    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toMatch(/^the request body is larger than the limit of \d+ bytes$/);
    const refused = await eventually(() => lines.find((line) => line.correlationId === 'too-large'));
    expect(refused).toMatchObject({
      level: 'warn',
      msg: 'request completed',
      req: { method: 'POST', url: '/work' },
      res: { statusCode: 413 },
      reason: expect.stringMatching(/^the request body is larger than the limit of \d+ bytes$/),
    });
    expect(lines.filter((line) => line.correlationId === 'too-large')).toHaveLength(1);
    expect(lines.filter((line) => line.level === 'error' && line.correlationId === 'too-large')).toEqual([]);
  });

  it('answers malformed JSON with 400 and what the parser found, logging one warning and no error', async () => {
    const response = await post('malformed', '{"broken": ');

    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/JSON/);
    const refused = await eventually(() => lines.find((line) => line.correlationId === 'malformed'));
    expect(refused).toMatchObject({ level: 'warn', msg: 'request completed', res: { statusCode: 400 } });
    expect(lines.filter((line) => line.level === 'error' && line.correlationId === 'malformed')).toEqual([]);
  });
});
