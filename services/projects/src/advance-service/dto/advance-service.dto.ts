import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { API_APPROACHES, API_FOCUSES, API_SERVICE_KINDS } from '../../shared/api-names';
import { IsCalendarDate } from '../../shared/dto-validators';
import { ApplicantRefDto } from '../../project/dto/project.dto';
import { IsNotBlank } from '@sangeyipi/platform';

export class RequestAdvanceServiceDto {
  @ApiProperty({ description: 'The advance-service catalog item (提前服务目录)' })
  @MaxLength(100)
  @IsNotBlank()
  @IsString()
  itemId!: string;

  @ApiProperty({ enum: API_APPROACHES, description: '提前介入 · 主动指导 · 批前指导 · 上门服务 · 全程跟踪' })
  @IsIn(API_APPROACHES)
  approach!: (typeof API_APPROACHES)[number];

  @ApiProperty({ enum: API_SERVICE_KINDS, isArray: true, description: 'The kinds of work asked for' })
  @ArrayMaxSize(8)
  @ArrayMinSize(1)
  @IsIn(API_SERVICE_KINDS, { each: true })
  @IsArray()
  kinds!: (typeof API_SERVICE_KINDS)[number][];

  @ApiPropertyOptional({ enum: API_FOCUSES, isArray: true, description: '选址定点 · 现场建筑要求 · 流程布局 · 硬件设施' })
  @ArrayMaxSize(4)
  @IsIn(API_FOCUSES, { each: true })
  @IsArray()
  @IsOptional()
  focuses?: (typeof API_FOCUSES)[number][];

  @ApiProperty({ description: 'What the applicant needs help with', example: '厂房选址及工艺布局' })
  @MaxLength(1000)
  @IsNotBlank()
  @IsString()
  subject!: string;

  @ApiPropertyOptional({ type: [String], description: 'Catalog items the applicant will formally apply for later; their cases are linked to the service' })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsArray()
  @IsOptional()
  targetItemIds?: string[];

  @ApiPropertyOptional({ description: 'A listed project the service prepares' })
  @IsUUID('4')
  @IsOptional()
  projectId?: string;

  @ApiPropertyOptional({ type: ApplicantRefDto, description: 'Staff offering a service name the applicant; an applicant asking is the applicant' })
  @Type(() => ApplicantRefDto)
  @ValidateNested()
  @IsOptional()
  applicant?: ApplicantRefDto;
}

export class AssignedStaffDto {
  @ApiProperty({ example: 'staff-0456' })
  @MaxLength(100)
  @IsNotBlank()
  @IsString()
  userId!: string;

  @ApiProperty({ description: 'Badge number (挂牌上岗)', example: 'PD-0456' })
  @MaxLength(50)
  @IsNotBlank()
  @IsString()
  badge!: string;
}

export class ScheduleAdvanceServiceDto {
  @ApiProperty({ example: '2025-10-10' })
  @IsCalendarDate()
  scheduledOn!: string;

  @ApiProperty({ type: [AssignedStaffDto] })
  @ArrayMaxSize(20)
  @ArrayMinSize(1)
  @Type(() => AssignedStaffDto)
  @ValidateNested({ each: true })
  @IsArray()
  staff!: AssignedStaffDto[];

  @ApiPropertyOptional({ example: '项目现场' })
  @MaxLength(500)
  @IsString()
  @IsOptional()
  location?: string;
}

export class DeliverAdvanceServiceDto {
  @ApiProperty({ example: '2025-10-10' })
  @IsCalendarDate()
  deliveredOn!: string;

  @ApiProperty({ example: '现场勘察完成，已就工艺布局提出指导意见' })
  @MaxLength(2000)
  @IsNotBlank()
  @IsString()
  summary!: string;

  @ApiProperty({ type: [String], description: 'What the staff found' })
  @ArrayMaxSize(50)
  @MaxLength(1000, { each: true })
  @IsString({ each: true })
  @IsArray()
  findings!: string[];

  @ApiProperty({ type: [String], description: 'Advice: what to address before the formal application' })
  @ArrayMaxSize(50)
  @MaxLength(1000, { each: true })
  @IsString({ each: true })
  @IsArray()
  advice!: string[];
}

export class ListAdvanceServicesQueryDto {
  @ApiPropertyOptional({ enum: ['requested', 'scheduled', 'delivered'] })
  @IsIn(['requested', 'scheduled', 'delivered'])
  @IsOptional()
  status?: 'requested' | 'scheduled' | 'delivered';
}
