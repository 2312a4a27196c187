import { Logger, type FactoryProvider } from '@nestjs/common';
import { createClient } from 'redis';
import { ServiceConfig } from '../config/service-config.schema';
import { InMemoryRedis } from './in-memory-redis';

/** Injection token of the service's one shared node-redis client. */
export const REDIS_CLIENT = Symbol('sangeyipi:redis-client');

export type RedisClient = ReturnType<typeof createClient>;

/** How long start-up waits for Redis before going on without it (readiness then reports it down). */
const FIRST_CONNECT_WAIT_MS = 2_000;
const MAX_RECONNECT_DELAY_MS = 1_000;

/**
 * The shared client. Redis being down must never stop the service (it degrades speed, not
 * correctness), so start-up waits briefly for the first connection and then goes on while the
 * client keeps reconnecting in the background. Commands fail at once while disconnected instead
 * of queueing, so callers can fall back.
 */
export const redisClientProvider: FactoryProvider<Promise<RedisClient>> = {
  provide: REDIS_CLIENT,
  inject: [ServiceConfig],
  useFactory: async (config: ServiceConfig) => {
    if (isInMemoryRedisUrl(config.REDIS_URL)) {
      // The stand-in implements the commands the services use; the cast is the one place that says so.
      return (await new InMemoryRedis().connect()) as unknown as RedisClient;
    }
    const logger = new Logger('Redis');
    const client = createClient({
      url: config.REDIS_URL,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: FIRST_CONNECT_WAIT_MS,
        reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, MAX_RECONNECT_DELAY_MS),
      },
    });
    let lastError = '';
    client.on('error', (error: Error) => {
      // The client reports every failed reconnection: log only when the reason changes.
      if (error.message === lastError) return;
      lastError = error.message;
      logger.warn(`Redis unavailable: ${error.message}`);
    });
    client.on('ready', () => {
      if (lastError) logger.log('Redis connected again');
      lastError = '';
    });
    const firstOutcome = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, FIRST_CONNECT_WAIT_MS);
      const settle = () => {
        clearTimeout(timer);
        client.off('ready', settle).off('error', settle);
        resolve();
      };
      client.once('ready', settle).once('error', settle);
    });
    client.connect().catch(() => undefined); // keeps reconnecting; failures arrive as 'error' events
    await firstOutcome;
    return client;
  },
};

/** Closes the client: gracefully when connected, at once when it is still trying to connect. */
export async function closeRedisClient(client: RedisClient): Promise<void> {
  if (!client.isOpen) return;
  if (client.isReady) await client.close();
  else client.destroy();
}

/** True for `memory://…`: the embedded mode's in-process stand-in instead of a Redis server. */
export function isInMemoryRedisUrl(url: string): boolean {
  return url.startsWith('memory:');
}
