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
}

/**
 * A consumer group member. Offsets are committed after each message is handled, recorded as a
 * duplicate, or dead-lettered; a crash in between redelivers it, and the processed-message
 * record turns the redelivery into a no-op.
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
    await this.consumer.run({
      autoCommit: true,
      eachMessage: async ({ topic, partition, message }) => {
        const outcome = await processor.process({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value: message.value,
        });
        this.options.onOutcome?.(outcome);
      },
    });
  }

  /** Stops fetching, lets the message in hand finish, and commits offsets. */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }
}
