import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { CaseCommandDto } from '../case-command.dto';

/** HandOverCase: the responsible staff member hands the case over, recorded (首问负责 ends here). */
export class HandOverCaseDto extends CaseCommandDto {
  /** User id of the staff member who takes over. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  toUserId!: string;

  /** Why, e.g. 转交专业窗口. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  note!: string;
}
