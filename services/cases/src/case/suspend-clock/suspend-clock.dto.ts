import { IsBoolean, IsIn, IsString, MaxLength } from 'class-validator';
import { CaseCommandDto } from '../case-command.dto';
import { SUSPENSION_REASONS, type SuspensionReason } from '../case.events';
import { IsNotBlank } from '@sangeyipi/platform';

/** SuspendClock: a period the law excludes from the time limit begins (行政许可法 §45). */
export class SuspendClockDto extends CaseCommandDto {
  @IsIn(SUSPENSION_REASONS)
  reason!: SuspensionReason;

  /** Detail of the procedure, e.g. the testing body. */
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  description!: string;

  /** The applicant was told in writing. */
  @IsBoolean()
  applicantNotified!: boolean;
}
