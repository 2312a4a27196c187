import { Injectable, type INestApplication, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { IsDefined, IsIn } from 'class-validator';
import { createTestDatabase, testInfrastructure, type TestDatabase, TEST_JWT_SECRET } from '@sangeyipi/testing';
import { ConfigVariable, createServiceApp, InvalidConfigurationError, PlatformModule, ServiceConfig } from '../../src';

class SearchConfig extends ServiceConfig {
  @ConfigVariable('one of simple, full')
  @IsIn(['simple', 'full'], { message: 'must be simple or full' })
  @IsDefined({ message: 'is required' })
  readonly SEARCH_MODE!: 'simple' | 'full';
}

@Injectable()
class SearchSettings {
  constructor(readonly config: SearchConfig) {}
}

@Module({ imports: [PlatformModule.forService({ name: 'search-probe', config: SearchConfig })], providers: [SearchSettings] })
class SearchProbeModule {}

describe("a service's own configuration", () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let app: INestApplication | undefined;

  beforeAll(async () => {
    const infra = testInfrastructure();
    database = await createTestDatabase('service_config');
    env = { DATABASE_URL: database.url, KAFKA_BROKERS: infra.kafkaBrokers.join(','), REDIS_URL: infra.redisUrl, AUTH_JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent' };
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('is refused before the application is built when a variable of its own is bad', async () => {
    await expect(createServiceApp(SearchProbeModule, { env: { ...env, SEARCH_MODE: 'fuzzy' } })).rejects.toThrow(
      new InvalidConfigurationError(['Invalid configuration: SEARCH_MODE must be simple or full, got "fuzzy" (one of simple, full)']),
    );
  });

  it('is injected as its own class, as ServiceConfig, and through ConfigService, without touching process.env', async () => {
    app = await createServiceApp(SearchProbeModule, { env: { ...env, SEARCH_MODE: 'full', KAFKA_TOPIC_PARTITIONS: '3' } });

    const settings = app.get(SearchSettings);
    expect(settings.config).toBeInstanceOf(SearchConfig);
    expect(settings.config).toMatchObject({ SEARCH_MODE: 'full', KAFKA_TOPIC_PARTITIONS: 3 });
    expect(app.get(ServiceConfig)).toBe(settings.config);
    expect(app.get(ConfigService).get('KAFKA_TOPIC_PARTITIONS')).toBe(3);
    expect(process.env.SEARCH_MODE).toBeUndefined();
  });
});
