import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsDefined, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsNotBlank } from '@sangeyipi/platform';

export class ApplicantDto {
  /** Person (群众) or enterprise (企业). */
  @IsIn(['APPLICANT_KIND_PERSON', 'APPLICANT_KIND_ENTERPRISE'])
  kind!: 'APPLICANT_KIND_PERSON' | 'APPLICANT_KIND_ENTERPRISE';

  /** The applicant's platform id (the `sub` of their token) or an enterprise's credit code. */
  @IsString()
  @IsNotBlank()
  @MaxLength(64)
  applicantId!: string;
}

export class ReceivedMaterialDto {
  /** Id of the required material in the catalog item, e.g. M01. */
  @IsString()
  @IsNotBlank()
  @MaxLength(64)
  materialId!: string;

  /** Name as printed on the receipt voucher. */
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  name!: string;

  /** Copies handed in. */
  @IsInt()
  @Min(0)
  @Max(1000)
  copies!: number;

  /** True when a written commitment (告知承诺) replaces the material. */
  @IsOptional()
  @IsBoolean()
  replacedByCommitment?: boolean;
}

/** ReceiveCase: a window receives an application for a published item and issues a receipt voucher. */
export class ReceiveCaseDto {
  /** Id of the published catalog item applied for. */
  @IsString()
  @IsNotBlank()
  @MaxLength(64)
  itemId!: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant!: ApplicantDto;

  /** Where the application came in. */
  @IsIn(['CHANNEL_WINDOW', 'CHANNEL_ONLINE'])
  channel!: 'CHANNEL_WINDOW' | 'CHANNEL_ONLINE';

  /** The materials handed in (listed on the receipt voucher). */
  @ValidateNested({ each: true })
  @Type(() => ReceivedMaterialDto)
  @ArrayMaxSize(200)
  materials!: ReceivedMaterialDto[];

  /** The applicant signed a written commitment that the conditions are met (告知承诺); only for items on that route. */
  @IsOptional()
  @IsBoolean()
  commitmentSigned?: boolean;

  /** Badge number of the staff member at the window (挂牌上岗). */
  @IsString()
  @IsNotBlank()
  @MaxLength(32)
  badge!: string;
}
