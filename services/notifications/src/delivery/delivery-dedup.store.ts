import { Inject, Injectable } from '@nestjs/common';
import { REDIS_CLIENT, RedisKeys, type RedisClient } from '@sangeyipi/platform';

const REMEMBER_SECONDS = 30 * 24 * 3600;

/**
 * The fast path of de-duplication: keys of deliveries already made, in Redis. It only saves work;
 * when Redis is down it answers "not seen" and the outbox's unique key decides.
 */
@Injectable()
export class DeliveryDedupStore {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async wasDelivered(dedupKey: string): Promise<boolean> {
    try {
      return (await this.redis.exists(this.keys.key('delivered', dedupKey))) === 1;
    } catch {
      return false;
    }
  }

  async remember(dedupKey: string): Promise<void> {
    await this.redis.set(this.keys.key('delivered', dedupKey), '1', { expiration: { type: 'EX', value: REMEMBER_SECONDS } }).catch(() => undefined);
  }
}
