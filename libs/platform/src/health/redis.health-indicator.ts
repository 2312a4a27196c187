import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { REDIS_CLIENT, type RedisClient } from '../redis/redis-client.provider';
import { reasonOf, withTimeout } from './with-timeout.util';

const CHECK_TIMEOUT_MS = 1_000;

/** `redis`: the shared client is connected and Redis answers PING. */
@Injectable()
export class RedisHealthIndicator {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'redis'): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    if (!this.redis.isReady) return indicator.down({ message: 'not connected' });
    try {
      await withTimeout(this.redis.ping(), CHECK_TIMEOUT_MS, 'Redis');
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: reasonOf(error) });
    }
  }
}
