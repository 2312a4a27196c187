import { IsString, MaxLength } from 'class-validator';
import { CaseCommandDto } from '../case-command.dto';
import { IsNotBlank } from '@sangeyipi/platform';

/** AnswerAssistance: the asked unit gives its opinion through the platform. */
export class AnswerAssistanceDto extends CaseCommandDto {
  @IsString()
  @IsNotBlank()
  @MaxLength(4000)
  opinion!: string;
}
