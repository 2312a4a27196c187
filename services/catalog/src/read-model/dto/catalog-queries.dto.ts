import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotBlank, REGION_LEVELS } from '@sangeyipi/platform';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CATALOG_KINDS, COMPLETION_MODES, type AdministrativeLevel, type CatalogKind, type CompletionMode } from '../../catalog-item/catalog-item.definition';
import type { CatalogItemStatus } from '../../catalog-item/catalog-item.decider';
import { REGION_CODE_MESSAGE, REGION_CODE_PATTERN } from '../../region-code.pattern';

const WORKFLOW_STATUSES: readonly CatalogItemStatus[] = ['draft', 'submitted', 'approved', 'rejected', 'published', 'withdrawn'];

/** Narrows a listing to a region's subtree and a level. */
export class RegionScopeQueryDto {
  @ApiPropertyOptional({ enum: REGION_LEVELS, description: 'Only this administrative level' })
  @IsIn(REGION_LEVELS)
  @IsOptional()
  level?: AdministrativeLevel;

  @ApiPropertyOptional({ description: 'Only this region and the regions below it', example: '310101' })
  @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE })
  @IsOptional()
  regionCode?: string;
}

/** The last page anyone may ask for: its OFFSET stays far inside PostgreSQL's bigint. */
const MAX_PAGE = 10_000;

export class PageQueryDto extends RegionScopeQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @Max(MAX_PAGE)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  @IsOptional()
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @Max(100)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  @IsOptional()
  pageSize?: number;
}

export class PublishedItemsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CATALOG_KINDS, description: 'Only this catalog' })
  @IsIn(CATALOG_KINDS)
  @IsOptional()
  kind?: CatalogKind;

  @ApiPropertyOptional({ description: 'Only the items of this service unit', example: 'unit-310101-scjgj' })
  @MaxLength(64)
  @IsString()
  @IsOptional()
  unitId?: string;

  @ApiPropertyOptional({ enum: COMPLETION_MODES, description: 'Only this completion mode' })
  @IsIn(COMPLETION_MODES)
  @IsOptional()
  mode?: CompletionMode;

  @ApiPropertyOptional({ description: 'A keyword found anywhere in the name or the materials, e.g. 营业执照', example: '营业执照' })
  @MaxLength(50)
  @IsNotBlank()
  @IsString()
  @IsOptional()
  q?: string;
}

export class BatchesQueryDto extends RegionScopeQueryDto {
  @ApiPropertyOptional({ enum: CATALOG_KINDS, description: 'Only this catalog' })
  @IsIn(CATALOG_KINDS)
  @IsOptional()
  kind?: CatalogKind;

  @ApiPropertyOptional({ description: 'Only the batches of this year', example: 2017 })
  @Max(2100)
  @Min(2000)
  @IsInt()
  @Type(() => Number)
  @IsOptional()
  year?: number;
}

export class WorkflowQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: WORKFLOW_STATUSES, description: 'Only items in this state, e.g. submitted ones waiting for review' })
  @IsIn(WORKFLOW_STATUSES)
  @IsOptional()
  status?: CatalogItemStatus;
}
