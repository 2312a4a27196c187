import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { REDIS_CLIENT, RedisKeys, type RedisClient } from '@sangeyipi/platform';
import { GatewayConfig } from '../config/gateway-config.schema';

/** The first answer to a command, kept to answer its retries. */
export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  /** Base64 of the body bytes. */
  body: string;
}

type Entry = { state: 'pending'; fingerprint: string } | ({ state: 'done'; fingerprint: string } & StoredAnswer);

export type Reservation =
  | { outcome: 'reserved' }
  | { outcome: 'answered'; answer: StoredAnswer }
  | { outcome: 'in-progress' }
  | { outcome: 'key-reused' };

/** How long a reservation lives when the gateway dies before the answer: then a retry may run again. */
const PENDING_SECONDS = 120;
const WAIT_FOR_FIRST_MS = 10_000;
const POLL_MS = 50;

/** Refused when Redis is down: without it no retry could be recognised, so the command is not run. */
export class IdempotencyStoreUnavailable extends Error {
  override readonly name = 'IdempotencyStoreUnavailable';
}

/**
 * `Idempotency-Key` for commands, in Redis: the first request with a key reserves it (SET NX), runs
 * and stores its answer; a retry gets that answer without reaching the service again; a duplicate
 * that arrives while the first is still running waits for its answer (up to 10 s, then 409). Keys
 * are per caller, and a key reused for a different request (method, path or body) is refused.
 */
@Injectable()
export class IdempotencyStore {
  private readonly ttlSeconds: number;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    config: GatewayConfig,
  ) {
    this.ttlSeconds = config.GATEWAY_IDEMPOTENCY_TTL_HOURS * 3600;
  }

  static fingerprint(method: string, path: string, body: unknown): string {
    return createHash('sha256').update(`${method} ${path}\n${JSON.stringify(body ?? null)}`).digest('hex');
  }

  async reserve(caller: string, key: string, fingerprint: string): Promise<Reservation> {
    const redisKey = this.redisKey(caller, key);
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const pending: Entry = { state: 'pending', fingerprint };
      const reserved = await this.command(() => this.redis.set(redisKey, JSON.stringify(pending), { condition: 'NX', expiration: { type: 'EX', value: PENDING_SECONDS } }));
      if (reserved === 'OK') return { outcome: 'reserved' };
      const raw = await this.command(() => this.redis.get(redisKey));
      if (raw === null) continue; // expired between the two calls: try to reserve again
      const entry = JSON.parse(raw) as Entry;
      if (entry.fingerprint !== fingerprint) return { outcome: 'key-reused' };
      if (entry.state === 'done') return { outcome: 'answered', answer: { status: entry.status, headers: entry.headers, body: entry.body } };
      if (Date.now() >= deadline) return { outcome: 'in-progress' };
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  async complete(caller: string, key: string, fingerprint: string, answer: StoredAnswer): Promise<void> {
    const entry: Entry = { state: 'done', fingerprint, ...answer };
    await this.command(() => this.redis.set(this.redisKey(caller, key), JSON.stringify(entry), { expiration: { type: 'EX', value: this.ttlSeconds } }));
  }

  /** Frees the key after a failure that did not reach a decision (5xx), so a retry runs again. */
  async release(caller: string, key: string): Promise<void> {
    await this.command(() => this.redis.del(this.redisKey(caller, key)));
  }

  private redisKey(caller: string, key: string): string {
    return this.keys.key('idempotency', createHash('sha256').update(`${caller}\n${key}`).digest('hex'));
  }

  private async command<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new IdempotencyStoreUnavailable(error instanceof Error ? error.message : String(error));
    }
  }
}
