import { Inject, Injectable, Logger } from '@nestjs/common';
import { REDIS_CLIENT, RedisKeys, type RedisClient } from '@sangeyipi/platform';

export interface RateLimitVerdict {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the current window ends. */
  resetSeconds: number;
}

/**
 * Fixed one-minute windows counted in Redis (INCR, and EXPIRE on a window's first request), so that every
 * gateway replica shares one count per client. When Redis is unreachable the request passes:
 * losing the limit for a moment is better than refusing every citizen.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async take(bucket: string, client: string, limit: number, windowSeconds = 60): Promise<RateLimitVerdict> {
    const nowSeconds = Math.floor(Date.now() / 1000);
    const window = Math.floor(nowSeconds / windowSeconds);
    const resetSeconds = (window + 1) * windowSeconds - nowSeconds;
    const key = this.keys.key('rate', bucket, client, window);
    try {
      const count = await this.redis.incr(key);
      // Each window has its own key, so a key left without a lifetime (a crash between the two calls) only lingers.
      if (count === 1) await this.redis.expire(key, windowSeconds + 1);
      return { allowed: count <= limit, limit, remaining: Math.max(0, limit - count), resetSeconds };
    } catch (error) {
      this.logger.warn(`rate limit not applied, Redis unavailable: ${error instanceof Error ? error.message : String(error)}`);
      return { allowed: true, limit, remaining: limit, resetSeconds };
    }
  }
}
