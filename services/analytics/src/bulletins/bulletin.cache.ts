import { Inject, Injectable, Logger } from '@nestjs/common';
import { MetricsRegistry, REDIS_CLIENT, RedisKeys, type RedisClient } from '@sangeyipi/platform';
import type { Counter } from 'prom-client';

/** A Redis that does not answer within this is treated as down for the request. */
const REDIS_TIMEOUT_MS = 100;
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
  private lastFailure = '';

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
  }

  /** The bulletin from Redis, or loaded (and then cached when found). */
  async read<T>(bulletinId: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const key = this.keys.key('bulletin', bulletinId);
    const cached = await this.withRedis(() => this.redis.get(key));
    if (typeof cached === 'string') {
      this.lookups.inc({ outcome: 'hit' });
      return JSON.parse(cached) as T;
    }
    if (cached !== undefined) this.lookups.inc({ outcome: 'miss' });
    const value = await load();
    if (value !== undefined) void this.withRedis(() => this.redis.set(key, JSON.stringify(value), { EX: TTL_SECONDS }));
    return value;
  }

  private async withRedis<T>(command: () => Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${REDIS_TIMEOUT_MS} ms`)), REDIS_TIMEOUT_MS);
      });
      const result = await Promise.race([command(), timeout]);
      this.lastFailure = '';
      return result;
    } catch (error) {
      this.lookups.inc({ outcome: 'redis_unavailable' });
      const reason = (error as Error).message;
      if (reason !== this.lastFailure) this.logger.warn(`bulletin cache bypassed: ${reason}`);
      this.lastFailure = reason;
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
