import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { closeRedisClient, REDIS_CLIENT, redisClientProvider, type RedisClient } from './redis-client.provider';
import { RedisKeys } from './redis-keys.service';

/** One shared node-redis client (`REDIS_CLIENT`), connected at start and closed at shutdown, and `RedisKeys`. */
@Module({
  providers: [redisClientProvider, RedisKeys],
  exports: [REDIS_CLIENT, RedisKeys],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly client: RedisClient) {}

  async onApplicationShutdown(): Promise<void> {
    await closeRedisClient(this.client);
  }
}
