import { EventEmitter } from 'node:events';

/** What `set` accepts: node-redis v5's `expiration`/`condition` form and the older flags. */
export interface InMemorySetOptions {
  expiration?: { type: 'EX' | 'PX'; value: number };
  condition?: 'NX' | 'XX';
  EX?: number;
  PX?: number;
  NX?: boolean;
  XX?: boolean;
}

interface Entry {
  value: string;
  /** Epoch milliseconds after which the entry is gone; undefined keeps it. */
  expiresAt?: number;
}

type MessageListener = (message: string, channel: string) => void;

/** Channels shared by one client and its duplicates, as one Redis server's are. */
class Channels {
  private readonly listeners = new Map<string, Set<MessageListener>>();

  add(channel: string, listener: MessageListener): void {
    const set = this.listeners.get(channel) ?? new Set<MessageListener>();
    set.add(listener);
    this.listeners.set(channel, set);
  }

  remove(channel: string, listener?: MessageListener): void {
    if (!listener) this.listeners.delete(channel);
    else this.listeners.get(channel)?.delete(listener);
  }

  publish(channel: string, message: string): number {
    const set = this.listeners.get(channel);
    if (!set) return 0;
    // Like Redis, delivery is asynchronous to the publisher.
    for (const listener of set) queueMicrotask(() => listener(message, channel));
    return set.size;
  }
}

/**
 * The embedded mode's stand-in for the Redis server (`REDIS_URL=memory://local`): the subset of
 * node-redis commands the services use — strings with expiry, counters, and publish/subscribe —
 * kept in this process. It serves one process only: running replicas needs real Redis.
 */
export class InMemoryRedis extends EventEmitter {
  private open = false;

  constructor(
    private readonly entries = new Map<string, Entry>(),
    private readonly channels = new Channels(),
  ) {
    super();
  }

  get isOpen(): boolean {
    return this.open;
  }

  get isReady(): boolean {
    return this.open;
  }

  async connect(): Promise<this> {
    this.open = true;
    this.emit('ready');
    return this;
  }

  /** A second connection to the same data, e.g. for subscribing. */
  duplicate(): InMemoryRedis {
    return new InMemoryRedis(this.entries, this.channels);
  }

  async close(): Promise<void> {
    this.open = false;
  }

  async quit(): Promise<string> {
    this.open = false;
    return 'OK';
  }

  destroy(): void {
    this.open = false;
  }

  async ping(): Promise<string> {
    return 'PONG';
  }

  async get(key: string): Promise<string | null> {
    return this.live(key)?.value ?? null;
  }

  async set(key: string, value: string | number, options: InMemorySetOptions = {}): Promise<string | null> {
    const exists = this.live(key) !== undefined;
    const condition = options.condition ?? (options.NX ? 'NX' : options.XX ? 'XX' : undefined);
    if ((condition === 'NX' && exists) || (condition === 'XX' && !exists)) return null;
    const ttlMs = this.ttlMsOf(options);
    this.entries.set(key, { value: String(value), expiresAt: ttlMs === undefined ? undefined : Date.now() + ttlMs });
    return 'OK';
  }

  async del(keys: string | readonly string[]): Promise<number> {
    let removed = 0;
    for (const key of typeof keys === 'string' ? [keys] : keys) {
      if (this.live(key) !== undefined) removed += 1;
      this.entries.delete(key);
    }
    return removed;
  }

  async exists(keys: string | readonly string[]): Promise<number> {
    return (typeof keys === 'string' ? [keys] : keys).filter((key) => this.live(key) !== undefined).length;
  }

  async incr(key: string): Promise<number> {
    return this.incrBy(key, 1);
  }

  async incrBy(key: string, increment: number): Promise<number> {
    const entry = this.live(key);
    const current = entry ? Number(entry.value) : 0;
    if (!Number.isInteger(current)) throw new Error('ERR value is not an integer or out of range');
    const next = current + increment;
    this.entries.set(key, { value: String(next), expiresAt: entry?.expiresAt });
    return next;
  }

  async expire(key: string, seconds: number): Promise<number> {
    return this.pExpire(key, seconds * 1000);
  }

  async pExpire(key: string, milliseconds: number): Promise<number> {
    const entry = this.live(key);
    if (!entry) return 0;
    entry.expiresAt = Date.now() + milliseconds;
    return 1;
  }

  async pTTL(key: string): Promise<number> {
    const entry = this.live(key);
    if (!entry) return -2;
    return entry.expiresAt === undefined ? -1 : Math.max(0, entry.expiresAt - Date.now());
  }

  async ttl(key: string): Promise<number> {
    const ms = await this.pTTL(key);
    return ms < 0 ? ms : Math.ceil(ms / 1000);
  }

  async publish(channel: string, message: string): Promise<number> {
    return this.channels.publish(channel, message);
  }

  async subscribe(channel: string, listener: MessageListener): Promise<void> {
    this.channels.add(channel, listener);
  }

  async unsubscribe(channel: string, listener?: MessageListener): Promise<void> {
    this.channels.remove(channel, listener);
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private ttlMsOf(options: InMemorySetOptions): number | undefined {
    if (options.expiration) return options.expiration.type === 'EX' ? options.expiration.value * 1000 : options.expiration.value;
    if (options.EX !== undefined) return options.EX * 1000;
    return options.PX;
  }
}
