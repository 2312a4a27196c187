import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '@sangeyipi/platform';

export class ApproveItemDto {
  @ApiPropertyOptional({ description: "The reviewer's note", example: '承诺时限压缩65%，同意列入目录' })
  @MaxLength(1000)
  @IsString()
  @IsOptional()
  note?: string;
}

export class RejectDto {
  @ApiProperty({ description: 'Why it is sent back, for the unit to act on', example: '申请材料未注明可通过数据共享获取的材料' })
  @MaxLength(1000)
  @IsNotBlank()
  @IsString()
  reason!: string;
}
