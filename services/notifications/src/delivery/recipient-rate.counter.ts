import { Inject, Injectable } from '@nestjs/common';
import { REDIS_CLIENT, RedisKeys, type RedisClient } from '@sangeyipi/platform';
import { DeliveryOutboxRepository } from './delivery-outbox.repository';

/**
 * Counts the rate-limited messages each recipient got in a fixed window: in Redis, shared by all
 * replicas; when Redis is down, counted from the outbox instead.
 */
@Injectable()
export class RecipientRateCounter {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly outbox: DeliveryOutboxRepository,
  ) {}

  async sentInWindow(recipientId: string, window: { id: number; startsAt: Date }): Promise<number> {
    try {
      return Number((await this.redis.get(this.keys.key('sent', recipientId, window.id))) ?? 0);
    } catch {
      return this.outbox.countSentSince(recipientId, window.startsAt);
    }
  }

  async recordSent(recipientId: string, window: { id: number; endsAt: Date }): Promise<void> {
    const key = this.keys.key('sent', recipientId, window.id);
    await this.redis
      .multi()
      .incr(key)
      .pExpireAt(key, window.endsAt.getTime())
      .exec()
      .catch(() => undefined);
  }
}
