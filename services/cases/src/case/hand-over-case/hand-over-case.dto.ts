import { IsString, MaxLength } from 'class-validator';
import { CaseCommandDto } from '../case-command.dto';
import { IsNotBlank } from '@sangeyipi/platform';

/** HandOverCase: the responsible staff member hands the case over, recorded (首问负责 ends here). */
export class HandOverCaseDto extends CaseCommandDto {
  /** User id of the staff member who takes over. */
  @IsString()
  @IsNotBlank()
  @MaxLength(64)
  toUserId!: string;

  /** Why, e.g. 转交专业窗口. */
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  note!: string;
}
