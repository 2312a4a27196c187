import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { API_LEVELS } from '../../shared/api-names';
import { REGION_CODE_PATTERN } from '../../shared/dto-validators';
import { IsNotBlank } from '@sangeyipi/platform';

export class LandingListRefDto {
  @ApiProperty({ enum: API_LEVELS, example: 'district' })
  @IsIn(API_LEVELS)
  level!: (typeof API_LEVELS)[number];

  @ApiProperty({ example: '310115' })
  @Matches(REGION_CODE_PATTERN, { message: 'must be a GB/T 2260 region code of 6, 9 or 12 digits' })
  regionCode!: string;

  @ApiProperty({ example: 2025 })
  @Max(2100)
  @Min(2017)
  @IsInt()
  @Type(() => Number)
  listingYear!: number;
}

export class PublishLandingBatchDto extends LandingListRefDto {
  @ApiProperty({ example: '浦东新区2025年当年落地项目目录（第一批）' })
  @MaxLength(200)
  @IsNotBlank()
  @IsString()
  title!: string;

  @ApiProperty({ type: [String], description: 'Registered projects of this list' })
  @ArrayMaxSize(5000)
  @ArrayMinSize(1)
  @IsUUID('4', { each: true })
  @IsArray()
  projectIds!: string[];
}

export class PublicListQueryDto {
  @ApiPropertyOptional({ enum: API_LEVELS })
  @IsIn(API_LEVELS)
  @IsOptional()
  level?: (typeof API_LEVELS)[number];

  @ApiPropertyOptional({ description: 'A region; its whole subtree is included', example: '310115' })
  @Matches(REGION_CODE_PATTERN, { message: 'must be a GB/T 2260 region code of 6, 9 or 12 digits' })
  @IsOptional()
  regionCode?: string;

  @ApiProperty({ example: 2025 })
  @Max(2100)
  @Min(2017)
  @IsInt()
  @Type(() => Number)
  year!: number;
}
