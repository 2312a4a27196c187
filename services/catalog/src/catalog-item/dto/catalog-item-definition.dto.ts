import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  ADVANCE_SERVICE_APPROACHES,
  ADVANCE_SERVICE_CONTENTS,
  APPROVAL_ROUTES,
  APPROVAL_STEPS,
  CASE_TYPES,
  CATALOG_KINDS,
  COMPLETION_MODES,
  MATERIAL_FORMS,
  MATERIAL_SOURCES,
  type AdvanceServiceApproach,
  type AdvanceServiceContent,
  type ApprovalRoute,
  type ApprovalStep,
  type CaseType,
  type CatalogItemDefinition,
  type CatalogKind,
  type CompletionMode,
  type MaterialForm,
  type MaterialSource,
} from '../catalog-item.definition';
import { IsNotBlank } from '@sangeyipi/platform';

// The shapes and ranges of an item definition. The catalog rules (limits, modes, steps, fees,
// materials) are the domain's: a breach of those is answered with the rule's name.

export class RequiredMaterialDto {
  @ApiProperty({ description: 'Stable id of the material within the item, referenced by cases', example: 'M01' })
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'must be 1–32 letters, digits, "_" or "-"' })
  materialId!: string;

  @ApiProperty({ description: 'Name of the material as published', example: '食品经营许可申请书' })
  @MaxLength(200)
  @IsNotBlank()
  @IsString()
  name!: string;

  @ApiProperty({ enum: MATERIAL_FORMS, description: 'Form in which the material is accepted' })
  @IsIn(MATERIAL_FORMS)
  form!: MaterialForm;

  @ApiProperty({ minimum: 1, maximum: 99, example: 1 })
  @Max(99)
  @Min(1)
  @IsInt()
  copies!: number;

  @ApiProperty({ description: 'The original (原件) must be shown, not only a copy' })
  @IsBoolean()
  originalRequired!: boolean;

  @ApiProperty({
    enum: MATERIAL_SOURCES,
    description: 'Who supplies it: the applicant, or the unit itself through administrative assistance (行政协助) or data sharing (数据共享)',
  })
  @IsIn(MATERIAL_SOURCES)
  source!: MaterialSource;

  @ApiProperty({ description: 'May be replaced by a written commitment (告知承诺)' })
  @IsBoolean()
  replaceableByCommitment!: boolean;
}

export class StatutoryFeeDto {
  @ApiProperty({ description: 'Name of the fee; expedite and service fees are refused', example: '不动产登记费' })
  @MaxLength(100)
  @IsNotBlank()
  @IsString()
  name!: string;

  @ApiProperty({ description: 'The published rate (收费标准)', example: '每件80元' })
  @MaxLength(200)
  @IsNotBlank()
  @IsString()
  amount!: string;

  @ApiProperty({ description: 'The law or regulation that sets the fee', example: '《不动产登记暂行条例》' })
  @MaxLength(500)
  @IsString()
  legalBasis!: string;
}

export class CatalogItemDefinitionDto {
  @ApiProperty({ description: 'Basic code (基本编码) from the government-service item list', example: '310101-SCJG-0012' })
  @MaxLength(64)
  @IsNotBlank()
  @IsString()
  basicCode!: string;

  @ApiProperty({ description: 'Implementation code (实施编码) of the item as this unit implements it', example: '11310101MB2F0001XP3310101SCJG0012000' })
  @MaxLength(64)
  @IsNotBlank()
  @IsString()
  implementationCode!: string;

  @ApiProperty({ description: 'Name of the item (事项名称)', example: '食品经营许可（仅销售预包装食品）' })
  @MaxLength(200)
  @IsNotBlank()
  @IsString()
  name!: string;

  @ApiProperty({ enum: CATALOG_KINDS, description: 'The catalog: on the spot (当场办结), advance service (提前服务), same-year landing (当年落地)' })
  @IsIn(CATALOG_KINDS)
  kind!: CatalogKind;

  @ApiPropertyOptional({ enum: COMPLETION_MODES, nullable: true, description: 'On-the-spot items only: immediate (当场办结), early (提前办结), time-limited (限时办结)' })
  @IsIn(COMPLETION_MODES)
  @IsOptional()
  completionMode?: CompletionMode | null;

  @ApiPropertyOptional({ nullable: true, minimum: 1, maximum: 365, description: 'Statutory limit (法定时限) in working days; absent when the law sets none' })
  @Max(365)
  @Min(1)
  @IsInt()
  @IsOptional()
  statutoryLimitDays?: number | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0, maximum: 365, description: 'Committed limit (承诺时限) in working days; 0 = the same day; absent when none is committed' })
  @Max(365)
  @Min(0)
  @IsInt()
  @IsOptional()
  committedLimitDays?: number | null;

  @ApiProperty({ enum: CASE_TYPES, description: 'Immediate case (即办件) or commitment case (承诺件)' })
  @IsIn(CASE_TYPES)
  caseType!: CaseType;

  @ApiProperty({ type: [RequiredMaterialDto], description: 'Materials the applicant provides (申请材料), published so that they can be named at once' })
  @Type(() => RequiredMaterialDto)
  @ValidateNested({ each: true })
  @ArrayMaxSize(100)
  @IsArray()
  requiredMaterials!: RequiredMaterialDto[];

  @ApiProperty({ enum: APPROVAL_STEPS, isArray: true, description: 'Approval steps in order: 承办 (handle), 审核 (review), 决定 (decide); at most three' })
  @IsIn(APPROVAL_STEPS, { each: true })
  @ArrayMaxSize(10)
  @IsArray()
  approvalSteps!: ApprovalStep[];

  @ApiProperty({ enum: APPROVAL_ROUTES, description: 'Standard approval, 告知承诺, negative list or standards' })
  @IsIn(APPROVAL_ROUTES)
  approvalRoute!: ApprovalRoute;

  @ApiProperty({ minimum: 0, maximum: 10, description: 'Visits in person needed (到办事现场次数)' })
  @Max(10)
  @Min(0)
  @IsInt()
  visitsRequired!: number;

  @ApiProperty({ description: 'Can be applied for online (一网通办)' })
  @IsBoolean()
  onlineApplication!: boolean;

  @ApiProperty({ description: 'Also handled on holidays (节假日办理)' })
  @IsBoolean()
  holidayService!: boolean;

  @ApiProperty({ type: [StatutoryFeeDto], description: 'Fees the law allows, with their legal basis; empty when free of charge' })
  @Type(() => StatutoryFeeDto)
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  @IsArray()
  statutoryFees!: StatutoryFeeDto[];

  @ApiProperty({ description: 'Legal basis of the item (设定依据)', example: '《中华人民共和国食品安全法》第三十五条' })
  @MaxLength(2000)
  @IsNotBlank()
  @IsString()
  legalBasis!: string;

  @ApiProperty({ enum: ADVANCE_SERVICE_APPROACHES, isArray: true, description: 'Forms of advance service offered (提前介入, 主动指导, 批前指导, 上门服务, 全程跟踪)' })
  @IsIn(ADVANCE_SERVICE_APPROACHES, { each: true })
  @ArrayMaxSize(ADVANCE_SERVICE_APPROACHES.length)
  @IsArray()
  advanceServiceApproaches!: AdvanceServiceApproach[];

  @ApiProperty({ enum: ADVANCE_SERVICE_CONTENTS, isArray: true, description: 'Contents of advance service offered (勘察, 核查, 检验, 检疫, 检测, 评审, 技术审查, 咨询指导)' })
  @IsIn(ADVANCE_SERVICE_CONTENTS, { each: true })
  @ArrayMaxSize(ADVANCE_SERVICE_CONTENTS.length)
  @IsArray()
  advanceServiceContents!: AdvanceServiceContent[];
}

/** The domain definition of a validated request body; absent optional values become null. */
export function toDefinition(dto: CatalogItemDefinitionDto): CatalogItemDefinition {
  return {
    basicCode: dto.basicCode,
    implementationCode: dto.implementationCode,
    name: dto.name,
    kind: dto.kind,
    completionMode: dto.completionMode ?? null,
    statutoryLimitDays: dto.statutoryLimitDays ?? null,
    committedLimitDays: dto.committedLimitDays ?? null,
    caseType: dto.caseType,
    requiredMaterials: dto.requiredMaterials.map((material) => ({ ...material })),
    approvalSteps: [...dto.approvalSteps],
    approvalRoute: dto.approvalRoute,
    visitsRequired: dto.visitsRequired,
    onlineApplication: dto.onlineApplication,
    holidayService: dto.holidayService,
    statutoryFees: dto.statutoryFees.map((fee) => ({ ...fee })),
    legalBasis: dto.legalBasis,
    advanceServiceApproaches: [...dto.advanceServiceApproaches],
    advanceServiceContents: [...dto.advanceServiceContents],
  };
}
