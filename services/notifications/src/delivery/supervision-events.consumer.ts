import { Inject, Injectable } from '@nestjs/common';
import type { TypedEvent } from '@sangeyipi/contracts';
import type { EventSubscriber, IntegrationEvent } from '@sangeyipi/messaging';
import { CLOCK, WorkingDayCalendar, type Clock } from '@sangeyipi/platform';
import type { EntityManager } from 'typeorm';
import { NotificationsConfig } from '../config/notifications.config';
import { ContextCopiesRepository } from '../context-copies/context-copies.repository';
import { DirectoryRepository } from '../directory/directory.repository';
import { rectificationReminderAt } from '../notification/rectification-reminder.policy';
import { planSupervisionMessages } from '../notification/supervision-messages.plan';
import { MessageOutboxWriter } from './message-outbox.writer';

/**
 * Turns the supervision context's events into deliveries: inspection assignments, rectification
 * orders with their reminder (a scheduled delivery, so it fires once whichever replica claims it),
 * commitment verification outcomes and bad ratings. Keeps each inspection plan's title for its draw.
 */
@Injectable()
export class SupervisionEventsConsumer implements EventSubscriber {
  readonly purpose = 'supervision-messages';
  readonly contexts = ['supervision'] as const;

  constructor(
    private readonly directory: DirectoryRepository,
    private readonly copies: ContextCopiesRepository,
    private readonly writer: MessageOutboxWriter,
    private readonly calendar: WorkingDayCalendar,
    private readonly config: NotificationsConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  readonly handle = async (event: IntegrationEvent, manager: EntityManager): Promise<void> => {
    const typed = { type: event.type, data: event.data } as TypedEvent;
    if (typed.type === 'supervision.InspectionPlanned') {
      const { planId, title, method, drawOn } = typed.data;
      return this.copies.saveInspectionPlan({ planId, title, method, drawOn }, manager);
    }
    const plan = typed.type === 'supervision.InspectionDrawn' ? await this.copies.inspectionPlan(typed.data.planId, manager) : undefined;
    const unitId = 'unitId' in typed.data ? typed.data.unitId : undefined;
    const unit = unitId ? await this.directory.unit(unitId, manager) : undefined;
    const caseId = 'caseId' in typed.data && typed.data.caseId ? typed.data.caseId : undefined;
    const parties = caseId ? await this.directory.caseParties(caseId, manager) : undefined;
    const reminderAt =
      typed.type === 'supervision.RectificationOrdered'
        ? rectificationReminderAt(typed.data.dueOn, this.config.RECTIFICATION_REMINDER_WORKING_DAYS, this.calendar, this.clock.now())
        : undefined;

    const intents = planSupervisionMessages(typed, { plan, unit, parties, rectificationReminderAt: reminderAt });
    await this.writer.write(event, intents, manager, { caseId, units: [unit] });
  };
}
