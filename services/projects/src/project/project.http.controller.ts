import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sangeyipi/platform';
import { ApprovalChainCommandHandler } from '../approval-chain/approval-chain.command-handler';
import { PlanApprovalsDto, RecordMeetingDto } from '../approval-chain/dto/approval-chain.dto';
import { ProjectQueries } from '../read-model/project.queries';
import { ProjectCommandHandler, type ProjectOutcome } from './project.command-handler';
import { projectView } from './project.view';
import {
  ApproveDto,
  ListProjectsQueryDto,
  ProjectDescriptionDto,
  ProjectDocumentDto,
  RecordMilestoneDto,
  RegisterProjectDto,
  RejectDto,
  RequestExclusionDto,
  RequestProjectChangeDto,
} from './dto/project.dto';

const projectId = () => Param('projectId', new ParseUUIDPipe({ version: '4' }));
const READERS = ['clerk', 'reviewer', 'decider', 'unit_admin', 'reform_office', 'supervisor', 'auditor'] as const;

/** HTTP only: the staff side of same-year landing projects and their approval chains. */
@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectHttpController {
  constructor(
    private readonly projects: ProjectCommandHandler,
    private readonly chains: ApprovalChainCommandHandler,
    private readonly queries: ProjectQueries,
  ) {}

  @Post()
  @Roles('unit_admin')
  register(@CurrentUser() user: AuthenticatedUser, @Body() body: RegisterProjectDto): Promise<ProjectOutcome> {
    return this.projects.register(user, body);
  }

  @Put(':projectId')
  @Roles('unit_admin')
  amend(@CurrentUser() user: AuthenticatedUser, @projectId() id: string, @Body() body: ProjectDescriptionDto): Promise<ProjectOutcome> {
    return this.projects.amend(user, id, body);
  }

  @Post(':projectId/documents')
  @HttpCode(HttpStatus.OK)
  @Roles('unit_admin')
  recordDocument(@CurrentUser() user: AuthenticatedUser, @projectId() id: string, @Body() body: ProjectDocumentDto): Promise<ProjectOutcome> {
    return this.projects.recordDocument(user, id, body);
  }

  @Post(':projectId/milestones')
  @Roles('clerk', 'unit_admin')
  recordMilestone(@CurrentUser() user: AuthenticatedUser, @projectId() id: string, @Body() body: RecordMilestoneDto): Promise<ProjectOutcome> {
    return this.projects.recordMilestone(user, id, body);
  }

  @Post(':projectId/change-requests')
  @Roles('unit_admin')
  requestChange(@CurrentUser() user: AuthenticatedUser, @projectId() id: string, @Body() body: RequestProjectChangeDto) {
    return this.projects.requestChange(user, id, body);
  }

  @Post(':projectId/change-requests/:changeRequestId/approval')
  @HttpCode(HttpStatus.OK)
  @Roles('reform_office')
  approveChange(@CurrentUser() user: AuthenticatedUser, @projectId() id: string, @Param('changeRequestId') requestId: string, @Body() body: ApproveDto) {
    return this.projects.approveChange(user, id, requestId, body.approvalReference);
  }

  @Post(':projectId/change-requests/:changeRequestId/rejection')
  @HttpCode(HttpStatus.OK)
  @Roles('reform_office')
  rejectChange(@CurrentUser() user: AuthenticatedUser, @projectId() id: string, @Param('changeRequestId') requestId: string, @Body() body: RejectDto) {
    return this.projects.rejectChange(user, id, requestId, body.reason);
  }

  @Post(':projectId/exclusion-requests')
  @Roles('unit_admin')
  requestExclusion(@CurrentUser() user: AuthenticatedUser, @projectId() id: string, @Body() body: RequestExclusionDto) {
    return this.projects.requestExclusion(user, id, body);
  }

  @Post(':projectId/exclusion-requests/:exclusionRequestId/approval')
  @HttpCode(HttpStatus.OK)
  @Roles('reform_office')
  approveExclusion(@CurrentUser() user: AuthenticatedUser, @projectId() id: string, @Param('exclusionRequestId') requestId: string, @Body() body: ApproveDto) {
    return this.projects.approveExclusion(user, id, requestId, body.approvalReference);
  }

  @Post(':projectId/exclusion-requests/:exclusionRequestId/rejection')
  @HttpCode(HttpStatus.OK)
  @Roles('reform_office')
  rejectExclusion(@CurrentUser() user: AuthenticatedUser, @projectId() id: string, @Param('exclusionRequestId') requestId: string, @Body() body: RejectDto) {
    return this.projects.rejectExclusion(user, id, requestId, body.reason);
  }

  @Put(':projectId/approval-plan')
  @Roles('unit_admin')
  planApprovals(@CurrentUser() user: AuthenticatedUser, @projectId() id: string, @Body() body: PlanApprovalsDto) {
    return this.chains.plan(user, id, body);
  }

  @Post(':projectId/coordination-meetings')
  @Roles('unit_admin', 'reform_office')
  recordMeeting(@CurrentUser() user: AuthenticatedUser, @projectId() id: string, @Body() body: RecordMeetingDto) {
    return this.chains.recordMeeting(user, id, body);
  }

  @Get(':projectId')
  @Roles(...READERS)
  async read(@CurrentUser() user: AuthenticatedUser, @projectId() id: string) {
    const { state, version } = await this.projects.read(user, id);
    return projectView(state, version, this.chains.assess(state));
  }

  @Get()
  @Roles(...READERS)
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListProjectsQueryDto) {
    return this.queries.listForStaff(user, query);
  }
}
