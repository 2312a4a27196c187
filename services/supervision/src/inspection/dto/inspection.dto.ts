import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { FINDING_CATEGORIES, type FindingCategory, type InspectionMethod, type InspectionOutcome, type TargetKind } from '../../supervision.events';
import { IsNotBlank } from '@sangeyipi/platform';
import { REGION_CODE_MESSAGE, REGION_CODE_PATTERN } from '../../region-code.pattern';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TARGET_KINDS: TargetKind[] = ['TARGET_KIND_ENTERPRISE', 'TARGET_KIND_SERVICE_UNIT'];
const METHODS: InspectionMethod[] = ['INSPECTION_METHOD_OPEN', 'INSPECTION_METHOD_UNDERCOVER'];
const OUTCOMES: InspectionOutcome[] = ['INSPECTION_OUTCOME_COMPLIANT', 'INSPECTION_OUTCOME_NON_COMPLIANT', 'INSPECTION_OUTCOME_NOT_INSPECTED'];

/** An entry of the inspection item list (抽查事项清单). */
export class ListInspectionItemDto {
  @ApiProperty({ example: '食品经营许可事后监督检查' }) @MaxLength(200) @IsNotBlank() @IsString() name!: string;
  @ApiProperty({ description: '法律依据', example: '《食品安全法》第一百一十条' }) @MaxLength(500) @IsNotBlank() @IsString() legalBasis!: string;
  @ApiProperty({ description: 'The unit that inspects (检查主体)' }) @MaxLength(100) @IsNotBlank() @IsString() inspectingUnitId!: string;
  @ApiProperty({ enum: TARGET_KINDS }) @IsIn(TARGET_KINDS) targetKind!: TargetKind;
  @ApiProperty({ description: 'Base proportion drawn, in basis points (500 = 5%)', example: 500 }) @Max(10_000) @Min(1) @IsInt() proportionBasisPoints!: number;
  @ApiProperty({ example: '每年不少于1次' }) @MaxLength(100) @IsNotBlank() @IsString() frequency!: string;
  @ApiProperty({ enum: METHODS }) @IsIn(METHODS) method!: InspectionMethod;
  @ApiPropertyOptional({ description: 'Qualification an inspector must hold; empty for any' }) @MaxLength(100) @IsString() @IsOptional() inspectorQualification?: string;
  @ApiProperty({ example: '310101' }) @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE }) regionCode!: string;
}

export class TargetDto {
  @ApiProperty({ description: '统一社会信用代码 or a service unit id' }) @MaxLength(100) @IsNotBlank() @IsString() targetId!: string;
  @ApiProperty({ enum: TARGET_KINDS }) @IsIn(TARGET_KINDS) kind!: TargetKind;
  @ApiProperty() @MaxLength(200) @IsNotBlank() @IsString() name!: string;
  @ApiProperty({ description: 'The unit the target belongs to; its inspectors never inspect it' }) @MaxLength(100) @IsNotBlank() @IsString() affiliatedUnitId!: string;
  @ApiProperty({ example: '310101' }) @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE }) regionCode!: string;
}

/** A batch of targets for the registry (检查对象名录库), imported in one transaction. */
export class RegisterTargetsDto {
  @ApiProperty({ type: [TargetDto] }) @ValidateNested({ each: true }) @Type(() => TargetDto) @ArrayMaxSize(1000) @ArrayMinSize(1) @IsArray() targets!: TargetDto[];
}

export class RegisterInspectorDto {
  @ApiProperty() @MaxLength(100) @IsNotBlank() @IsString() inspectorId!: string;
  @ApiProperty({ description: "The inspector's unit" }) @MaxLength(100) @IsNotBlank() @IsString() unitId!: string;
  @ApiProperty({ type: [String] }) @MaxLength(100, { each: true }) @IsString({ each: true }) @ArrayMaxSize(20) @IsArray() qualifications!: string[];
  @ApiProperty({ example: '310101' }) @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE }) regionCode!: string;
}

export class DeclareConflictDto {
  @ApiProperty() @MaxLength(100) @IsNotBlank() @IsString() targetId!: string;
  @ApiProperty({ example: '近亲属在该企业任职' }) @MaxLength(500) @IsNotBlank() @IsString() reason!: string;
}

export class PlanInspectionDto {
  @ApiProperty() @MaxLength(200) @IsNotBlank() @IsString() title!: string;
  @ApiProperty({ example: '310101' }) @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE }) regionCode!: string;
  @ApiProperty() @IsNotBlank() @IsString() inspectionItemId!: string;
  @ApiPropertyOptional({ description: 'Proportion for poor-credit or much-complained targets, basis points; default twice the base' })
  @Max(10_000)
  @Min(1)
  @IsInt()
  @IsOptional()
  elevatedProportionBasisPoints?: number;
  @ApiProperty({ minimum: 2, example: 2 }) @Max(20) @IsInt() inspectorsPerTarget!: number;
  @ApiProperty({ description: 'Lowercase hex SHA-256 of the secret seed' }) @IsString() seedCommitment!: string;
  @ApiProperty({ example: '2025-11-03' }) @Matches(DATE, { message: 'must be a date YYYY-MM-DD' }) drawOn!: string;
  @ApiPropertyOptional({ description: 'The public value, unknown today, the draw will mix in (e.g. 福彩3D draw of the draw day)', example: '中国福利彩票3D 2025-11-03 开奖号码' })
  @MaxLength(200)
  @IsString()
  @IsOptional()
  witnessSource?: string;
}

export class DrawInspectionDto {
  @ApiProperty({ description: 'The seed, lowercase hex, whose SHA-256 was committed' }) @MaxLength(256) @IsString() seed!: string;
  @ApiPropertyOptional({ description: 'The value of the witness source announced with the plan; none when the plan announced none' })
  @MaxLength(200)
  @IsString()
  @IsOptional()
  witness?: string;
}

export class ResultFindingDto {
  @ApiProperty({ enum: FINDING_CATEGORIES }) @IsIn(FINDING_CATEGORIES) category!: FindingCategory;
  @ApiProperty() @MaxLength(1000) @IsNotBlank() @IsString() description!: string;
}

export class PublishResultDto {
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES) outcome!: InspectionOutcome;
  @ApiProperty() @MaxLength(2000) @IsNotBlank() @IsString() summary!: string;
  @ApiProperty({ example: '2025-11-05' }) @Matches(DATE, { message: 'must be a date YYYY-MM-DD' }) inspectedOn!: string;
  @ApiPropertyOptional({ type: [ResultFindingDto] }) @ValidateNested({ each: true }) @Type(() => ResultFindingDto) @ArrayMaxSize(50) @IsArray() @IsOptional() findings?: ResultFindingDto[];
}
