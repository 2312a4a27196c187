import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, toShanghaiDate, WorkingDayCalendar, type AuthenticatedUser, type Clock } from '@sangeyipi/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { ActionForbidden } from '../shared/projects.errors';
import { writeApprovalSlots } from '../shared/link-lookups';
import { managesUnit, reviewsRegion } from '../shared/access.policy';
import { CatalogCopyQueries } from '../catalog-copy/catalog-copy.queries';
import { commandMetadata, ProjectStreams, projectStreamId } from '../shared/project-streams.repository';
import { ProjectCommandHandler } from '../project/project.command-handler';
import { evolveProject, type ExistingProject } from '../project/project.state';
import { decideApprovalChain, type ApprovalChainCommand } from './approval-chain.decider';
import { assessChain, type ChainAssessment } from './chain-assessment';
import type { PlanApprovalsDto, RecordMeetingDto } from './dto/approval-chain.dto';

/**
 * Plans an industrial project's approval chain (its unit admin), records coordination meetings (its unit
 * admin or the reform office of its region) and assesses the chain for readers and the risk scanner.
 */
@Injectable()
export class ApprovalChainCommandHandler {
  constructor(
    private readonly streams: ProjectStreams,
    private readonly projects: ProjectCommandHandler,
    private readonly catalog: CatalogCopyQueries,
    private readonly calendar: WorkingDayCalendar,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async plan(user: AuthenticatedUser, projectId: string, dto: PlanApprovalsDto): Promise<{ projectId: string; assessment: ChainAssessment | null }> {
    const loaded = await this.projects.loadExisting(projectId);
    if (!managesUnit(user, loaded.state.unitId)) throw new ActionForbidden(`only the unit admin of ${loaded.state.unitId} plans this project's approvals`);
    const items = await this.catalog.plannedItems(dto.approvals.map((approval) => approval.itemId));
    const approvals = dto.approvals.map(({ approvalId, itemId, stage }) => ({ approvalId, itemId, stage, item: items.get(itemId) ?? null }));
    const after = await this.run(user, 'unit_admin', loaded, { type: 'PlanApprovals', data: { approvals, today: this.today() } }, async (state, manager) => {
      // In the append's transaction: the cases consumer must find the plan from the moment it exists.
      if (state.chain) await writeApprovalSlots(manager, projectId, state.owner.applicantId, state.chain.approvals);
    });
    return { projectId, assessment: this.assess(after) };
  }

  async recordMeeting(user: AuthenticatedUser, projectId: string, dto: RecordMeetingDto): Promise<{ projectId: string; meetingId: string }> {
    const loaded = await this.projects.loadExisting(projectId);
    const asUnit = managesUnit(user, loaded.state.unitId);
    if (!asUnit && !reviewsRegion(user, loaded.state.listRegionCode)) {
      throw new ActionForbidden(`only the unit admin of ${loaded.state.unitId} or the reform office of ${loaded.state.listRegionCode} records its coordination meetings`);
    }
    const meetingId = randomUUID();
    await this.run(user, asUnit ? 'unit_admin' : 'reform_office', loaded, {
      type: 'RecordMeeting',
      data: { meetingId, heldOn: dto.heldOn, topic: dto.topic, decisions: dto.decisions, today: this.today() },
    });
    return { projectId, meetingId };
  }

  /** The chain's figures as of today (null for a project without a plan). */
  assess(state: ExistingProject): ChainAssessment | null {
    return state.chain ? assessChain(state.chain, this.today(), this.calendar) : null;
  }

  private today(): string {
    return toShanghaiDate(this.clock.now());
  }

  private async run(
    user: AuthenticatedUser,
    role: 'unit_admin' | 'reform_office',
    { state, version }: { state: ExistingProject; version: number },
    command: ApprovalChainCommand,
    alongside?: (after: ExistingProject, manager: EntityManager) => Promise<void>,
  ): Promise<ExistingProject> {
    const events = decideApprovalChain(command, state, this.calendar);
    const after = events.reduce(evolveProject, state) as ExistingProject;
    await this.dataSource.transaction(async (manager) => {
      await this.streams.append([{ streamId: projectStreamId(state.projectId), expectedVersion: version, events }], commandMetadata(user, role, state.listRegionCode), manager);
      await alongside?.(after, manager);
    });
    return after;
  }
}
