import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** RecordConsultation: what was asked about which item, and the answer given (咨询). */
export class RecordConsultationDto {
  /** What was asked. */
  @IsString()
  @IsNotEmpty()
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
  @IsNotEmpty()
  @MaxLength(4000)
  answer!: string;
}
