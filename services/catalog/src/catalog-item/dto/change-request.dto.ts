import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isCalendarDate, IsNotBlank } from '@sangeyipi/platform';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, ValidateBy, ValidateIf, ValidateNested } from 'class-validator';
import type { ChangeKind } from '../catalog-item.events';
import { CatalogItemDefinitionDto } from './catalog-item-definition.dto';

const CHANGE_KINDS: readonly ChangeKind[] = ['revision', 'withdrawal'];

export class RequestChangeDto {
  @ApiProperty({ enum: CHANGE_KINDS, description: 'A new revision of the published item, or its withdrawal from the catalog' })
  @IsIn(CHANGE_KINDS)
  change!: ChangeKind;

  @ApiProperty({ description: 'Why the unit asks for the change', example: '承诺时限由7个工作日压缩为5个工作日' })
  @MaxLength(1000)
  @IsNotBlank()
  @IsString()
  reason!: string;

  @ApiPropertyOptional({ type: CatalogItemDefinitionDto, description: 'For a revision: the complete proposed content. Absent for a withdrawal.' })
  @Type(() => CatalogItemDefinitionDto)
  @ValidateNested()
  @ValidateBy(
    { name: 'definitionMatchesChange', validator: { validate: (value, args) => (value !== undefined) === ((args?.object as RequestChangeDto).change === 'revision') } },
    { message: 'is required for a revision and must be absent for a withdrawal' },
  )
  @ValidateIf((request: RequestChangeDto) => request.change === 'revision' || request.definition !== undefined)
  definition?: CatalogItemDefinitionDto;
}

export class ApproveChangeDto {
  @ApiProperty({ description: "Reference of the reform office's approval (批复文号)", example: '黄审改办〔2017〕12号' })
  @MaxLength(200)
  @IsNotBlank()
  @IsString()
  approvalReference!: string;

  @ApiPropertyOptional({ description: 'Date from which the change applies to new cases (YYYY-MM-DD); today when absent', example: '2017-11-01' })
  @ValidateBy({ name: 'isCalendarDate', validator: { validate: (value) => isCalendarDate(value) } }, { message: 'must be a calendar date YYYY-MM-DD' })
  @IsOptional()
  effectiveOn?: string;
}
