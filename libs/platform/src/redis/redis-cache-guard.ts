import type { Logger } from '@nestjs/common';

/** A Redis that does not answer within this is treated as down for the request. */
const DEFAULT_TIMEOUT_MS = 100;

/**
 * Runs the Redis commands of a cache so that Redis being down or slow costs speed, never answers: a
 * command that fails or takes longer than `timeoutMs` gives undefined, and the caller falls through to
 * PostgreSQL. Each failure is reported to `onUnavailable` (a metric) and each new cause logged once.
 */
export class RedisCacheGuard {
  private lastFailure = '';

  constructor(
    private readonly cacheName: string,
    private readonly logger: Logger,
    private readonly onUnavailable: () => void,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  async run<T>(command: () => Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
      });
      const result = await Promise.race([command(), timeout]);
      this.lastFailure = '';
      return result;
    } catch (error) {
      this.onUnavailable();
      const reason = (error as Error).message;
      if (reason !== this.lastFailure) this.logger.warn(`${this.cacheName} bypassed: ${reason}`);
      this.lastFailure = reason;
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
