import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PERIOD_KINDS, type CatalogKindName, type PeriodKind } from '@sangeyipi/indicators';
import { REGION_LEVELS, type RegionLevel } from '@sangeyipi/platform';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';

export const REGION_CODE_PATTERN = /^31\d{4}(\d{3}(\d{3})?)?$/;
const REGION_CODE_MESSAGE = 'must be a Shanghai region code (6, 9 or 12 digits starting with 31)';
export const CATALOG_KIND_NAMES: readonly CatalogKindName[] = ['on_the_spot', 'advance_service', 'same_year_landing'];

/** A period and a scope: what every figure and bulletin request names. */
export class ScopeAndPeriodDto {
  @ApiProperty({ enum: PERIOD_KINDS, example: 'month' })
  @IsIn(PERIOD_KINDS)
  periodKind!: PeriodKind;

  @ApiProperty({ description: '2026-10-05, 2026-10, 2026-Q4 or 2026, by the period kind', example: '2026-10' })
  @Matches(/^\d{4}(-(\d{2}|Q[1-4])(-\d{2})?)?$/, { message: 'must be a day, month, quarter or year such as 2026-10-05, 2026-10, 2026-Q4 or 2026' })
  period!: string;

  @ApiProperty({ description: 'The region whose subtree is covered', example: '310101' })
  @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE })
  regionCode!: string;

  @ApiPropertyOptional({ enum: REGION_LEVELS, description: 'Only units of this level (every level when left out)' })
  @IsIn(REGION_LEVELS)
  @IsOptional()
  level?: RegionLevel;

  @ApiPropertyOptional({ description: 'Only events recorded up to this instant count (ISO 8601); default: now, or the end of the period if earlier' })
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 instant such as 2026-11-01T00:00:00+08:00' })
  @IsOptional()
  asOf?: string;
}

export class FiguresQueryDto extends ScopeAndPeriodDto {
  @ApiPropertyOptional({ enum: CATALOG_KIND_NAMES, description: 'Only items, cases and ratings of this catalog' })
  @IsIn(CATALOG_KIND_NAMES)
  @IsOptional()
  catalogKind?: CatalogKindName;
}
