import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { CaseCommandDto } from '../case-command.dto';
import { IsNotBlank } from '@sangeyipi/platform';

/** RequestAssistance: ask another unit (any district or level) for its opinion (行政协助). */
export class RequestAssistanceDto extends CaseCommandDto {
  /** Id of the unit asked. */
  @IsString()
  @IsNotBlank()
  @MaxLength(64)
  toUnitId!: string;

  /** What the opinion is needed on. */
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  question!: string;

  /** Working days the asked unit has to answer. */
  @IsInt()
  @Min(1)
  @Max(60)
  limitDays!: number;
}
