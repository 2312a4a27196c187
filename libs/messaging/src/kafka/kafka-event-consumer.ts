import { Partitioners, type Consumer, type Kafka, type Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { EventSubscription } from '../consumer/event-handler';
import { MessageProcessor, type DeadLetter, type DeadLetterSink, type ProcessOutcome } from '../consumer/message-processor';
import { deadLetterTopic, ensureTopics, type TopicSettings } from './kafka-topics';

/** Sends dead letters to `<group>.dlq` with the original value and why it failed. */
class KafkaDeadLetterSink implements DeadLetterSink {
  constructor(private readonly producer: Producer) {}

  async send(letter: DeadLetter): Promise<void> {
    await this.producer.send({
      topic: deadLetterTopic(letter.consumerGroup),
      acks: -1,
      messages: [
        {
          key: letter.message.key,
          value: letter.message.value,
          headers: {
            'dlq-error': letter.error,
            'dlq-attempts': String(letter.attempts),
            'dlq-original-topic': letter.message.topic,
            'dlq-original-partition': String(letter.message.partition),
            'dlq-original-offset': letter.message.offset,
          },
        },
      ],
    });
  }
}

export interface KafkaEventConsumerOptions {
  kafka: Kafka;
  dataSource: DataSource;
  subscription: EventSubscription;
  topicSettings: TopicSettings;
  fromBeginning?: boolean;
  onOutcome?: (outcome: ProcessOutcome) => void;
  /** After each fetched batch: how many messages of that partition remain unread. */
  onLag?: (lag: { topic: string; partition: number; messages: number }) => void;
  onError?: (error: unknown) => void;
  /**
   * Partitions handled at once, each holding a database connection while its batch runs
   * (default: the topic's partition count, at most 4, so a burst leaves the pool to requests).
   */
  partitionsConsumedConcurrently?: number;
  /** Messages per transaction; a bigger fetched batch is handled in slices (default 500). */
  maxBatchSize?: number;
}

/**
 * A consumer group member. Each fetched batch is handled in one transaction (MessageProcessor
 * .processBatch); its offsets are resolved after that commits, or after a failing message was
 * dead-lettered. A crash in between redelivers the batch, and the processed-message records
 * turn the redelivery into a no-op.
 */
export class KafkaEventConsumer {
  private readonly consumer: Consumer;
  private readonly producer: Producer;

  constructor(private readonly options: KafkaEventConsumerOptions) {
    this.consumer = options.kafka.consumer({ groupId: options.subscription.consumerGroup, allowAutoTopicCreation: false });
    this.producer = options.kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  }

  async start(): Promise<void> {
    const { subscription } = this.options;
    await ensureTopics(this.options.kafka, [...subscription.topics, deadLetterTopic(subscription.consumerGroup)], this.options.topicSettings);
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...subscription.topics], fromBeginning: this.options.fromBeginning ?? true });
    const processor = new MessageProcessor(this.options.dataSource, subscription, new KafkaDeadLetterSink(this.producer), (error) =>
      this.options.onError?.(error),
    );
    this.consumer.on(this.consumer.events.END_BATCH_PROCESS, ({ payload }) =>
      this.options.onLag?.({ topic: payload.topic, partition: payload.partition, messages: Number(payload.offsetLag) }),
    );
    const maxBatchSize = this.options.maxBatchSize ?? 500;
    await this.consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? Math.min(this.options.topicSettings.partitions, 4),
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }) => {
        for (let start = 0; start < batch.messages.length; start += maxBatchSize) {
          // After a rebalance or at shutdown, leave the rest to whoever owns the partition now.
          if (!isRunning() || isStale()) return;
          const slice = batch.messages.slice(start, start + maxBatchSize);
          const outcomes = await processor.processBatch(
            slice.map((message) => ({
              topic: batch.topic,
              partition: batch.partition,
              offset: message.offset,
              key: message.key?.toString() ?? null,
              value: message.value,
            })),
          );
          resolveOffset(slice[slice.length - 1].offset);
          outcomes.forEach((outcome) => this.options.onOutcome?.(outcome));
          await commitOffsetsIfNecessary();
          await heartbeat();
        }
      },
    });
  }

  /** Stops fetching, lets the message in hand finish, and commits offsets. */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }
}
