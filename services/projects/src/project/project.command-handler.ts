import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, toShanghaiDate, type AuthenticatedUser, type Clock, type Role } from '@sangeyipi/platform';
import { ActionForbidden, DirectChangeOfListedProjectRefused, NotFound } from '../shared/projects.errors';
import { managesUnit, readsUnitRecord, reviewsRegion, servesForUnit } from '../shared/access.policy';
import { toContract } from '../shared/api-names';
import { commandMetadata, ProjectStreams, projectStreamId } from '../shared/project-streams.repository';
import { contractLevelOf, siteFacts } from '../shared/regions';
import { decideProject, type ProjectCommand } from './project.decider';
import type { ApplicantKind, ExclusionReason, LandingTarget, Milestone, ProjectDescription, ProjectDocument, ProjectDocumentKind, ProjectEvent } from './project.events';
import { evolveProject, type ExistingProject } from './project.state';
import type { ProjectDescriptionDto, ProjectDocumentDto, RecordMilestoneDto, RegisterProjectDto, RequestExclusionDto, RequestProjectChangeDto } from './dto/project.dto';

export interface ProjectOutcome {
  projectId: string;
  status: ExistingProject['status'];
  version: number;
}

export function toDescription(dto: ProjectDescriptionDto): ProjectDescription {
  return {
    name: dto.name,
    siteRegionCode: dto.siteRegionCode,
    owner: { kind: toContract<ApplicantKind>('APPLICANT_KIND', dto.owner.kind), applicantId: dto.owner.applicantId },
    industry: dto.industry,
    investmentTenThousandYuan: dto.investmentTenThousandYuan,
    industrial: dto.industrial,
    target: toContract<LandingTarget>('LANDING_TARGET', dto.target),
    readyForAcceptanceOn: dto.readyForAcceptanceOn ?? '',
  };
}

export function toDocument(dto: ProjectDocumentDto): ProjectDocument {
  return { kind: toContract<ProjectDocumentKind>('PROJECT_BASIS', dto.kind), documentNumber: dto.documentNumber, issuedOn: dto.issuedOn };
}

/**
 * Runs the commands on one project of a same-year landing list: load the stream, check who may act,
 * decide, append. Unit admins act for their unit; the reform office of the list's region decides changes
 * and exclusions; clerks and unit admins record milestones.
 */
@Injectable()
export class ProjectCommandHandler {
  constructor(
    private readonly streams: ProjectStreams,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  today(): string {
    return toShanghaiDate(this.clock.now());
  }

  async register(user: AuthenticatedUser, dto: RegisterProjectDto): Promise<ProjectOutcome> {
    if (!user.unitId || !user.regionCode) throw new ActionForbidden('your token names no service unit and region to register for');
    const level = contractLevelOf(user.regionCode);
    if (!level) throw new ActionForbidden(`your token's region ${user.regionCode} is not a Shanghai region`);
    const projectId = randomUUID();
    const description = toDescription(dto);
    const events = decideProject(
      {
        type: 'RegisterProject',
        data: {
          projectId,
          unitId: user.unitId,
          level,
          listRegionCode: user.regionCode,
          listingYear: dto.listingYear,
          description,
          documents: dto.documents.map(toDocument),
          site: siteFacts(description.siteRegionCode, user.regionCode),
          today: this.today(),
        },
      },
      { status: 'none' },
    );
    await this.streams.append([{ streamId: projectStreamId(projectId), expectedVersion: 0, events }], commandMetadata(user, 'unit_admin', user.regionCode));
    return { projectId, status: 'registered', version: events.length };
  }

  /** Corrects a registered project. On a listed one the change is refused and the attempt recorded first. */
  async amend(user: AuthenticatedUser, projectId: string, dto: ProjectDescriptionDto): Promise<ProjectOutcome> {
    const description = toDescription(dto);
    const { outcome, events } = await this.runForUnit(user, projectId, (state) => ({
      type: 'AmendRegistration',
      data: { description, site: siteFacts(description.siteRegionCode, state.listRegionCode), actorUserId: user.userId, today: this.today() },
    }));
    if (events.some((event) => event.type === 'projects.ProjectUnauthorizedChangeAttempted')) throw new DirectChangeOfListedProjectRefused(projectId);
    return outcome;
  }

  async recordDocument(user: AuthenticatedUser, projectId: string, dto: ProjectDocumentDto): Promise<ProjectOutcome> {
    return (await this.runForUnit(user, projectId, () => ({ type: 'RecordDocument', data: { document: toDocument(dto), today: this.today() } }))).outcome;
  }

  async recordMilestone(user: AuthenticatedUser, projectId: string, dto: RecordMilestoneDto): Promise<ProjectOutcome> {
    const loaded = await this.loadExisting(projectId);
    if (!servesForUnit(user, loaded.state.unitId)) throw new ActionForbidden(`only a clerk or the unit admin of ${loaded.state.unitId} records this project's milestones`);
    const command: ProjectCommand = {
      type: 'RecordMilestone',
      data: {
        milestone: toContract<Milestone>('MILESTONE', dto.milestone),
        reachedOn: dto.reachedOn,
        evidenceDocumentNumber: dto.evidenceDocumentNumber,
        evidenceDescription: dto.evidenceDescription ?? '',
        today: this.today(),
      },
    };
    return (await this.run(user, user.roles.includes('unit_admin') ? 'unit_admin' : 'clerk', loaded, command)).outcome;
  }

  async requestChange(user: AuthenticatedUser, projectId: string, dto: RequestProjectChangeDto): Promise<ProjectOutcome & { changeRequestId: string }> {
    const changeRequestId = randomUUID();
    const { outcome } = await this.runForUnit(user, projectId, () => ({
      type: 'RequestChange',
      data: {
        changeRequestId,
        changeKind: dto.change === 'target' ? 'PROJECT_CHANGE_KIND_TARGET' : 'PROJECT_CHANGE_KIND_DELISTING',
        proposedTarget: dto.target ? toContract<LandingTarget>('LANDING_TARGET', dto.target) : null,
        reason: dto.reason,
      },
    }));
    return { ...outcome, changeRequestId };
  }

  approveChange(user: AuthenticatedUser, projectId: string, changeRequestId: string, approvalReference: string): Promise<ProjectOutcome> {
    return this.runForReviewer(user, projectId, { type: 'ApproveChange', data: { changeRequestId, approvalReference } });
  }

  rejectChange(user: AuthenticatedUser, projectId: string, changeRequestId: string, reason: string): Promise<ProjectOutcome> {
    return this.runForReviewer(user, projectId, { type: 'RejectChange', data: { changeRequestId, reason } });
  }

  async requestExclusion(user: AuthenticatedUser, projectId: string, dto: RequestExclusionDto): Promise<ProjectOutcome & { exclusionRequestId: string }> {
    const exclusionRequestId = randomUUID();
    const { outcome } = await this.runForUnit(user, projectId, () => ({
      type: 'RequestExclusion',
      data: { exclusionRequestId, reason: toContract<ExclusionReason>('EXCLUSION_REASON', dto.reason), explanation: dto.explanation, evidence: dto.evidence },
    }));
    return { ...outcome, exclusionRequestId };
  }

  approveExclusion(user: AuthenticatedUser, projectId: string, exclusionRequestId: string, approvalReference: string): Promise<ProjectOutcome> {
    return this.runForReviewer(user, projectId, { type: 'ApproveExclusion', data: { exclusionRequestId, approvalReference } });
  }

  rejectExclusion(user: AuthenticatedUser, projectId: string, exclusionRequestId: string, reason: string): Promise<ProjectOutcome> {
    return this.runForReviewer(user, projectId, { type: 'RejectExclusion', data: { exclusionRequestId, reason } });
  }

  /** The project as its stream has it, for its unit, the reform office and supervisors of its region, and auditors. */
  async read(user: AuthenticatedUser, projectId: string): Promise<{ state: ExistingProject; version: number }> {
    const loaded = await this.loadExisting(projectId);
    if (!readsUnitRecord(user, loaded.state.unitId, loaded.state.listRegionCode)) throw new ActionForbidden(`project ${projectId} is outside your unit and region`);
    return loaded;
  }

  private async runForUnit(user: AuthenticatedUser, projectId: string, command: (state: ExistingProject) => ProjectCommand) {
    const loaded = await this.loadExisting(projectId);
    if (!managesUnit(user, loaded.state.unitId)) throw new ActionForbidden(`only the unit admin of ${loaded.state.unitId} acts on this project`);
    return this.run(user, 'unit_admin', loaded, command(loaded.state));
  }

  private async runForReviewer(user: AuthenticatedUser, projectId: string, command: ProjectCommand): Promise<ProjectOutcome> {
    const loaded = await this.loadExisting(projectId);
    if (!reviewsRegion(user, loaded.state.listRegionCode)) throw new ActionForbidden(`only the reform office of ${loaded.state.listRegionCode} or above decides on this project`);
    return (await this.run(user, 'reform_office', loaded, command)).outcome;
  }

  async loadExisting(projectId: string): Promise<{ state: ExistingProject; version: number }> {
    const { state, version } = await this.streams.loadProject(projectId);
    if (state.status === 'none') throw new NotFound(`project ${projectId} does not exist`);
    return { state, version };
  }

  private async run(
    user: AuthenticatedUser,
    role: Role,
    { state, version }: { state: ExistingProject; version: number },
    command: ProjectCommand,
  ): Promise<{ outcome: ProjectOutcome; events: ProjectEvent[] }> {
    const events = decideProject(command, state);
    await this.streams.append([{ streamId: projectStreamId(state.projectId), expectedVersion: version, events }], commandMetadata(user, role, state.listRegionCode));
    const after = events.reduce(evolveProject, state) as ExistingProject;
    return { outcome: { projectId: state.projectId, status: after.status, version: version + events.length }, events };
  }
}
