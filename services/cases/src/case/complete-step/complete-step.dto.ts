import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CaseCommandDto } from '../case-command.dto';
import { IsNotBlank } from '@sangeyipi/platform';

export class DecisionDto {
  /** Approve (准予) or deny (不予). */
  @IsIn(['DECISION_APPROVED', 'DECISION_DENIED'])
  outcome!: 'DECISION_APPROVED' | 'DECISION_DENIED';

  /** The reasons; at least one for a denial. */
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  @ArrayMaxSize(50)
  reasons!: string[];

  /** Legal basis of the decision. */
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  legalBasis!: string;

  /** For an immediate item decided after the visit: why not on the spot. */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  notOnTheSpotReason?: string;
}

/** CompleteStep: 承办 (clerk), 审核 (reviewer) or 决定 (decider); the last step carries the decision. */
export class CompleteStepDto extends CaseCommandDto {
  @IsIn(['APPROVAL_STEP_HANDLE', 'APPROVAL_STEP_REVIEW', 'APPROVAL_STEP_DECIDE'])
  step!: 'APPROVAL_STEP_HANDLE' | 'APPROVAL_STEP_REVIEW' | 'APPROVAL_STEP_DECIDE';

  /** Badge number of the staff member (挂牌上岗). */
  @IsString()
  @IsNotBlank()
  @MaxLength(32)
  badge!: string;

  /** The opinion recorded at this step. */
  @IsString()
  @MaxLength(4000)
  opinion!: string;

  /** True when acting as the named backup (AB角) of the primary handler. */
  @IsOptional()
  @IsBoolean()
  asBackup?: boolean;

  @IsOptional()
  @ValidateNested()
  @Type(() => DecisionDto)
  decision?: DecisionDto;
}
