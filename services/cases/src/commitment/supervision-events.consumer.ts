import type { Provider } from '@nestjs/common';
import { supervision } from '@sangeyipi/contracts';
import { PostgresEventStore } from '@sangeyipi/eventstore';
import type { EventBackboneService, EventSubscriber, IntegrationEvent } from '@sangeyipi/messaging';
import { CLOCK, WorkingDayCalendar, type Clock } from '@sangeyipi/platform';
import type { EntityManager } from 'typeorm';
import { CaseRuleViolation } from '../case/case.errors';
import { CaseStreams } from '../case/case.streams';

/**
 * Kafka only: reacts to supervision's findings. A verification after a 告知承诺 decision (事后核查)
 * that found the commitment false (虚假承诺) revokes the case's approval (DecisionRevoked), in the
 * consumer's transaction; a redelivery finds the decision already revoked and changes nothing.
 */
export class SupervisionEventsConsumer implements EventSubscriber {
  readonly purpose = 'commitment-verification';
  readonly contexts = ['supervision'] as const;

  constructor(private readonly cases: CaseStreams) {}

  readonly handle = async (event: IntegrationEvent, manager: EntityManager): Promise<void> => {
    if (event.type !== 'supervision.FindingRaised') return;
    const finding = event.data as supervision.FindingRaised;
    const falseCommitment =
      finding.source === supervision.FindingSource.COMMITMENT_VERIFICATION && finding.category === supervision.FindingCategory.FALSE_COMMITMENT;
    if (!falseCommitment || !finding.caseId) return;
    try {
      await this.cases.execute(
        finding.caseId,
        { userId: 'system:supervision-findings', roles: [] },
        { type: 'RevokeDecision', reason: finding.description || '事后核查: 虚假承诺', findingId: finding.findingId },
        { manager },
      );
    } catch (error) {
      if (error instanceof CaseRuleViolation) return; // not this service's case, or already revoked
      throw error;
    }
  };
}

/**
 * Subscribers are instantiated inside EventBackboneModule, which sees the event store but not the
 * cases module (and EventBackboneService depends on the subscribers): the consumer gets its own
 * CaseStreams over the same store. Its appends are picked up by the relay's poll.
 */
export const SUPERVISION_EVENTS_CONSUMER: Provider = {
  provide: SupervisionEventsConsumer,
  // The service's one calendar (global, from CalendarNoticesModule), so the consumer counts with the entered notices too.
  inject: [PostgresEventStore, WorkingDayCalendar, CLOCK],
  useFactory: (store: PostgresEventStore, calendar: WorkingDayCalendar, clock: Clock) =>
    new SupervisionEventsConsumer(new CaseStreams(store, { notifyAppended: () => undefined } as unknown as EventBackboneService, calendar, clock)),
};
