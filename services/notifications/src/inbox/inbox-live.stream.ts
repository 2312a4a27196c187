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

  /**
   * Subscribes in the background: a Redis that is down must not hold up the start (the client keeps
   * reconnecting and subscribes again by itself after a reconnection).
   */
  onModuleInit(): void {
    this.subscriber
      .connect()
      .then(() => this.subscriber.subscribe(this.channel, (payload) => this.messages.next(JSON.parse(payload) as InboxMessage)))
      .catch((error: Error) => this.logger.warn(`live inbox updates only reach this replica: ${error.message}`));
  }

  async onModuleDestroy(): Promise<void> {
    this.messages.complete();
    if (!this.subscriber.isOpen) return;
    // Still trying to connect: there is nothing to close gracefully.
    if (this.subscriber.isReady) await this.subscriber.close().catch(() => this.subscriber.destroy());
    else this.subscriber.destroy();
  }

  publish(message: InboxMessage): void {
    this.redis.publish(this.channel, JSON.stringify(message)).catch(() => this.messages.next(message));
  }

  /** New messages of one person, as they are delivered. */
  of(personId: string): Observable<InboxMessage> {
    return this.messages.pipe(filter((message) => message.personId === personId));
  }
}
