import { ApiProperty } from '@nestjs/swagger';
import { IsNotBlank, REGION_LEVELS } from '@sangeyipi/platform';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import type { AdministrativeLevel } from '../../catalog-item/catalog-item.definition';
import { REGION_CODE_MESSAGE, REGION_CODE_PATTERN } from '../../region-code.pattern';
import { SERVICE_UNIT_KINDS, type ServiceUnitKind } from '../service-unit.decider';

export class RegisterUnitDto {
  @ApiProperty({ description: 'Id of the unit, as staff tokens carry it', example: 'unit-310101-scjgj' })
  @Matches(/^[a-z0-9][a-z0-9-]{2,63}$/, { message: 'must be 3–64 lowercase letters, digits or "-"' })
  unitId!: string;

  @ApiProperty({ description: 'Official name', example: '黄浦区市场监督管理局' })
  @MaxLength(200)
  @IsNotBlank()
  @IsString()
  name!: string;

  @ApiProperty({ enum: SERVICE_UNIT_KINDS, description: 'Kind of organisation' })
  @IsIn(SERVICE_UNIT_KINDS)
  kind!: ServiceUnitKind;

  @ApiProperty({ enum: REGION_LEVELS, description: 'Administrative level of the unit' })
  @IsIn(REGION_LEVELS)
  level!: AdministrativeLevel;

  @ApiProperty({ description: 'Region of the unit, of the same level (6, 9 or 12 digits)', example: '310101' })
  @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE })
  regionCode!: string;
}
