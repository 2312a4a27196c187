import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, IsNotBlank, Roles } from '@sangeyipi/platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { listingScope, readsRecord } from '../access/supervision-access.policy';
import { SupervisionQueries } from '../read-model/supervision.queries';
import { SupervisionActionForbidden } from '../supervision.errors';
import { WINDOW_CHECKS, type InspectionMethod, type WindowCheck } from '../supervision.events';
import { WindowInspectionCommandHandler } from './window-inspection.command-handler';
import { REGION_CODE_MESSAGE, REGION_CODE_PATTERN } from '../region-code.pattern';

const METHODS: InspectionMethod[] = ['INSPECTION_METHOD_OPEN', 'INSPECTION_METHOD_UNDERCOVER'];

export class WindowCheckDto {
  @ApiProperty({ enum: WINDOW_CHECKS }) @IsIn(WINDOW_CHECKS) check!: WindowCheck;
  @ApiProperty() @IsBoolean() passed!: boolean;
  @ApiPropertyOptional() @MaxLength(1000) @IsString() @IsOptional() note?: string;
}

export class RecordWindowInspectionDto {
  @ApiProperty() @MaxLength(100) @IsNotBlank() @IsString() unitId!: string;
  @ApiProperty({ description: 'Region of the unit visited', example: '310101' }) @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE }) regionCode!: string;
  @ApiProperty({ enum: METHODS, description: '明查 (open) or 暗访 (undercover)' }) @IsIn(METHODS) method!: InspectionMethod;
  @ApiProperty({ example: '2025-11-03' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' }) visitedOn!: string;
  @ApiProperty({ type: [WindowCheckDto] }) @ValidateNested({ each: true }) @Type(() => WindowCheckDto) @ArrayMaxSize(5) @ArrayMinSize(1) @IsArray() checks!: WindowCheckDto[];
  @ApiPropertyOptional() @MaxLength(4000) @IsString() @IsOptional() notes?: string;
}

/** HTTP only: open and undercover window visits (明查暗访), and credit standings. */
@ApiTags('window inspections and credit')
@ApiBearerAuth()
@Controller()
export class WindowInspectionHttpController {
  constructor(
    private readonly windowInspections: WindowInspectionCommandHandler,
    private readonly queries: SupervisionQueries,
  ) {}

  @Post('window-inspections')
  @Roles('supervisor')
  record(@CurrentUser() user: AuthenticatedUser, @Body() body: RecordWindowInspectionDto) {
    const { regionCode, ...visit } = body;
    return this.windowInspections.record(user, regionCode, { ...visit, notes: visit.notes ?? '', checks: visit.checks.map((c) => ({ ...c, note: c.note ?? '' })) });
  }

  @Get('window-inspections')
  @Roles('supervisor', 'auditor', 'unit_admin')
  list(@CurrentUser() user: AuthenticatedUser) {
    const scope = listingScope(user);
    if (!scope) throw new SupervisionActionForbidden('your token names no region or unit');
    return this.queries.windowInspections(scope);
  }

  /** A subject's credit score and class (信用分类); a unit admin sees their own unit's. */
  @Get('credit/:subjectId')
  @Roles('supervisor', 'auditor', 'unit_admin')
  credit(@CurrentUser() user: AuthenticatedUser, @Param('subjectId') subjectId: string) {
    const allowed = user.roles.includes('auditor') || user.roles.includes('supervisor') || readsRecord(user, { unitId: subjectId, regionCode: '' });
    if (!allowed) throw new SupervisionActionForbidden('a unit admin sees only their own unit\'s credit');
    return this.queries.credit(subjectId);
  }
}
