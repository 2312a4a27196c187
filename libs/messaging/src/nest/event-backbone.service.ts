import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Context } from '@sangeyipi/contracts';
import { EventLog, PostgresEventStore } from '@sangeyipi/eventstore';
import { MetricsRegistry, SERVICE_NAME, ServiceConfig } from '@sangeyipi/platform';
import type { Kafka } from 'kafkajs';
import type { Counter, Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { KafkaEventConsumer } from '../kafka/kafka-event-consumer';
import { KafkaPublisher } from '../kafka/kafka-publisher';
import { ensureTopics, eventTopic } from '../kafka/kafka-topics';
import { processEventBus } from '../in-process/in-process-event-bus';
import { EventRelay } from '../relay/event-relay';
import type { EventPublisher } from '../relay/event-publisher';
import type { EventSubscriber } from './event-subscriber';

export const KAFKA = Symbol('KAFKA');
export const BACKBONE_CONTEXT = Symbol('BACKBONE_CONTEXT');
export const EVENT_SUBSCRIBERS = Symbol('EVENT_SUBSCRIBERS');

/**
 * Runs a service's side of the event backbone: provisions its topic, runs its relay (the
 * elected replica publishes) and its consumer groups; stops them in that order's reverse at
 * shutdown so offsets and the relay checkpoint are committed. With EVENT_TRANSPORT=in-process
 * (the embedded mode) the relay hands events to the process's bus and the subscribers listen
 * there instead: no broker, the same handlers, de-duplication and dead-lettering.
 */
@Injectable()
export class EventBackboneService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('EventBackbone');
  private readonly publisher: EventPublisher & { close?(): Promise<void> };
  private readonly relay: EventRelay;
  private readonly consumers: KafkaEventConsumer[] = [];
  private readonly outcomes: Counter<'group' | 'outcome'>;
  private readonly consumerLag: Gauge<'group' | 'topic' | 'partition'>;

  constructor(
    @Inject(SERVICE_NAME) private readonly service: string,
    @Inject(BACKBONE_CONTEXT) private readonly context: Context,
    @Inject(KAFKA) private readonly kafka: Kafka | null,
    @Inject(EVENT_SUBSCRIBERS) private readonly subscribers: readonly EventSubscriber[],
    private readonly config: ServiceConfig,
    private readonly dataSource: DataSource,
    store: PostgresEventStore,
    log: EventLog,
    metrics: MetricsRegistry,
  ) {
    const published = metrics.counter({ name: 'relay_events_published_total', help: 'Events the relay published to Kafka' });
    this.outcomes = metrics.counter({
      name: 'consumer_messages_total',
      help: 'Messages consumed, by consumer group and outcome (handled, duplicate, dead-lettered)',
      labelNames: ['group', 'outcome'],
    });
    metrics.gauge({
      name: 'relay_lag_events',
      help: 'Sealed events not yet published by the relay',
      collect: async function () {
        const [row] = await dataSource.query(
          `SELECT (SELECT coalesce(max(log_sequence), 0) FROM event_log)
                - coalesce((SELECT log_sequence FROM relay_checkpoints WHERE relay = $1), 0) AS lag`,
          [service],
        );
        this.set(Number(row.lag));
      },
    });
    this.consumerLag = metrics.gauge({
      name: 'consumer_lag_messages',
      help: 'Messages not yet consumed, by consumer group, topic and partition',
      labelNames: ['group', 'topic', 'partition'],
    });
    this.publisher = kafka === null ? processEventBus() : new KafkaPublisher(kafka);
    this.relay = new EventRelay({
      service,
      topic: this.topicOf(context),
      store,
      log,
      publisher: this.publisher,
      onPublished: (count) => published.inc(count),
      onError: (error) => this.logger.error({ err: error }, 'relay failed; retrying'),
    });
  }

  /** This service's own topic. */
  get topic(): string {
    return this.topicOf(this.context);
  }

  /** Wakes the relay after an append, so events leave without waiting for the next poll. */
  notifyAppended(): void {
    this.relay.notify();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.kafka === null) return this.startInProcess();
    await ensureTopics(this.kafka, [this.topic], this.topicSettings());
    this.relay.start();
    for (const subscriber of this.subscribers) {
      const consumerGroup = `${this.config.KAFKA_TOPIC_PREFIX}${this.service}.${subscriber.purpose}`;
      const consumer = new KafkaEventConsumer({
        kafka: this.kafka,
        dataSource: this.dataSource,
        topicSettings: this.topicSettings(),
        subscription: {
          consumerGroup,
          topics: subscriber.contexts.map((context) => this.topicOf(context)),
          handle: subscriber.handle,
          maxAttempts: subscriber.maxAttempts,
        },
        onOutcome: (outcome) => this.outcomes.inc({ group: consumerGroup, outcome }),
        onLag: ({ topic, partition, messages }) => this.consumerLag.set({ group: consumerGroup, topic, partition }, messages),
        onError: (error) => this.logger.warn({ err: error, consumerGroup }, 'event handler failed; will retry or dead-letter'),
      });
      await consumer.start();
      this.consumers.push(consumer);
    }
    this.logger.log({ topic: this.topic, consumers: this.consumers.length }, 'event backbone started');
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
    await this.relay.stop();
    await this.publisher.close?.();
  }

  private startInProcess(): void {
    const bus = processEventBus();
    for (const subscriber of this.subscribers) {
      bus.subscribe(this.dataSource, {
        consumerGroup: `${this.service}.${subscriber.purpose}`,
        topics: subscriber.contexts.map((context) => this.topicOf(context)),
        handle: subscriber.handle,
        maxAttempts: subscriber.maxAttempts,
      });
    }
    this.relay.start();
    this.logger.log({ topic: this.topic, subscribers: this.subscribers.length }, 'event backbone started in process');
  }

  private topicOf(context: Context): string {
    return eventTopic(context, this.config.KAFKA_TOPIC_PREFIX);
  }

  private topicSettings() {
    return { partitions: this.config.KAFKA_TOPIC_PARTITIONS, replicationFactor: this.config.KAFKA_REPLICATION_FACTOR };
  }
}
