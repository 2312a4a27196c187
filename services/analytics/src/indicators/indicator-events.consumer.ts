import type { Provider } from '@nestjs/common';
import { CONTEXTS } from '@sangeyipi/contracts';
import { IndicatorFactStore } from '@sangeyipi/indicators';
import type { EventSubscriber, IntegrationEvent } from '@sangeyipi/messaging';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Feeds the indicator projection from every context's topic, in one consumer group
 * (`analytics.indicators`): Kafka only. Each event changes its stream's fact and the partition's
 * offset in the consumer's transaction. A type this code does not know cannot be decoded and is
 * dead-lettered by the consumer (counted in consumer_messages_total), so it changes nothing.
 */
export class IndicatorEventsConsumer implements EventSubscriber {
  readonly purpose = 'indicators';
  readonly contexts = CONTEXTS;

  constructor(private readonly facts: IndicatorFactStore) {}

  readonly handle = async (event: IntegrationEvent, manager: EntityManager): Promise<void> => {
    await this.facts.applyLive(manager, event, event.delivery);
  };
}

/**
 * The consumer as EventBackboneModule registers it: built in that module's scope, where only the
 * global providers (the DataSource among them) can be injected.
 */
export const INDICATOR_EVENTS_CONSUMER: Provider = {
  provide: IndicatorEventsConsumer,
  inject: [DataSource],
  useFactory: (dataSource: DataSource) => new IndicatorEventsConsumer(new IndicatorFactStore(dataSource)),
};
