import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { CaseCommandDto } from '../case-command.dto';

/** RefuseAcceptance: 不予受理, with the reason and the legal basis. */
export class RefuseAcceptanceDto extends CaseCommandDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  /** 法律依据. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  legalBasis!: string;
}
