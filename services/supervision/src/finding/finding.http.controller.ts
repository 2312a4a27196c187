import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, IsNotBlank, Roles } from '@sangeyipi/platform';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { listingScope, readsRecord } from '../access/supervision-access.policy';
import { SupervisionQueries } from '../read-model/supervision.queries';
import { SupervisionActionForbidden } from '../supervision.errors';
import { FindingCommandHandler } from './finding.command-handler';
import { FindingsQueryDto } from '../read-model/dto/listing-queries.dto';

export class OrderRectificationDto {
  @ApiProperty({ type: [String], example: ['梳理超期原因', '完善预警机制'] })
  @MaxLength(500, { each: true })
  @IsNotBlank({ each: true })
  @IsString({ each: true })
  @ArrayMaxSize(20)
  @ArrayMinSize(1)
  @IsArray()
  requiredActions!: string[];
  @ApiProperty({ description: 'Working days the unit has to answer', example: 10 }) @Max(120) @Min(1) @IsInt() limitDays!: number;
}

export class AnswerRectificationDto {
  @ApiProperty({ example: '已完成整改: 建立超期预警台账' }) @MaxLength(4000) @IsNotBlank() @IsString() answer!: string;
}

export class CheckRectificationDto {
  @ApiProperty() @IsBoolean() accepted!: boolean;
  @ApiProperty() @MaxLength(2000) @IsString() note!: string;
  @ApiPropertyOptional({ description: 'When sent back: working days for the new answer' }) @Max(120) @Min(1) @IsInt() @IsOptional() limitDays?: number;
}

export class EscalateRectificationDto {
  @ApiProperty({ example: '逾期未整改' }) @MaxLength(2000) @IsNotBlank() @IsString() reason!: string;
  @ApiProperty({ description: '问责建议', example: '建议约谈窗口负责人并通报批评' }) @MaxLength(4000) @IsNotBlank() @IsString() accountabilityProposal!: string;
}

/** HTTP only: findings and their rectification (整改) lifecycle. */
@ApiTags('findings')
@ApiBearerAuth()
@Controller('findings')
export class FindingHttpController {
  constructor(
    @Inject(FindingCommandHandler) private readonly findings: FindingCommandHandler,
    private readonly queries: SupervisionQueries,
  ) {}

  @Get()
  @Roles('supervisor', 'auditor', 'unit_admin', 'reform_office')
  list(@CurrentUser() user: AuthenticatedUser, @Query() { status }: FindingsQueryDto) {
    const scope = listingScope(user);
    if (!scope) throw new SupervisionActionForbidden('your token names no region or unit');
    return this.queries.findings(scope, status);
  }

  @Get(':findingId')
  @Roles('supervisor', 'auditor', 'unit_admin', 'reform_office')
  async get(@CurrentUser() user: AuthenticatedUser, @Param('findingId') findingId: string) {
    const finding = await this.queries.finding(findingId);
    if (!readsRecord(user, finding)) throw new SupervisionActionForbidden('this finding is outside your region or unit');
    return finding;
  }

  @Post(':findingId/rectification-order')
  @HttpCode(200)
  @Roles('supervisor')
  async order(@CurrentUser() user: AuthenticatedUser, @Param('findingId') findingId: string, @Body() body: OrderRectificationDto) {
    const { regionCode } = await this.queries.finding(findingId);
    return this.outcome(await this.findings.order(user, findingId, regionCode, body.requiredActions, body.limitDays));
  }

  @Post(':findingId/rectification-answer')
  @HttpCode(200)
  @Roles('unit_admin')
  async answer(@CurrentUser() user: AuthenticatedUser, @Param('findingId') findingId: string, @Body() body: AnswerRectificationDto) {
    const { regionCode } = await this.queries.finding(findingId);
    return this.outcome(await this.findings.answer(user, findingId, regionCode, body.answer));
  }

  @Post(':findingId/rectification-check')
  @HttpCode(200)
  @Roles('supervisor')
  async check(@CurrentUser() user: AuthenticatedUser, @Param('findingId') findingId: string, @Body() body: CheckRectificationDto) {
    const { regionCode } = await this.queries.finding(findingId);
    return this.outcome(await this.findings.check(user, findingId, regionCode, body.accepted, body.note, body.limitDays));
  }

  @Post(':findingId/escalation')
  @HttpCode(200)
  @Roles('supervisor')
  async escalate(@CurrentUser() user: AuthenticatedUser, @Param('findingId') findingId: string, @Body() body: EscalateRectificationDto) {
    const { regionCode } = await this.queries.finding(findingId);
    return this.outcome(await this.findings.escalate(user, findingId, regionCode, body.reason, body.accountabilityProposal));
  }

  private outcome(state: { findingId: string; status: string; dueOn: string }) {
    return { findingId: state.findingId, status: state.status, dueOn: state.dueOn || null };
  }
}
