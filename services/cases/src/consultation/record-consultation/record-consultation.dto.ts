import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '@sangeyipi/platform';

/** RecordConsultation: what was asked about which item, and the answer given (咨询). */
export class RecordConsultationDto {
  /** What was asked. */
  @IsString()
  @IsNotBlank()
  @MaxLength(500)
  topic!: string;

  /** The catalog item asked about; omitted for a general question. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  itemId?: string;

  /** The person or enterprise asking, only if they gave it. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  applicantRef?: string;

  /** The answer given. */
  @IsString()
  @IsNotBlank()
  @MaxLength(4000)
  answer!: string;
}
