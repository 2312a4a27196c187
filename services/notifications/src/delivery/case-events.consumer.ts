import { Inject, Injectable } from '@nestjs/common';
import type { TypedEvent } from '@sangeyipi/contracts';
import type { EventSubscriber, IntegrationEvent } from '@sangeyipi/messaging';
import { CLOCK, type Clock } from '@sangeyipi/platform';
import type { EntityManager } from 'typeorm';
import { NotificationsConfig } from '../config/notifications.config';
import { DirectoryRepository } from '../directory/directory.repository';
import { planDeliveries } from '../notification/delivery-plan';
import { partiesFromReceipt, planNotifications } from '../notification/notification-plan';
import { parseQuietHours, type QuietHours } from '../notification/quiet-hours.policy';
import { DeliveryDedupStore } from './delivery-dedup.store';
import { DeliveryOutboxRepository } from './delivery-outbox.repository';

/**
 * Turns the cases context's events into deliveries in the outbox, in the same transaction that
 * records the event as processed (so a redelivered event adds nothing). Keeps each case's parties
 * from its receipt, since later events name only the case.
 */
@Injectable()
export class CaseEventsConsumer implements EventSubscriber {
  readonly purpose = 'case-messages';
  readonly contexts = ['cases'] as const;
  private readonly quietHours: QuietHours | undefined;

  constructor(
    private readonly directory: DirectoryRepository,
    private readonly outbox: DeliveryOutboxRepository,
    private readonly dedup: DeliveryDedupStore,
    @Inject(CLOCK) private readonly clock: Clock,
    config: NotificationsConfig,
  ) {
    this.quietHours = parseQuietHours(config.QUIET_HOURS);
  }

  readonly handle = async (event: IntegrationEvent, manager: EntityManager): Promise<void> => {
    const typed = { type: event.type, data: event.data } as TypedEvent;
    const caseId = 'caseId' in typed.data ? typed.data.caseId : undefined;
    let parties = caseId ? await this.directory.caseParties(caseId, manager) : undefined;
    if (typed.type === 'cases.CaseReceived' && !parties) {
      parties = partiesFromReceipt(typed.data);
      await this.directory.saveCaseParties(parties, manager);
    }
    const unitId = typed.type === 'cases.CaseOverdue' ? typed.data.unitId : parties?.unitId;
    const unit = unitId ? await this.directory.unit(unitId, manager) : undefined;

    const now = this.clock.now();
    const trigger = { eventId: event.eventId, eventType: event.type, correlationId: event.correlationId, caseId };
    for (const intent of planNotifications(typed, { parties, unit })) {
      const contacts = intent.recipient.kind === 'person' ? await this.directory.person(intent.recipient.id, manager) : unit;
      for (const planned of planDeliveries(event.eventId, intent, contacts, now, this.quietHours)) {
        // Redis answers fast for what was already delivered; the outbox's unique key is the fallback.
        if (await this.dedup.wasDelivered(planned.dedupKey)) continue;
        await this.outbox.add(planned, trigger, now, manager);
      }
    }
  };
}
