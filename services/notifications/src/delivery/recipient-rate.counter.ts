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

  /** Counts one more message; the counter expires with its window. Redis down: the outbox counts instead. */
  async recordSent(recipientId: string, window: { id: number; endsAt: Date }, now: Date): Promise<void> {
    const key = this.keys.key('sent', recipientId, window.id);
    try {
      // Two commands rather than MULTI, which the embedded mode's in-memory Redis does not offer.
      await this.redis.incr(key);
      await this.redis.pExpire(key, Math.max(1, window.endsAt.getTime() - now.getTime()));
    } catch {
      // An uncounted message only makes the limit more lenient until Redis is back.
    }
  }
}
