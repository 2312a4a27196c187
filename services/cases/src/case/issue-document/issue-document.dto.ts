import { IsString, MaxLength } from 'class-validator';
import { CaseCommandDto } from '../case-command.dto';
import { IsNotBlank } from '@sangeyipi/platform';

/** IssueDocument: the licence or denial notice is issued (制证). */
export class IssueDocumentDto extends CaseCommandDto {
  /** Document number (文号 / 证照编号). */
  @IsString()
  @IsNotBlank()
  @MaxLength(64)
  documentNumber!: string;
}
