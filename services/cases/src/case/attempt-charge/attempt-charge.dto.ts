import { IsIn, IsString, MaxLength } from 'class-validator';
import { FORBIDDEN_CHARGES, type ForbiddenCharge } from '../case.events';
import { IsNotBlank } from '@sangeyipi/platform';

/** AttemptForbiddenCharge: someone tries to record an expedite fee, a service fee or an added precondition. */
export class AttemptChargeDto {
  @IsIn(FORBIDDEN_CHARGES)
  charge!: ForbiddenCharge;

  /** What was asked for, e.g. 加急办理费200元. */
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  description!: string;
}
