import { loadServiceConfig } from '../config/load-service-config.util';
import { ServiceConfig } from '../config/service-config.schema';
import { RedisKeys } from './redis-keys.service';

const ENV = { DATABASE_URL: 'postgres://db/x', KAFKA_BROKERS: 'kafka:9092', REDIS_URL: 'redis://cache:6379', AUTH_JWT_SECRET: 'unit-test-signing-key-0123456789abcdef' };

describe('RedisKeys', () => {
  it("puts the service's keys under its name by default", () => {
    const keys = new RedisKeys(loadServiceConfig(ServiceConfig, ENV), 'catalog');

    expect(keys.key('idempotency', 'abc')).toBe('catalog:idempotency:abc');
  });

  it('uses REDIS_KEY_PREFIX when it is set', () => {
    const keys = new RedisKeys(loadServiceConfig(ServiceConfig, { ...ENV, REDIS_KEY_PREFIX: 'staging:catalog:' }), 'catalog');

    expect(keys.key('cache', 7)).toBe('staging:catalog:cache:7');
  });
});
