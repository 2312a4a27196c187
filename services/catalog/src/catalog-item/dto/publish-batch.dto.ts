import { ApiProperty } from '@nestjs/swagger';
import { IsNotBlank, REGION_LEVELS } from '@sangeyipi/platform';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { REGION_CODE_MESSAGE, REGION_CODE_PATTERN } from '../../region-code.pattern';
import { CATALOG_KINDS, type AdministrativeLevel, type CatalogKind } from '../catalog-item.definition';

export class PublishBatchDto {
  @ApiProperty({ enum: CATALOG_KINDS, description: 'The catalog the batch belongs to' })
  @IsIn(CATALOG_KINDS)
  kind!: CatalogKind;

  @ApiProperty({ enum: REGION_LEVELS, description: 'Level of the catalog' })
  @IsIn(REGION_LEVELS)
  level!: AdministrativeLevel;

  @ApiProperty({ description: 'Region of the catalog, of the same level', example: '310101' })
  @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE })
  regionCode!: string;

  @ApiProperty({ description: 'Title of the batch as published', example: '黄浦区第一批当场办结事项目录' })
  @MaxLength(200)
  @IsNotBlank()
  @IsString()
  title!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The approved items to publish, each of this catalog' })
  @IsUUID('all', { each: true })
  @ArrayMaxSize(500)
  @ArrayMinSize(1)
  @IsArray()
  itemIds!: string[];
}
