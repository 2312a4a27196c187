import { Inject, Injectable, type INestApplication, Logger, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { createTestDatabase, eventually, testInfrastructure, type TestDatabase, TEST_JWT_SECRET } from '@sangeyipi/testing';
import { createServiceApp, PlatformModule, SERVICE_NAME } from '../../src';

/** Logs once at start and then from a timer: work outside any request, as scanners and consumers do. */
@Injectable()
class Ticker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Ticker');
  private timer?: NodeJS.Timeout;

  constructor(@Inject(SERVICE_NAME) private readonly service: string) {}

  onApplicationBootstrap(): void {
    this.logger.log(`started by ${this.service}`);
    this.timer = setInterval(() => this.logger.log(`tick of ${this.service}`), 20);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }
}

@Module({ imports: [PlatformModule.forService({ name: 'first-probe' })], providers: [Ticker] })
class FirstProbeModule {}

@Module({ imports: [PlatformModule.forService({ name: 'second-probe' })], providers: [Ticker] })
class SecondProbeModule {}

describe('two services in one process (the embedded host)', () => {
  let database: TestDatabase;
  const apps: INestApplication[] = [];
  const lines = new Map<string, Record<string, unknown>[]>([
    ['first-probe', []],
    ['second-probe', []],
  ]);

  beforeAll(async () => {
    const infra = testInfrastructure();
    database = await createTestDatabase('shared_process_logging');
    const env = { DATABASE_URL: database.url, KAFKA_BROKERS: infra.kafkaBrokers.join(','), REDIS_URL: infra.redisUrl, AUTH_JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'info' };
    for (const [module, name] of [[FirstProbeModule, 'first-probe'], [SecondProbeModule, 'second-probe']] as const) {
      const app = await createServiceApp(module, {
        env,
        logDestination: { write: (line: string) => lines.get(name)?.push(JSON.parse(line) as Record<string, unknown>) },
      });
      apps.push(app);
      await app.listen(0, '127.0.0.1');
    }
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await database?.drop();
  });

  it("writes each service's lines outside requests through its own logger, named after it", async () => {
    for (const name of ['first-probe', 'second-probe']) {
      const own = await eventually(() => {
        const found = lines.get(name)?.filter((line) => line.context === 'Ticker') ?? [];
        if (!found.some((line) => line.msg === `tick of ${name}`)) throw new Error(`no tick of ${name} in its own log yet`);
        return found;
      });
      expect(own).toContainEqual(expect.objectContaining({ service: name, msg: `started by ${name}` }));
      expect(own.filter((line) => line.service !== name || !String(line.msg).endsWith(name))).toEqual([]);
      expect(lines.get(name)).toContainEqual(expect.objectContaining({ service: name, msg: 'Nest application successfully started' }));
    }
  });
});
