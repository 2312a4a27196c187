import { IsString, MaxLength } from 'class-validator';
import { CaseCommandDto } from '../case-command.dto';
import { IsNotBlank } from '@sangeyipi/platform';

/** RefuseAcceptance: 不予受理, with the reason and the legal basis. */
export class RefuseAcceptanceDto extends CaseCommandDto {
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  reason!: string;

  /** 法律依据. */
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  legalBasis!: string;
}
