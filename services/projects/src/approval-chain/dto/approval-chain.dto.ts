import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../shared/dto-validators';
import { IsNotBlank } from '@sangeyipi/platform';

export class PlannedApprovalDto {
  @ApiProperty({ description: 'Id of the approval within the project', example: 'A1' })
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'must be 1–40 letters, digits, _ or -' })
  approvalId!: string;

  @ApiProperty({ description: 'The published catalog item applied for' })
  @MaxLength(100)
  @IsNotBlank()
  @IsString()
  itemId!: string;

  @ApiProperty({ description: 'Stage of the chain, from 1; approvals of one stage run at the same time (同步审批)', example: 1 })
  @Max(20)
  @Min(1)
  @IsInt()
  stage!: number;
}

export class PlanApprovalsDto {
  @ApiProperty({ type: [PlannedApprovalDto] })
  @ArrayMaxSize(50)
  @ArrayMinSize(1)
  @Type(() => PlannedApprovalDto)
  @ValidateNested({ each: true })
  @IsArray()
  approvals!: PlannedApprovalDto[];
}

export class CoordinationDecisionDto {
  @ApiProperty({ example: '规划资源局5个工作日内出具规划许可' })
  @MaxLength(1000)
  @IsNotBlank()
  @IsString()
  decision!: string;

  @ApiProperty({ description: 'The unit that owns the decision', example: 'unit-310115-ghzy' })
  @MaxLength(100)
  @IsNotBlank()
  @IsString()
  ownerUnitId!: string;

  @ApiProperty({ example: '2025-10-30' })
  @IsCalendarDate()
  dueOn!: string;
}

export class RecordMeetingDto {
  @ApiProperty({ example: '2025-10-23' })
  @IsCalendarDate()
  heldOn!: string;

  @ApiProperty({ example: '施工许可与规划许可同步审批' })
  @MaxLength(500)
  @IsNotBlank()
  @IsString()
  topic!: string;

  @ApiProperty({ type: [CoordinationDecisionDto] })
  @ArrayMaxSize(50)
  @ArrayMinSize(1)
  @Type(() => CoordinationDecisionDto)
  @ValidateNested({ each: true })
  @IsArray()
  decisions!: CoordinationDecisionDto[];
}
