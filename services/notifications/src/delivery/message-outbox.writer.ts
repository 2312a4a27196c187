import { Inject, Injectable } from '@nestjs/common';
import type { IntegrationEvent } from '@sangeyipi/messaging';
import { CLOCK, type Clock } from '@sangeyipi/platform';
import type { EntityManager } from 'typeorm';
import { NotificationsConfig } from '../config/notifications.config';
import { DirectoryRepository } from '../directory/directory.repository';
import { planDeliveries } from '../notification/delivery-plan';
import type { MessageIntent, UnitContacts } from '../notification/notification.types';
import { parseQuietHours, type QuietHours } from '../notification/quiet-hours.policy';
import { DeliveryDedupStore } from './delivery-dedup.store';
import { DeliveryOutboxRepository } from './delivery-outbox.repository';

/**
 * Turns the messages an event calls for into deliveries in the outbox, in the consumer's
 * transaction: each recipient's channels and language from the directory, quiet hours, and the
 * de-duplication key (Redis answers fast for what was already delivered; the outbox's unique key
 * is the fallback that decides).
 */
@Injectable()
export class MessageOutboxWriter {
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

  /** `units` holds the directory entries the planner already loaded, by unit id. */
  async write(event: IntegrationEvent, intents: readonly MessageIntent[], manager: EntityManager, { caseId, units = [] }: { caseId?: string; units?: (UnitContacts | undefined)[] } = {}): Promise<void> {
    const now = this.clock.now();
    const trigger = { eventId: event.eventId, eventType: event.type, correlationId: event.correlationId, caseId };
    for (const intent of intents) {
      const contacts =
        intent.recipient.kind === 'person'
          ? await this.directory.person(intent.recipient.id, manager)
          : (units.find((unit) => unit?.unitId === intent.recipient.id) ?? (await this.directory.unit(intent.recipient.id, manager)));
      for (const planned of planDeliveries(event.eventId, intent, contacts, now, this.quietHours)) {
        if (await this.dedup.wasDelivered(planned.dedupKey)) continue;
        await this.outbox.add(planned, trigger, now, manager);
      }
    }
  }
}
