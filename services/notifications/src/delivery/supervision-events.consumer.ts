import { Inject, Injectable } from '@nestjs/common';
import type { TypedEvent } from '@sangeyipi/contracts';
import type { EventSubscriber, IntegrationEvent } from '@sangeyipi/messaging';
import { CLOCK, WorkingDayCalendar, type Clock } from '@sangeyipi/platform';
import type { EntityManager } from 'typeorm';
import { NotificationsConfig } from '../config/notifications.config';
import { ContextCopiesRepository } from '../context-copies/context-copies.repository';
import { DirectoryRepository } from '../directory/directory.repository';
import { rectificationReminderAt } from '../notification/rectification-reminder.policy';
import { planSupervisionMessages, settledMatter } from '../notification/supervision-messages.plan';
import { DeliveryOutboxRepository } from './delivery-outbox.repository';
import { MessageOutboxWriter } from './message-outbox.writer';

/**
 * Turns the supervision context's events into deliveries: inspection assignments, rectification
 * orders with their reminder (a scheduled delivery, so it fires once whichever replica claims it, and
 * is withdrawn once the unit answers), overdue rectifications, commitment verification outcomes, bad
 * ratings and their answers, complaint outcomes. Keeps what later events need but do not carry.
 */
@Injectable()
export class SupervisionEventsConsumer implements EventSubscriber {
  readonly purpose = 'supervision-messages';
  readonly contexts = ['supervision'] as const;

  constructor(
    private readonly directory: DirectoryRepository,
    private readonly copies: ContextCopiesRepository,
    private readonly outbox: DeliveryOutboxRepository,
    private readonly writer: MessageOutboxWriter,
    private readonly calendar: WorkingDayCalendar,
    private readonly config: NotificationsConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  readonly handle = async (event: IntegrationEvent, manager: EntityManager): Promise<void> => {
    const typed = { type: event.type, data: event.data } as TypedEvent;
    await this.keepCopies(typed, manager);
    const settled = settledMatter(typed);
    if (settled) await this.outbox.withdraw(settled, `settled by ${typed.type}`, this.clock.now(), manager);

    const plan = typed.type === 'supervision.InspectionDrawn' ? await this.copies.inspectionPlan(typed.data.planId, manager) : undefined;
    const rating =
      typed.type === 'supervision.BadRatingReferred' || typed.type === 'supervision.BadRatingAnswered' || typed.type === 'supervision.BadRatingAnswerOverdue'
        ? await this.copies.rating(typed.data.ratingId, manager)
        : undefined;
    const complaint = typed.type === 'supervision.ComplaintResolved' ? await this.copies.complaint(typed.data.complaintId, manager) : undefined;
    const unitId = 'unitId' in typed.data ? typed.data.unitId : undefined;
    const unit = unitId ? await this.directory.unit(unitId, manager) : undefined;
    const caseId = ('caseId' in typed.data && typed.data.caseId) || rating?.caseId || undefined;
    const parties = caseId ? await this.directory.caseParties(caseId, manager) : undefined;
    const reminderAt =
      typed.type === 'supervision.RectificationOrdered'
        ? rectificationReminderAt(typed.data.dueOn, this.config.RECTIFICATION_REMINDER_WORKING_DAYS, this.calendar, this.clock.now())
        : undefined;

    const intents = planSupervisionMessages(typed, { plan, unit, parties, rectificationReminderAt: reminderAt, rating, complaint });
    await this.writer.write(event, intents, manager, { caseId, units: [unit] });
  };

  private async keepCopies(event: TypedEvent, manager: EntityManager): Promise<void> {
    switch (event.type) {
      case 'supervision.InspectionPlanned': {
        const { planId, title, method, drawOn } = event.data;
        return this.copies.saveInspectionPlan({ planId, title, method, drawOn }, manager);
      }
      case 'supervision.CaseRated': {
        const { ratingId, caseId, applicant, comment } = event.data;
        return this.copies.saveRating({ ratingId, caseId, applicantId: applicant?.applicantId ?? '', comment }, manager);
      }
      case 'supervision.ComplaintLodged': {
        const { complaintId, complainant, lodgedOn } = event.data;
        return this.copies.saveComplaint({ complaintId, complainantId: complainant?.applicantId ?? '', lodgedOn }, manager);
      }
    }
  }
}
