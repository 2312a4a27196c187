import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sangeyipi/platform';
import { listingScope } from '../access/supervision-access.policy';
import { SupervisionQueries } from '../read-model/supervision.queries';
import { SupervisionActionForbidden } from '../supervision.errors';
import { DeclareConflictDto, DrawInspectionDto, ListInspectionItemDto, PlanInspectionDto, PublishResultDto, RegisterInspectorDto, RegisterTargetsDto } from './dto/inspection.dto';
import { InspectionCommandHandler } from './inspection.command-handler';
import { InspectionsQueryDto } from '../read-model/dto/listing-queries.dto';

/** HTTP only: 双随机 registries, plans, draws and results, for supervisors (auditors read). */
@ApiTags('inspections')
@ApiBearerAuth()
@Controller()
export class InspectionHttpController {
  constructor(
    private readonly inspections: InspectionCommandHandler,
    private readonly queries: SupervisionQueries,
  ) {}

  @Post('inspection-items')
  @Roles('supervisor')
  listItem(@CurrentUser() user: AuthenticatedUser, @Body() body: ListInspectionItemDto) {
    return this.inspections.listItem(user, { ...body, inspectorQualification: body.inspectorQualification ?? '' });
  }

  @Post('targets')
  @Roles('supervisor')
  registerTargets(@CurrentUser() user: AuthenticatedUser, @Body() body: RegisterTargetsDto) {
    return this.inspections.registerTargets(user, body.targets);
  }

  @Get('targets')
  @Roles('supervisor', 'auditor')
  targets(@CurrentUser() user: AuthenticatedUser) {
    return this.queries.targets(this.scope(user));
  }

  @Post('inspectors')
  @Roles('supervisor')
  async registerInspector(@CurrentUser() user: AuthenticatedUser, @Body() body: RegisterInspectorDto) {
    await this.inspections.registerInspector(user, body);
    return { inspectorId: body.inspectorId };
  }

  @Post('inspectors/:inspectorId/conflicts')
  @Roles('supervisor')
  async declareConflict(@CurrentUser() user: AuthenticatedUser, @Param('inspectorId') inspectorId: string, @Body() body: DeclareConflictDto) {
    await this.inspections.declareConflict(user, inspectorId, body.targetId, body.reason);
    return { inspectorId, targetId: body.targetId };
  }

  @Post('plans')
  @Roles('supervisor')
  plan(@CurrentUser() user: AuthenticatedUser, @Body() body: PlanInspectionDto) {
    return this.inspections.plan(user, body);
  }

  @Post('plans/:planId/draw')
  @HttpCode(200)
  @Roles('supervisor')
  draw(@CurrentUser() user: AuthenticatedUser, @Param('planId') planId: string, @Body() body: DrawInspectionDto) {
    return this.inspections.draw(user, planId, body.seed, body.witness ?? '');
  }

  @Get('inspections')
  @Roles('supervisor', 'auditor')
  list(@CurrentUser() user: AuthenticatedUser, @Query() { planId }: InspectionsQueryDto) {
    return this.queries.inspections(this.scope(user), planId);
  }

  @Post('inspections/:inspectionId/result')
  @Roles('supervisor')
  publish(@CurrentUser() user: AuthenticatedUser, @Param('inspectionId') inspectionId: string, @Body() body: PublishResultDto) {
    return this.inspections.publishResult(user, inspectionId, { ...body, findings: body.findings ?? [] });
  }

  private scope(user: AuthenticatedUser) {
    const scope = listingScope(user);
    if (!scope) throw new SupervisionActionForbidden('your token names no region to supervise');
    return scope;
  }
}
