import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { API_APPLICANT_KINDS, API_DOCUMENT_KINDS, API_EXCLUSION_REASONS, API_MILESTONES, API_TARGETS } from '../../shared/api-names';
import { IsCalendarDate, REGION_CODE_PATTERN } from '../../shared/dto-validators';
import { IsNotBlank } from '@sangeyipi/platform';

export class ApplicantRefDto {
  @ApiProperty({ enum: API_APPLICANT_KINDS, example: 'enterprise' })
  @IsIn(API_APPLICANT_KINDS)
  kind!: (typeof API_APPLICANT_KINDS)[number];

  @ApiProperty({ description: 'Platform applicant id, or an enterprise\'s unified social credit code (统一社会信用代码)', example: '91310115MA1K4ABC12' })
  @MaxLength(64)
  @IsNotBlank()
  @IsString()
  applicantId!: string;
}

export class ProjectDocumentDto {
  @ApiProperty({ enum: API_DOCUMENT_KINDS, description: '建设用地批准书 · 立项批文 · 建设工程报建表' })
  @IsIn(API_DOCUMENT_KINDS)
  kind!: (typeof API_DOCUMENT_KINDS)[number];

  @ApiProperty({ example: '沪浦建用地〔2025〕第0088号' })
  @MaxLength(100)
  @IsNotBlank()
  @IsString()
  documentNumber!: string;

  @ApiProperty({ example: '2025-06-02' })
  @IsCalendarDate()
  issuedOn!: string;
}

/** What a unit may correct on a registered project (and what it tries to change on a listed one). */
export class ProjectDescriptionDto {
  @ApiProperty({ example: '临港新片区智能制造产业基地一期' })
  @MaxLength(200)
  @IsNotBlank()
  @IsString()
  name!: string;

  @ApiProperty({ description: 'GB/T 2260 code of the project site, within the unit\'s region', example: '310115' })
  @Matches(REGION_CODE_PATTERN, { message: 'must be a GB/T 2260 region code of 6, 9 or 12 digits' })
  siteRegionCode!: string;

  @ApiProperty({ type: ApplicantRefDto, description: 'The enterprise building the project' })
  @Type(() => ApplicantRefDto)
  @ValidateNested()
  @IsDefined()
  owner!: ApplicantRefDto;

  @ApiProperty({ example: 'C39 计算机、通信和其他电子设备制造业' })
  @MaxLength(200)
  @IsNotBlank()
  @IsString()
  industry!: string;

  @ApiProperty({ description: 'Total investment in 万元 (10,000 yuan)', example: 120000 })
  @Max(4_000_000_000)
  @Min(0)
  @IsInt()
  investmentTenThousandYuan!: number;

  @ApiProperty({ description: '产业项目: approvals at most two thirds of the statutory time' })
  @IsBoolean()
  industrial!: boolean;

  @ApiProperty({ enum: API_TARGETS, description: '当年开工开业 or 当年竣工验收' })
  @IsIn(API_TARGETS)
  target!: (typeof API_TARGETS)[number];

  @ApiPropertyOptional({ description: 'For a completion-acceptance target: the date the project became ready for acceptance', example: '2025-03-01' })
  @IsCalendarDate()
  @IsOptional()
  readyForAcceptanceOn?: string;
}

export class RegisterProjectDto extends ProjectDescriptionDto {
  @ApiProperty({ description: 'The list year', example: 2025 })
  @Max(2100)
  @Min(2017)
  @IsInt()
  listingYear!: number;

  @ApiProperty({ type: [ProjectDocumentDto], description: 'The qualifying documents the project holds' })
  @ArrayMaxSize(3)
  @Type(() => ProjectDocumentDto)
  @ValidateNested({ each: true })
  @IsArray()
  documents!: ProjectDocumentDto[];
}

export class RecordMilestoneDto {
  @ApiProperty({ enum: API_MILESTONES })
  @IsIn(API_MILESTONES)
  milestone!: (typeof API_MILESTONES)[number];

  @ApiProperty({ example: '2025-11-20' })
  @IsCalendarDate()
  reachedOn!: string;

  @ApiProperty({ description: 'Number of the document proving it (施工许可证, 竣工验收备案 …)', example: '3101152025112001' })
  @MaxLength(100)
  @IsNotBlank()
  @IsString()
  evidenceDocumentNumber!: string;

  @ApiPropertyOptional({ description: 'Other evidence, in words', example: '开工仪式现场照片' })
  @MaxLength(1000)
  @IsString()
  @IsOptional()
  evidenceDescription?: string;
}

export class RequestProjectChangeDto {
  @ApiProperty({ enum: ['target', 'delisting'], description: 'Change the target for the year, or take the project off the list' })
  @IsIn(['target', 'delisting'])
  change!: 'target' | 'delisting';

  @ApiPropertyOptional({ enum: API_TARGETS, description: 'For a target change: the new target' })
  @IsIn(API_TARGETS)
  @IsOptional()
  target?: (typeof API_TARGETS)[number];

  @ApiProperty({ example: '项目已开工，调整为当年竣工验收' })
  @MaxLength(1000)
  @IsNotBlank()
  @IsString()
  reason!: string;
}

export class ApproveDto {
  @ApiProperty({ description: 'Reference of the approval (批复文号)', example: '浦审改办〔2025〕52号' })
  @MaxLength(200)
  @IsNotBlank()
  @IsString()
  approvalReference!: string;
}

export class RejectDto {
  @ApiProperty({ example: '理由不充分' })
  @MaxLength(1000)
  @IsNotBlank()
  @IsString()
  reason!: string;
}

export class RequestExclusionDto {
  @ApiProperty({ enum: API_EXCLUSION_REASONS, description: '企业原因 · 政策调整 · 自然条件' })
  @IsIn(API_EXCLUSION_REASONS)
  reason!: (typeof API_EXCLUSION_REASONS)[number];

  @ApiProperty({ example: '台风导致场地积水，无法施工' })
  @MaxLength(2000)
  @IsNotBlank()
  @IsString()
  explanation!: string;

  @ApiProperty({ type: [String], description: 'Evidence: document numbers or descriptions', example: ['气象部门台风预警记录'] })
  @ArrayMaxSize(20)
  @MaxLength(500, { each: true })
  @IsNotBlank({ each: true })
  @IsString({ each: true })
  @IsArray()
  evidence!: string[];
}

export class ListProjectsQueryDto {
  @ApiPropertyOptional({ example: 2025 })
  @Max(2100)
  @Min(2017)
  @IsInt()
  @Type(() => Number)
  @IsOptional()
  year?: number;

  @ApiPropertyOptional({ enum: ['registered', 'listed', 'delisted'] })
  @IsIn(['registered', 'listed', 'delisted'])
  @IsOptional()
  status?: string;

  @ApiPropertyOptional({ description: 'Only industrial projects whose approval chain is flagged', type: Boolean })
  @IsIn(['true', 'false'])
  @IsOptional()
  atRisk?: 'true' | 'false';
}
