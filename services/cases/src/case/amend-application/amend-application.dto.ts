import { Type } from 'class-transformer';
import { ArrayMaxSize, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CaseCommandDto } from '../case-command.dto';
import { ReceivedMaterialDto } from '../receive-case/receive-case.dto';
import { IsNotBlank } from '@sangeyipi/platform';

/** AmendApplication: the applicant changed what is applied for (recorded by the clerk). */
export class AmendApplicationDto extends CaseCommandDto {
  /** What changed. */
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  description!: string;

  /** Materials handed in with the change. */
  @ValidateNested({ each: true })
  @Type(() => ReceivedMaterialDto)
  @ArrayMaxSize(200)
  materials!: ReceivedMaterialDto[];
}
