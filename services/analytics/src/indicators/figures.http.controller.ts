import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sangeyipi/platform';
import { FiguresQueryDto, ScopeAndPeriodDto } from './figures.dto';
import { FiguresService } from './figures.service';

/** Live figures and efficiency assessments, within the caller's region (auditors: everywhere). */
@ApiTags('figures')
@ApiBearerAuth()
@Controller()
export class FiguresHttpController {
  constructor(private readonly figures: FiguresService) {}

  @Get('figures')
  @Roles('supervisor', 'reform_office', 'auditor', 'operations_admin')
  @ApiOperation({ summary: 'Every indicator for a period and scope: whole scope, each sub-region, each unit' })
  get(@CurrentUser() user: AuthenticatedUser, @Query() query: FiguresQueryDto) {
    return this.figures.figures(query, user);
  }

  @Get('assessments')
  @Roles('supervisor', 'reform_office', 'auditor', 'operations_admin')
  @ApiOperation({ summary: 'Efficiency assessment (效能评估): scores per unit with their breakdown, ranked per level' })
  assessment(@CurrentUser() user: AuthenticatedUser, @Query() query: ScopeAndPeriodDto) {
    return this.figures.assessment(query, user);
  }
}
