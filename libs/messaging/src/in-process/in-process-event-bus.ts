import { AsyncLocalStorage } from 'node:async_hooks';
import { decodeEnvelope } from '@sangeyipi/contracts';
import type { DataSource } from 'typeorm';
import type { EventSubscription } from '../consumer/event-handler';
import { MessageProcessor, PostgresDeadLetterSink } from '../consumer/message-processor';
import type { TransportMessage } from '../integration-event';
import type { EventPublisher } from '../relay/event-publisher';

interface LocalSubscriber {
  topics: ReadonlySet<string>;
  processor: MessageProcessor;
  /** Batches wait here so each subscriber sees them in publish order, one batch at a time. */
  queue: Promise<void>;
  /** Runs work in the async context the subscriber subscribed from (its application's logger), not the publisher's. */
  inSubscriberContext: <R>(work: () => R) => R;
}

/**
 * The embedded mode's transport: what a relay publishes is handed to the local subscribers of
 * that topic, through the same handler contract, de-duplication and dead-lettering as Kafka.
 * `publish` resolves once every subscriber has processed the batch, so the relay's checkpoint
 * never runs ahead of them.
 */
export class InProcessEventBus implements EventPublisher {
  private readonly subscribers: LocalSubscriber[] = [];
  private opened = false;
  private openGate!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.openGate = resolve));

  /**
   * Lets publishing begin. Until then `publish` waits, so that applications started one after
   * another in one process all subscribe before the first relay hands over events.
   */
  open(): void {
    this.opened = true;
    this.openGate();
  }

  get isOpen(): boolean {
    return this.opened;
  }

  subscribe(dataSource: DataSource, subscription: EventSubscription): void {
    this.subscribers.push({
      topics: new Set(subscription.topics),
      processor: new MessageProcessor(dataSource, subscription, new PostgresDeadLetterSink(dataSource)),
      queue: Promise.resolve(),
      inSubscriberContext: AsyncLocalStorage.snapshot(),
    });
  }

  async publish(messages: readonly TransportMessage[]): Promise<void> {
    await this.gate;
    const deliveries = this.subscribers.map((subscriber) => {
      const mine = messages.filter((m) => subscriber.topics.has(m.topic));
      subscriber.queue = subscriber.queue.then(async () => {
        if (mine.length === 0) return;
        const batch = mine.map((message) => ({ topic: message.topic, partition: 0, offset: offsetOf(message), key: message.key, value: message.value }));
        await subscriber.inSubscriberContext(() => subscriber.processor.processBatch(batch));
      });
      return subscriber.queue;
    });
    await Promise.all(deliveries);
  }
}

/**
 * A topic of the bus has one partition: one service's sealed log. The event's place in that log
 * (dense, in commit order, kept across restarts) is its offset, so a consumer that checkpoints
 * offsets (analytics) sees them grow across restarts as it would on Kafka.
 */
function offsetOf(message: TransportMessage): string {
  try {
    return decodeEnvelope(message.value).sourcePosition.toString();
  } catch {
    return '0'; // not an envelope: the processor dead-letters it, and its offset matters to nobody
  }
}

let processBus: InProcessEventBus | undefined;

/** The one bus of this process, shared by every application started in it (the embedded mode). */
export function processEventBus(): InProcessEventBus {
  processBus ??= new InProcessEventBus();
  return processBus;
}
