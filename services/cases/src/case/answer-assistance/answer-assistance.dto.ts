import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { CaseCommandDto } from '../case-command.dto';

/** AnswerAssistance: the asked unit gives its opinion through the platform. */
export class AnswerAssistanceDto extends CaseCommandDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  opinion!: string;
}
