import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, toShanghaiDate, type AuthenticatedUser, type Clock, type Role } from '@sangeyipi/platform';
import { DataSource } from 'typeorm';
import { ActionForbidden, NotFound, RulesViolated } from '../shared/projects.errors';
import { readsUnitRecord, servesForUnit } from '../shared/access.policy';
import { toApi, toContract } from '../shared/api-names';
import { CatalogCopyQueries } from '../catalog-copy/catalog-copy.queries';
import { insertAdvanceServiceLookup } from '../shared/link-lookups';
import { advanceServiceStreamId, commandMetadata, ProjectStreams } from '../shared/project-streams.repository';
import type { ApplicantKind, ApplicantRef } from '../project/project.events';
import { decideAdvanceService, evolveAdvanceService, type AdvanceServiceCommand, type AdvanceServiceState } from './advance-service.decider';
import type { AdvanceServiceApproach, AdvanceServiceFocus, AdvanceServiceKind } from './advance-service.events';
import type { DeliverAdvanceServiceDto, RequestAdvanceServiceDto, ScheduleAdvanceServiceDto } from './dto/advance-service.dto';

type ExistingService = Exclude<AdvanceServiceState, { status: 'none' }>;

export interface LinkedCaseView {
  caseId: string;
  itemId: string;
  receivedOn: string;
  supplementRequests: number;
  acceptanceRefused: boolean;
  acceptedOn: string | null;
  decision: string | null;
  /** Accepted without a supplement request or refusal: the formal application went through first time (不走回头路). */
  acceptedFirstTime: boolean;
}

/** An advance service as the API shows it: API enum names. */
export function advanceServiceView(state: ExistingService) {
  return {
    ...state,
    applicant: { kind: toApi('APPLICANT_KIND', state.applicant.kind), applicantId: state.applicant.applicantId },
    approach: toApi('ADVANCE_SERVICE_APPROACH', state.approach),
    kinds: state.kinds.map((kind) => toApi('ADVANCE_SERVICE_KIND', kind)),
    focuses: state.focuses.map((focus) => toApi('ADVANCE_SERVICE_FOCUS', focus)),
    origin: toApi('ADVANCE_SERVICE_ORIGIN', state.origin),
    projectId: state.projectId || null,
  };
}

/**
 * 提前服务: an applicant asks (or a unit offers) service before the formal application for an item of the
 * advance-service catalog; the serving unit's clerks or unit admin schedule it with named staff and record
 * its delivery. The applicant's later cases are linked by the cases consumer.
 */
@Injectable()
export class AdvanceServiceCommandHandler {
  constructor(
    private readonly streams: ProjectStreams,
    private readonly catalog: CatalogCopyQueries,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async request(user: AuthenticatedUser, dto: RequestAdvanceServiceDto): Promise<{ requestId: string; status: string }> {
    const item = await this.catalog.advanceServiceItem(dto.itemId);
    const asApplicant = user.roles.includes('applicant');
    let applicant: ApplicantRef;
    let origin: 'ADVANCE_SERVICE_ORIGIN_REQUESTED_BY_APPLICANT' | 'ADVANCE_SERVICE_ORIGIN_OFFERED_BY_UNIT';
    let role: Role;
    if (asApplicant) {
      if (dto.applicant) throw new RulesViolated([{ field: 'applicant', rule: 'applicant-is-caller', message: 'an applicant asks for themselves: leave applicant out' }]);
      applicant = { kind: 'APPLICANT_KIND_PERSON', applicantId: user.userId };
      origin = 'ADVANCE_SERVICE_ORIGIN_REQUESTED_BY_APPLICANT';
      role = 'applicant';
    } else {
      // Staff offer the service of their own unit's item (主动服务), naming the applicant.
      if (item && !servesForUnit(user, item.unitId)) throw new ActionForbidden(`only clerks and the unit admin of ${item.unitId} offer this service`);
      if (!dto.applicant) throw new RulesViolated([{ field: 'applicant', rule: 'applicant-required', message: 'staff offering a service name the applicant' }]);
      applicant = { kind: toContract<ApplicantKind>('APPLICANT_KIND', dto.applicant.kind), applicantId: dto.applicant.applicantId };
      origin = 'ADVANCE_SERVICE_ORIGIN_OFFERED_BY_UNIT';
      role = user.roles.includes('unit_admin') ? 'unit_admin' : 'clerk';
    }
    const requestId = randomUUID();
    const events = decideAdvanceService(
      {
        type: 'RequestAdvanceService',
        data: {
          requestId,
          item,
          itemId: dto.itemId,
          applicant,
          projectId: dto.projectId ?? '',
          approach: toContract<AdvanceServiceApproach>('ADVANCE_SERVICE_APPROACH', dto.approach),
          kinds: dto.kinds.map((kind) => toContract<AdvanceServiceKind>('ADVANCE_SERVICE_KIND', kind)),
          focuses: [...new Set(dto.focuses ?? [])].map((focus) => toContract<AdvanceServiceFocus>('ADVANCE_SERVICE_FOCUS', focus)),
          subject: dto.subject,
          origin,
          targetItemIds: dto.targetItemIds ?? [],
          today: this.today(),
        },
      },
      { status: 'none' },
    );
    await this.dataSource.transaction(async (manager) => {
      await this.streams.append([{ streamId: advanceServiceStreamId(requestId), expectedVersion: 0, events }], commandMetadata(user, role, item?.regionCode ?? ''), manager);
      // In the append's transaction: the cases consumer must find the service from the moment it exists.
      for (const event of events) if (event.type === 'projects.AdvanceServiceRequested') await insertAdvanceServiceLookup(manager, event.data);
    });
    return { requestId, status: 'requested' };
  }

  schedule(user: AuthenticatedUser, requestId: string, dto: ScheduleAdvanceServiceDto) {
    return this.runForUnit(user, requestId, { type: 'ScheduleService', data: { scheduledOn: dto.scheduledOn, staff: dto.staff, location: dto.location ?? '', today: this.today() } });
  }

  deliver(user: AuthenticatedUser, requestId: string, dto: DeliverAdvanceServiceDto) {
    return this.runForUnit(user, requestId, {
      type: 'DeliverService',
      data: { completedOn: dto.deliveredOn, summary: dto.summary, findings: dto.findings, issuesToAddress: dto.advice, today: this.today() },
    });
  }

  /** The request as its stream has it, with how the linked cases fared: for the applicant, the unit, overseers. */
  async read(user: AuthenticatedUser, requestId: string): Promise<{ service: ReturnType<typeof advanceServiceView>; linkedCases: LinkedCaseView[] }> {
    const { state } = await this.loadExisting(requestId);
    const ownApplicant = user.roles.includes('applicant') && state.applicant.applicantId === user.userId;
    if (!ownApplicant && !readsUnitRecord(user, state.unitId, state.regionCode)) throw new ActionForbidden(`advance service ${requestId} is not yours to read`);
    const rows = (await this.dataSource.query(
      `SELECT case_id, item_id, received_on, supplement_requests, acceptance_refused, accepted_on, decision FROM projects_followed_cases
       WHERE stream_id = $1 ORDER BY received_on, case_id`,
      [advanceServiceStreamId(requestId)],
    )) as { case_id: string; item_id: string; received_on: string; supplement_requests: number; acceptance_refused: boolean; accepted_on: string | null; decision: string | null }[];
    return {
      service: advanceServiceView(state),
      linkedCases: rows.map((row) => ({
        caseId: row.case_id,
        itemId: row.item_id,
        receivedOn: row.received_on,
        supplementRequests: row.supplement_requests,
        acceptanceRefused: row.acceptance_refused,
        acceptedOn: row.accepted_on,
        decision: row.decision,
        acceptedFirstTime: row.accepted_on !== null && row.supplement_requests === 0 && !row.acceptance_refused,
      })),
    };
  }

  private today(): string {
    return toShanghaiDate(this.clock.now());
  }

  private async loadExisting(requestId: string): Promise<{ state: ExistingService; version: number }> {
    const { state, version } = await this.streams.loadAdvanceService(requestId);
    if (state.status === 'none') throw new NotFound(`advance service ${requestId} does not exist`);
    return { state, version };
  }

  private async runForUnit(user: AuthenticatedUser, requestId: string, command: AdvanceServiceCommand): Promise<{ requestId: string; status: string }> {
    const { state, version } = await this.loadExisting(requestId);
    if (!servesForUnit(user, state.unitId)) throw new ActionForbidden(`only clerks and the unit admin of ${state.unitId} serve this request`);
    const events = decideAdvanceService(command, state);
    await this.streams.append(
      [{ streamId: advanceServiceStreamId(requestId), expectedVersion: version, events }],
      commandMetadata(user, user.roles.includes('unit_admin') ? 'unit_admin' : 'clerk', state.regionCode),
    );
    return { requestId, status: events.reduce(evolveAdvanceService, state as AdvanceServiceState).status };
  }
}
