import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CaseCommandDto } from '../case-command.dto';
import { ReceivedMaterialDto } from '../receive-case/receive-case.dto';
import { MissingMaterialDto } from '../request-supplement/request-supplement.dto';
import { IsNotBlank } from '@sangeyipi/platform';

/** SubmitOnline (网上申报): the applicant applies for an item and uploads the materials. */
export class SubmitOnlineDto {
  @IsString()
  @IsNotBlank()
  @MaxLength(64)
  itemId!: string;

  @ValidateNested({ each: true })
  @Type(() => ReceivedMaterialDto)
  @ArrayMaxSize(200)
  materials!: ReceivedMaterialDto[];
}

/** The applicant changes the online application (after a notice of missing materials). */
export class AmendOnlineDto extends CaseCommandDto {
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  description!: string;

  @ValidateNested({ each: true })
  @Type(() => ReceivedMaterialDto)
  @ArrayMaxSize(200)
  materials!: ReceivedMaterialDto[];
}

/** PreReview (网上预审): complete, or every missing material named at once (一次告知). */
export class PreReviewDto extends CaseCommandDto {
  @IsIn(['complete', 'materials-missing'])
  outcome!: 'complete' | 'materials-missing';

  /** Required when materials are missing. */
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => MissingMaterialDto)
  @ArrayMaxSize(200)
  missingMaterials?: MissingMaterialDto[];
}

/** AcceptAtWindow: the applicant came after a passed pre-review; received and accepted on the spot. */
export class AcceptAtWindowDto extends CaseCommandDto {
  /** Badge number of the clerk at the window. */
  @IsString()
  @IsNotBlank()
  @MaxLength(32)
  badge!: string;
}
