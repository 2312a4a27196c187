import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { MetricsRegistry, REDIS_CLIENT, RedisKeys, type RedisClient } from '@sangeyipi/platform';
import type { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { CatalogConfig } from '../config/catalog-config.schema';

/** Where the public queries look before asking PostgreSQL. */
export interface QueryCache {
  read<T>(scope: string, query: object, load: () => Promise<T>): Promise<T>;
}

/** A Redis that does not answer within this is treated as down for the request. */
const REDIS_TIMEOUT_MS = 100;

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
  private lastFailure = '';

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
  }

  async read<T>(scope: string, query: object, load: () => Promise<T>): Promise<T> {
    const key = this.keys.key('public', scope, await this.generation(), digest(query));
    const cached = await this.withRedis(() => this.redis.get(key));
    if (typeof cached === 'string') {
      this.lookups.inc({ outcome: 'hit' });
      return JSON.parse(cached) as T;
    }
    if (cached !== undefined) this.lookups.inc({ outcome: 'miss' });
    const value = await load();
    void this.withRedis(() => this.redis.set(key, JSON.stringify(value), { EX: this.config.CATALOG_CACHE_TTL_SECONDS }));
    return value;
  }

  /** The read model's current generation, e.g. `3f2c…-g42`. */
  private async generation(): Promise<string> {
    const [row] = (await this.dataSource.query(`SELECT epoch::text || '-g' || generation AS generation FROM catalog_read_model_state`)) as Array<{ generation: string }>;
    return row.generation;
  }

  /** The command's result, or undefined when Redis is down or too slow (counted and logged once per cause). */
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
      if (reason !== this.lastFailure) this.logger.warn(`public catalog cache bypassed: ${reason}`);
      this.lastFailure = reason;
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}

function digest(query: object): string {
  return createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 24);
}
