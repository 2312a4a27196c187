import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsNotBlank } from '@sangeyipi/platform';
import { REGION_CODE_MESSAGE, REGION_CODE_PATTERN } from '../../region-code.pattern';

// The query parameters of the supervision listings: all optional filters. Values outside these
// answer 400 naming the parameter, rather than an empty list that looks like "nothing found".

const ID_MAX_LENGTH = 100;

/** The statuses a finding's read model row goes through (supervision-read-model.projection.ts). */
export const FINDING_LISTING_STATUSES = ['raised', 'ordered', 'answered', 'closed', 'escalated'] as const;
export const VERIFICATION_LISTING_STATUSES = ['open', 'concluded'] as const;

export class FindingsQueryDto {
  @ApiPropertyOptional({ enum: FINDING_LISTING_STATUSES, description: 'Only findings in this status' })
  @IsIn(FINDING_LISTING_STATUSES)
  @IsOptional()
  status?: (typeof FINDING_LISTING_STATUSES)[number];
}

export class VerificationsQueryDto {
  @ApiPropertyOptional({ enum: VERIFICATION_LISTING_STATUSES, description: 'Only verifications in this status' })
  @IsIn(VERIFICATION_LISTING_STATUSES)
  @IsOptional()
  status?: (typeof VERIFICATION_LISTING_STATUSES)[number];
}

export class InspectionsQueryDto {
  @ApiPropertyOptional({ description: 'Only the inspections drawn by this plan' })
  @MaxLength(ID_MAX_LENGTH)
  @IsNotBlank()
  @IsString()
  @IsOptional()
  planId?: string;
}

export class PublicRegionQueryDto {
  @ApiPropertyOptional({ description: 'Only this region and the regions below it', example: '310101' })
  @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE })
  @IsOptional()
  regionCode?: string;
}

export class PublicUnitQueryDto {
  @ApiPropertyOptional({ description: 'Only this service unit' })
  @MaxLength(ID_MAX_LENGTH)
  @IsNotBlank()
  @IsString()
  @IsOptional()
  unitId?: string;
}

export class RatingStatisticsQueryDto extends PublicUnitQueryDto {
  @ApiPropertyOptional({ description: 'Only this region and the regions below it', example: '310101' })
  @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE })
  @IsOptional()
  regionCode?: string;
}
