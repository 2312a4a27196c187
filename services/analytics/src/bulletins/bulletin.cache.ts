import { Inject, Injectable, Logger } from '@nestjs/common';
import { MetricsRegistry, REDIS_CLIENT, RedisCacheGuard, RedisKeys, type RedisClient } from '@sangeyipi/platform';
import type { Counter } from 'prom-client';

/** A published bulletin never changes; the entry only expires to leave room for newer ones. */
const TTL_SECONDS = 7 * 24 * 3600;

/**
 * The Redis cache of published bulletins for the public pages. A bulletin is immutable, so an entry
 * is never stale. Redis being down costs speed, never answers: every failure falls through to
 * PostgreSQL.
 */
@Injectable()
export class BulletinCache {
  private readonly logger = new Logger('BulletinCache');
  private readonly lookups: Counter<'outcome'>;
  private readonly guarded: RedisCacheGuard;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    metrics: MetricsRegistry,
  ) {
    this.lookups = metrics.counter({
      name: 'analytics_bulletin_cache_lookups_total',
      help: 'Published-bulletin cache lookups by outcome: hit, miss, or redis_unavailable (answered from PostgreSQL)',
      labelNames: ['outcome'],
    });
    this.guarded = new RedisCacheGuard('bulletin cache', this.logger, () => this.lookups.inc({ outcome: 'redis_unavailable' }));
  }

  /** The bulletin from Redis, or loaded (and then cached when found). */
  async read<T>(bulletinId: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const key = this.keys.key('bulletin', bulletinId);
    const cached = await this.guarded.run(() => this.redis.get(key));
    if (typeof cached === 'string') {
      this.lookups.inc({ outcome: 'hit' });
      return JSON.parse(cached) as T;
    }
    if (cached !== undefined) this.lookups.inc({ outcome: 'miss' });
    const value = await load();
    if (value !== undefined) void this.guarded.run(() => this.redis.set(key, JSON.stringify(value), { EX: TTL_SECONDS }));
    return value;
  }
}
