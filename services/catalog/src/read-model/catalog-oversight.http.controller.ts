import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sangeyipi/platform';
import { CatalogOversightQueries } from './catalog-oversight.queries';
import { RegionScopeQueryDto, WorkflowQueryDto } from './dto/catalog-queries.dto';
import { CompressionReport, WorkflowPage } from './dto/catalog-responses.dto';

/** Staff views, each limited to the caller's unit or region subtree (auditors see everything). */
@ApiTags('catalog oversight')
@ApiBearerAuth()
@Controller()
export class CatalogOversightHttpController {
  constructor(private readonly queries: CatalogOversightQueries) {}

  @Get('workflow')
  @Roles('unit_admin', 'reform_office', 'supervisor', 'auditor')
  @ApiOperation({ summary: 'Items by workflow state, e.g. ?status=submitted for the review queue' })
  @ApiOkResponse({ type: WorkflowPage })
  workflow(@CurrentUser() user: AuthenticatedUser, @Query() query: WorkflowQueryDto): Promise<WorkflowPage> {
    return this.queries.workflow(user, query);
  }

  @Get('compression')
  @Roles('unit_admin', 'reform_office', 'supervisor', 'auditor')
  @ApiOperation({ summary: 'Compression of committed time limits per unit; units whose early items cut less than 30% are flagged' })
  @ApiOkResponse({ type: CompressionReport })
  compression(@CurrentUser() user: AuthenticatedUser, @Query() query: RegionScopeQueryDto): Promise<CompressionReport> {
    return this.queries.compression(user, query);
  }
}
