import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@sangeyipi/platform';
import { SupervisionQueries } from './supervision.queries';
import { PublicRegionQueryDto, PublicUnitQueryDto, RatingStatisticsQueryDto } from './dto/listing-queries.dto';

/**
 * Public (no login), "一公开": the inspection item list, the plans with their commitments and
 * digests, everything needed to re-run each draw, published inspection results, the outcomes of
 * commitment verifications and the rating statistics. No personal data.
 */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicSupervisionHttpController {
  constructor(private readonly queries: SupervisionQueries) {}

  @Get('inspection-items')
  inspectionItems() {
    return this.queries.inspectionItems();
  }

  @Get('plans')
  plans(@Query() { regionCode }: PublicRegionQueryDto) {
    return this.queries.plans(regionCode);
  }

  /** The draw's inputs and outcome, to re-run it independently (docs/supervision.md gives the algorithm). */
  @Get('plans/:planId/draw')
  draw(@Param('planId') planId: string) {
    return this.queries.drawRecord(planId);
  }

  @Get('inspection-results')
  results(@Query() { regionCode }: PublicRegionQueryDto) {
    return this.queries.publishedResults(regionCode);
  }

  @Get('commitment-verifications')
  verifications(@Query() { unitId }: PublicUnitQueryDto) {
    return this.queries.concludedVerifications(unitId);
  }

  @Get('rating-statistics')
  ratingStatistics(@Query() { unitId, regionCode }: RatingStatisticsQueryDto) {
    return this.queries.ratingStatistics({ unitId, regionCode });
  }
}
