import { IsIn, IsString, MaxLength } from 'class-validator';
import { CaseCommandDto } from '../case-command.dto';
import { IsNotBlank } from '@sangeyipi/platform';

/** DeliverDocument: the document reached the applicant (送达). */
export class DeliverDocumentDto extends CaseCommandDto {
  @IsString()
  @IsNotBlank()
  @MaxLength(64)
  documentId!: string;

  @IsIn(['DELIVERY_METHOD_IN_PERSON', 'DELIVERY_METHOD_POST', 'DELIVERY_METHOD_ELECTRONIC'])
  method!: 'DELIVERY_METHOD_IN_PERSON' | 'DELIVERY_METHOD_POST' | 'DELIVERY_METHOD_ELECTRONIC';
}
