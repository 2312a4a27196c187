import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { MetricsRegistry, REDIS_CLIENT, RedisCacheGuard, RedisKeys, type RedisClient } from '@sangeyipi/platform';
import type { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { CatalogConfig } from '../config/catalog-config.schema';

/** Where the public queries look before asking PostgreSQL. */
export interface QueryCache {
  read<T>(scope: string, query: object, load: () => Promise<T>): Promise<T>;
}

/**
 * The Redis cache of the public catalog. Keys name the read model's generation, which the projection
 * bumps in the same transaction as every change it applies: once a change is handled, no request can
 * reach an answer computed before it, and the old entries simply expire. Because the generation lives
 * in PostgreSQL (with an epoch per database), this holds across a Redis outage and a re-created database. Redis being down costs speed, never answers:
 * every Redis failure falls through to PostgreSQL.
 */
@Injectable()
export class PublicCatalogCache implements QueryCache {
  private readonly logger = new Logger('PublicCatalogCache');
  private readonly lookups: Counter<'outcome'>;
  private readonly guarded: RedisCacheGuard;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly config: CatalogConfig,
    private readonly dataSource: DataSource,
    metrics: MetricsRegistry,
  ) {
    this.lookups = metrics.counter({
      name: 'catalog_public_cache_lookups_total',
      help: 'Public catalog cache lookups by outcome: hit, miss, or redis_unavailable (answered from PostgreSQL)',
      labelNames: ['outcome'],
    });
    this.guarded = new RedisCacheGuard('public catalog cache', this.logger, () => this.lookups.inc({ outcome: 'redis_unavailable' }));
  }

  async read<T>(scope: string, query: object, load: () => Promise<T>): Promise<T> {
    const key = this.keys.key('public', scope, await this.generation(), digest(query));
    const cached = await this.guarded.run(() => this.redis.get(key));
    if (typeof cached === 'string') {
      this.lookups.inc({ outcome: 'hit' });
      return JSON.parse(cached) as T;
    }
    if (cached !== undefined) this.lookups.inc({ outcome: 'miss' });
    const value = await load();
    void this.guarded.run(() => this.redis.set(key, JSON.stringify(value), { EX: this.config.CATALOG_CACHE_TTL_SECONDS }));
    return value;
  }

  /** The read model's current generation, e.g. `3f2c…-g42`. */
  private async generation(): Promise<string> {
    const [row] = (await this.dataSource.query(`SELECT epoch::text || '-g' || generation AS generation FROM catalog_read_model_state`)) as Array<{ generation: string }>;
    return row.generation;
  }
}

function digest(query: object): string {
  return createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 24);
}
