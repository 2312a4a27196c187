import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { REDIS_CLIENT, RedisKeys, type RedisClient } from '@sangeyipi/platform';
import { filter, Subject, type Observable } from 'rxjs';
import type { InboxMessage } from './inbox-message';

/**
 * Fans new inbox messages out to the connected portals of every replica through Redis pub/sub.
 * When Redis cannot take a message, it still reaches the clients connected to this replica.
 */
@Injectable()
export class InboxLiveStream implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('InboxLiveStream');
  private readonly messages = new Subject<InboxMessage>();
  private readonly subscriber: RedisClient;
  private readonly channel: string;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    keys: RedisKeys,
  ) {
    this.subscriber = redis.duplicate();
    this.subscriber.on('error', () => undefined); // the shared client already logs Redis outages
    this.channel = keys.key('inbox-live');
  }

  async onModuleInit(): Promise<void> {
    try {
      await this.subscriber.connect();
      await this.subscriber.subscribe(this.channel, (payload) => this.messages.next(JSON.parse(payload) as InboxMessage));
    } catch (error) {
      this.logger.warn(`live inbox updates only reach this replica: ${(error as Error).message}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.messages.complete();
    if (this.subscriber.isOpen) await this.subscriber.close().catch(() => this.subscriber.destroy());
  }

  publish(message: InboxMessage): void {
    this.redis.publish(this.channel, JSON.stringify(message)).catch(() => this.messages.next(message));
  }

  /** New messages of one person, as they are delivered. */
  of(personId: string): Observable<InboxMessage> {
    return this.messages.pipe(filter((message) => message.personId === personId));
  }
}
