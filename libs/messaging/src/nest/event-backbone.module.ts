import { Logger, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { Context } from '@sangeyipi/contracts';
import { EventLog, PostgresEventStore, SnapshotStore } from '@sangeyipi/eventstore';
import { CLOCK, MetricsRegistry, SERVICE_NAME, ServiceConfig, type Clock } from '@sangeyipi/platform';
import { DataSource } from 'typeorm';
import { validateContractEvent } from '../contract-event-validator';
import { createKafka } from '../kafka/kafka-connection';
import { BACKBONE_CONTEXT, EVENT_SUBSCRIBERS, EventBackboneService, KAFKA } from './event-backbone.service';
import type { EventSubscriber } from './event-subscriber';
import { EventLogVerificationController } from './event-log-verification.controller';
import { StreamVersionConflictFilter } from './stream-version-conflict.filter';

export interface EventBackboneOptions {
  /** The bounded context this service writes events for; its topic is `<context>.events.v1`. */
  context: Context;
  /** Providers (tokens) that resolve to the service's EventSubscriber instances. */
  subscribers?: readonly Provider[];
}

/**
 * The event store, the relay to Kafka and the consumer groups of one service. The service's
 * migrations must include EVENT_STORE_MIGRATIONS and MESSAGING_MIGRATIONS (see BACKBONE_MIGRATIONS).
 * It also serves the auditors' GET /event-log/verification (EventLogVerificationController).
 */
@Module({})
export class EventBackboneModule {
  static forService({ context, subscribers = [] }: EventBackboneOptions): DynamicModule {
    const kafkaLogger = new Logger('kafkajs');
    const subscriberTokens = subscribers.map((provider) => (typeof provider === 'function' ? provider : provider.provide));
    return {
      module: EventBackboneModule,
      // GET /event-log/verification: every service on the backbone reports on its own chains.
      controllers: [EventLogVerificationController],
      providers: [
        ...subscribers,
        { provide: BACKBONE_CONTEXT, useValue: context },
        {
          provide: KAFKA,
          inject: [SERVICE_NAME, ServiceConfig],
          // No client at all when events stay in the process (the embedded mode).
          useFactory: (service: string, config: ServiceConfig) =>
            config.EVENT_TRANSPORT === 'in-process'
              ? null
              : createKafka({
                  clientId: service,
                  brokers: config.KAFKA_BROKERS,
                  log: (level, message, extra) => (level === 'error' ? kafkaLogger.error(extra, message) : kafkaLogger.warn(extra, message)),
                }),
        },
        { provide: EVENT_SUBSCRIBERS, inject: subscriberTokens, useFactory: (...instances: EventSubscriber[]) => instances },
        {
          provide: PostgresEventStore,
          inject: [DataSource, MetricsRegistry, CLOCK],
          useFactory: (dataSource: DataSource, metrics: MetricsRegistry, clock: Clock) => {
            const appended = metrics.counter({ name: 'eventstore_events_appended_total', help: 'Events appended to the store' });
            return new PostgresEventStore(dataSource, {
              now: () => clock.now(),
              validateEvent: validateContractEvent,
              onAppended: (events) => appended.inc(events.length),
            });
          },
        },
        { provide: EventLog, inject: [PostgresEventStore], useFactory: (store: PostgresEventStore) => new EventLog(store) },
        { provide: SnapshotStore, inject: [PostgresEventStore], useFactory: (store: PostgresEventStore) => new SnapshotStore(store) },
        { provide: APP_FILTER, useClass: StreamVersionConflictFilter },
        EventBackboneService,
      ],
      exports: [PostgresEventStore, EventLog, SnapshotStore, EventBackboneService],
    };
  }
}
