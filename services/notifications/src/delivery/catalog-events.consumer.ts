import { Injectable } from '@nestjs/common';
import type { TypedEvent } from '@sangeyipi/contracts';
import type { EventSubscriber, IntegrationEvent } from '@sangeyipi/messaging';
import type { EntityManager } from 'typeorm';
import { DirectoryRepository } from '../directory/directory.repository';
import { planCatalogMessages } from '../notification/catalog-messages.plan';
import { MessageOutboxWriter } from './message-outbox.writer';

/** Turns the catalog context's events into deliveries: an item sent back, to its unit. */
@Injectable()
export class CatalogEventsConsumer implements EventSubscriber {
  readonly purpose = 'catalog-messages';
  readonly contexts = ['catalog'] as const;

  constructor(
    private readonly directory: DirectoryRepository,
    private readonly writer: MessageOutboxWriter,
  ) {}

  readonly handle = async (event: IntegrationEvent, manager: EntityManager): Promise<void> => {
    const typed = { type: event.type, data: event.data } as TypedEvent;
    if (typed.type !== 'catalog.CatalogItemRejected') return;
    const unit = await this.directory.unit(typed.data.unitId, manager);
    await this.writer.write(event, planCatalogMessages(typed, unit), manager, { units: [unit] });
  };
}
