import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ScopeAndPeriodDto } from '../indicators/figures.dto';
import { IsNotBlank } from '@sangeyipi/platform';

export class PublishBulletinDto extends ScopeAndPeriodDto {
  @ApiPropertyOptional({ description: 'Title as published; default names the region and period', example: '黄浦区2026年10月“三个一批”统计通报' })
  @MaxLength(200)
  @IsNotBlank()
  @IsString()
  @IsOptional()
  title?: string;
}

export class ListBulletinsDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @Max(200)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  @IsOptional()
  limit?: number;
}
