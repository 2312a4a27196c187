import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@sangeyipi/eventstore';
import type { AuthenticatedUser, Clock, WorkingDayCalendar } from '@sangeyipi/platform';
import type { EntityManager } from 'typeorm';
import { managesUnit, requireSupervisorOf } from '../access/supervision-access.policy';
import { todayIn } from '../clock.util';
import { creditAppend } from '../credit/credit.ledger';
import { SupervisionActionForbidden, SupervisionRecordNotFound } from '../supervision.errors';
import type { FindingRaised } from '../supervision.events';
import { metadataFor, streamIds, type StreamAppend, type SupervisionStreams } from '../supervision-streams.repository';
import { decideFinding, evolveFinding, initialFindingState, type FindingCommand, type FindingState } from './finding.decider';

/**
 * Findings and their rectification (整改). Raising appends the finding and a credit record for its
 * unit together; supervisors order, check and escalate; the unit's admin answers.
 */
export class FindingCommandHandler {
  constructor(
    private readonly streams: SupervisionStreams,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
  ) {}

  /** The appends that raise a finding (nothing when it exists already, e.g. a redelivered source event). */
  async raiseAppends(finding: FindingRaised['data'], today: string, manager?: EntityManager, { withCredit = true } = {}): Promise<StreamAppend[]> {
    const streamId = streamIds.finding(finding.findingId);
    const { state } = await this.streams.load(streamId, initialFindingState(), evolveFinding, manager);
    if (state.status !== 'none') return [];
    const raised: StreamAppend = { streamId, expectedVersion: 0, events: decideFinding({ type: 'RaiseFinding', finding }, state) };
    if (!withCredit) return [raised];
    return [
      raised,
      await creditAppend(
        this.streams,
        { subjectId: finding.unitId, subjectKind: 'CREDIT_SUBJECT_KIND_SERVICE_UNIT', reason: 'CREDIT_REASON_FINDING_RAISED', sourceId: finding.findingId, recordId: randomUUID(), today },
        manager,
      ),
    ];
  }

  async raise(finding: FindingRaised['data'], metadata: EventMetadata, manager?: EntityManager): Promise<void> {
    await this.streams.append(await this.raiseAppends(finding, todayIn(this.clock), manager), metadata, manager);
  }

  order(user: AuthenticatedUser, findingId: string, regionCode: string, requiredActions: string[], limitDays: number): Promise<FindingState> {
    const today = todayIn(this.clock);
    return this.runAsSupervisor(user, findingId, regionCode, { type: 'OrderRectification', requiredActions, dueOn: this.calendar.addWorkingDays(today, limitDays), today });
  }

  async answer(user: AuthenticatedUser, findingId: string, regionCode: string, answer: string): Promise<FindingState> {
    const loaded = await this.load(findingId);
    if (!managesUnit(user, loaded.state.unitId)) throw new SupervisionActionForbidden(`only the unit admin of ${loaded.state.unitId} answers this rectification`);
    return this.run(user, 'unit_admin', loaded, regionCode, { type: 'AnswerRectification', answer, today: todayIn(this.clock) });
  }

  check(user: AuthenticatedUser, findingId: string, regionCode: string, accepted: boolean, note: string, limitDays: number | undefined): Promise<FindingState> {
    const today = todayIn(this.clock);
    const newDueOn = accepted || limitDays === undefined ? '' : this.calendar.addWorkingDays(today, limitDays);
    return this.runAsSupervisor(user, findingId, regionCode, { type: 'CheckRectification', accepted, note, newDueOn, today });
  }

  async escalate(user: AuthenticatedUser, findingId: string, regionCode: string, reason: string, accountabilityProposal: string): Promise<FindingState> {
    const loaded = await this.load(findingId);
    requireSupervisorOf(user, regionCode);
    const today = todayIn(this.clock);
    const events = decideFinding({ type: 'EscalateRectification', reason, accountabilityProposal, today }, loaded.state);
    const credit = await creditAppend(this.streams, {
      subjectId: loaded.state.unitId,
      subjectKind: 'CREDIT_SUBJECT_KIND_SERVICE_UNIT',
      reason: 'CREDIT_REASON_RECTIFICATION_ESCALATED',
      sourceId: findingId,
      recordId: randomUUID(),
      today,
    });
    await this.streams.append([{ streamId: streamIds.finding(findingId), expectedVersion: loaded.version, events }, credit], metadataFor(user, 'supervisor', regionCode));
    return events.reduce(evolveFinding, loaded.state);
  }

  /** The timer's flag on a rectification past its due date; refused (and skipped) when not due. */
  async markOverdue(findingId: string, today: string, metadata: EventMetadata): Promise<void> {
    const loaded = await this.load(findingId);
    const events = decideFinding({ type: 'MarkRectificationOverdue', today }, loaded.state);
    await this.streams.append([{ streamId: streamIds.finding(findingId), expectedVersion: loaded.version, events }], metadata);
  }

  private async load(findingId: string) {
    const loaded = await this.streams.load(streamIds.finding(findingId), initialFindingState(), evolveFinding);
    if (loaded.state.status === 'none') throw new SupervisionRecordNotFound('finding', findingId);
    return loaded;
  }

  private async runAsSupervisor(user: AuthenticatedUser, findingId: string, regionCode: string, command: FindingCommand): Promise<FindingState> {
    const loaded = await this.load(findingId);
    requireSupervisorOf(user, regionCode);
    return this.run(user, 'supervisor', loaded, regionCode, command);
  }

  private async run(user: AuthenticatedUser, role: string, loaded: { state: FindingState; version: number }, regionCode: string, command: FindingCommand): Promise<FindingState> {
    const events = decideFinding(command, loaded.state);
    await this.streams.append([{ streamId: streamIds.finding(loaded.state.findingId), expectedVersion: loaded.version, events }], metadataFor(user, role, regionCode));
    return events.reduce(evolveFinding, loaded.state);
  }
}
