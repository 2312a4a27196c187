import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CaseCommandDto } from '../case-command.dto';
import { IsNotBlank } from '@sangeyipi/platform';

export class MissingMaterialDto {
  @IsString()
  @IsNotBlank()
  @MaxLength(64)
  materialId!: string;

  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  name!: string;

  /** What is missing or wrong, e.g. 缺少原件. */
  @IsString()
  @IsNotBlank()
  @MaxLength(500)
  reason!: string;
}

/** RequestSupplement: one notice naming every missing material at once (一次告知). */
export class RequestSupplementDto extends CaseCommandDto {
  @ValidateNested({ each: true })
  @Type(() => MissingMaterialDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  missingMaterials!: MissingMaterialDto[];
}
