import type { Provider } from '@nestjs/common';
import { cases } from '@sangeyipi/contracts';
import { PostgresEventStore } from '@sangeyipi/eventstore';
import type { EventBackboneService, EventSubscriber, IntegrationEvent } from '@sangeyipi/messaging';
import { CLOCK, toShanghaiDate, WorkingDayCalendar, type AuthenticatedUser, type Clock } from '@sangeyipi/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { decideAdvanceService } from '../advance-service/advance-service.decider';
import { decideApprovalChain } from '../approval-chain/approval-chain.decider';
import type { ApprovalProgress } from '../project/project.events';
import { advanceServiceStreamId, commandMetadata, ProjectStreams, projectStreamId } from '../shared/project-streams.repository';

/** The consumer acts as the system, on behalf of what the cases context reported. */
const CASES_FOLLOWER: AuthenticatedUser = { userId: 'system:cases-follower', roles: [] };

interface FollowedCase {
  case_id: string;
  stream_id: string;
  kind: 'approval' | 'advance-service';
}

/** A linked case's progress as the approval chain records it. */
interface Progress {
  progress: ApprovalProgress;
  on: string;
  committedDeadline: string;
}

/**
 * Kafka only: follows the cases context (cases.events.v1) for the cases that concern this service.
 *
 * - A case received for an enterprise whose industrial project needs that item is linked to the project's
 *   approval (ApprovalCaseLinked); its acceptance, clock stops and decision are recorded on the project
 *   (ApprovalCaseProgressed), which may flag the chain or complete it.
 * - A later case of an applicant served before applying (提前服务) is linked to the service
 *   (AdvanceServiceLinkedToCase); how it fares at acceptance (supplement requests, refusal) is kept in
 *   projects_followed_cases, so the service shows whether the formal application went through first time.
 *
 * Candidates come from the read model; the decisions from the streams, at the versions read, in the
 * consumer's transaction with the event id, so a redelivery changes nothing. A lost race with a command on
 * the same project fails the attempt, and the consumer's retry decides again on the new state.
 */
export class CasesEventsConsumer implements EventSubscriber {
  readonly purpose = 'case-links';
  readonly contexts = ['cases'] as const;
  readonly maxAttempts = 10;

  constructor(
    private readonly streams: ProjectStreams,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
  ) {}

  readonly handle = async (event: IntegrationEvent, manager: EntityManager): Promise<void> => {
    const occurredOn = toShanghaiDate(event.occurredAt);
    switch (event.type) {
      case 'cases.CaseReceived':
        return this.link(event.data as cases.CaseReceived, event.regionCode, manager);
      case 'cases.CaseAccepted': {
        const { caseId, acceptedOn, committedDeadline } = event.data as cases.CaseAccepted;
        await this.markAdvanceServiceCases(caseId, `accepted_on = COALESCE(accepted_on, $2)`, [acceptedOn], manager);
        return this.progress(caseId, { progress: 'APPROVAL_PROGRESS_ACCEPTED', on: acceptedOn, committedDeadline }, manager);
      }
      case 'cases.ClockSuspended': {
        const { caseId, suspendedOn } = event.data as cases.ClockSuspended;
        return this.progress(caseId, { progress: 'APPROVAL_PROGRESS_CLOCK_STOPPED', on: suspendedOn, committedDeadline: '' }, manager);
      }
      case 'cases.ClockResumed': {
        const { caseId, resumedAfter, committedDeadline } = event.data as cases.ClockResumed;
        return this.progress(caseId, { progress: 'APPROVAL_PROGRESS_CLOCK_RESTARTED', on: resumedAfter, committedDeadline }, manager);
      }
      case 'cases.CaseDecided': {
        const { caseId, decision } = event.data as cases.CaseDecided;
        const approved = decision === cases.Decision.APPROVED;
        await this.markAdvanceServiceCases(caseId, `decided_on = $2, decision = $3`, [occurredOn, approved ? 'approved' : 'denied'], manager);
        return this.progress(caseId, { progress: approved ? 'APPROVAL_PROGRESS_APPROVED' : 'APPROVAL_PROGRESS_DENIED', on: occurredOn, committedDeadline: '' }, manager);
      }
      case 'cases.CaseAcceptanceRefused': {
        const { caseId } = event.data as cases.CaseAcceptanceRefused;
        await this.markAdvanceServiceCases(caseId, `acceptance_refused = true`, [], manager);
        return this.progress(caseId, { progress: 'APPROVAL_PROGRESS_NOT_ACCEPTED', on: occurredOn, committedDeadline: '' }, manager);
      }
      case 'cases.MaterialsSupplementRequested': {
        const { caseId } = event.data as cases.MaterialsSupplementRequested;
        return this.markAdvanceServiceCases(caseId, `supplement_requests = supplement_requests + 1`, [], manager);
      }
      default:
        return;
    }
  };

  private async link(received: cases.CaseReceived, regionCode: string, manager: EntityManager): Promise<void> {
    const applicantId = received.applicant?.applicantId;
    if (!applicantId) return;
    const link = { caseId: received.caseId, itemId: received.itemId, receivedOn: received.receivedOn };

    const projects = (await manager.query(`SELECT DISTINCT project_id FROM projects_approval_slots WHERE owner_id = $1 AND item_id = $2`, [applicantId, received.itemId])) as {
      project_id: string;
    }[];
    for (const { project_id: projectId } of projects) {
      const { state, version } = await this.streams.loadProject(projectId, manager);
      const events = decideApprovalChain({ type: 'LinkCase', data: link }, state, this.calendar);
      if (events.length === 0) continue;
      await this.streams.append([{ streamId: projectStreamId(projectId), expectedVersion: version, events }], commandMetadata(CASES_FOLLOWER, 'system', regionCode), manager);
      await this.follow(received, projectStreamId(projectId), 'approval', manager);
    }

    const services = (await manager.query(`SELECT request_id FROM projects_advance_services WHERE applicant_id = $1 AND requested_on <= $2`, [applicantId, received.receivedOn])) as {
      request_id: string;
    }[];
    for (const { request_id: requestId } of services) {
      const { state, version } = await this.streams.loadAdvanceService(requestId, manager);
      if (state.status === 'none') continue;
      const events = decideAdvanceService({ type: 'LinkCase', data: { ...link, unitId: received.unitId, applicantId } }, state);
      if (events.length === 0) continue;
      await this.streams.append(
        [{ streamId: advanceServiceStreamId(requestId), expectedVersion: version, events }],
        commandMetadata(CASES_FOLLOWER, 'system', state.regionCode),
        manager,
      );
      await this.follow(received, advanceServiceStreamId(requestId), 'advance-service', manager);
    }
  }

  private async follow(received: cases.CaseReceived, streamId: string, kind: FollowedCase['kind'], manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO projects_followed_cases (case_id, stream_id, kind, item_id, received_on) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [received.caseId, streamId, kind, received.itemId, received.receivedOn],
    );
  }

  private async followed(caseId: string, manager: EntityManager): Promise<FollowedCase[]> {
    return (await manager.query(`SELECT case_id, stream_id, kind FROM projects_followed_cases WHERE case_id = $1`, [caseId])) as FollowedCase[];
  }

  private async progress(caseId: string, progress: Progress, manager: EntityManager): Promise<void> {
    for (const followed of await this.followed(caseId, manager)) {
      if (followed.kind !== 'approval') continue;
      const projectId = followed.stream_id.slice('project-'.length);
      const { state, version } = await this.streams.loadProject(projectId, manager);
      if (state.status === 'none') continue;
      const today = toShanghaiDate(this.clock.now());
      const events = decideApprovalChain({ type: 'RecordCaseProgress', data: { caseId, ...progress, today } }, state, this.calendar);
      await this.streams.append(
        [{ streamId: followed.stream_id, expectedVersion: version, events }],
        commandMetadata(CASES_FOLLOWER, 'system', state.listRegionCode),
        manager,
      );
    }
  }

  /** How a served applicant's case fares at acceptance: kept beside the link, for the "no detours" effect. */
  private async markAdvanceServiceCases(caseId: string, assignment: string, values: unknown[], manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE projects_followed_cases SET ${assignment} WHERE case_id = $1 AND kind = 'advance-service'`, [caseId, ...values]);
  }
}

/**
 * Subscribers are instantiated inside EventBackboneModule, which sees the event store and the data source
 * but not the projects module: the consumer gets its own ProjectStreams over the same store. Its appends
 * are picked up by the relay's poll.
 */
export const CASES_EVENTS_CONSUMER: Provider = {
  provide: CasesEventsConsumer,
  // The service's one calendar (global, from CalendarNoticesModule), so the consumer counts with the entered notices too.
  inject: [PostgresEventStore, DataSource, WorkingDayCalendar, CLOCK],
  useFactory: (store: PostgresEventStore, dataSource: DataSource, calendar: WorkingDayCalendar, clock: Clock) =>
    new CasesEventsConsumer(new ProjectStreams(store, dataSource, { notifyAppended: () => undefined } as unknown as EventBackboneService), calendar, clock),
};
