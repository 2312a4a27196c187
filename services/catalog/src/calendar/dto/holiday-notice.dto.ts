import { ApiProperty } from '@nestjs/swagger';
import { isCalendarDate, IsNotBlank } from '@sangeyipi/platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, Max, MaxLength, Min, ValidateBy, ValidateNested } from 'class-validator';

export class NoticeDayDto {
  @ApiProperty({ description: 'The date (YYYY-MM-DD), inside the year of the notice', example: '2027-01-01' })
  @ValidateBy({ name: 'isCalendarDate', validator: { validate: (value) => isCalendarDate(value) } }, { message: 'must be a calendar date YYYY-MM-DD' })
  date!: string;

  @ApiProperty({ description: 'The holiday as the notice names it; for an adjustment working day, the holiday it makes up for', example: '元旦' })
  @MaxLength(50)
  @IsNotBlank()
  @IsString()
  holiday!: string;
}

/** The arrangement itself, as the notice publishes it; what POST and PUT share. */
export class HolidayArrangementDto {
  @ApiProperty({ description: 'The notice number', example: '国办发明电〔2026〕X号' })
  @MaxLength(100)
  @IsNotBlank()
  @IsString()
  noticeNumber!: string;

  @ApiProperty({ description: 'The title as published', example: '国务院办公厅关于2027年部分节假日安排的通知' })
  @MaxLength(200)
  @IsNotBlank()
  @IsString()
  title!: string;

  @ApiProperty({ type: [NoticeDayDto], description: 'Every rest day (放假), weekend days inside a holiday included' })
  @Type(() => NoticeDayDto)
  @ValidateNested({ each: true })
  @ArrayMaxSize(80)
  @ArrayMinSize(1)
  @IsArray()
  restDays!: NoticeDayDto[];

  @ApiProperty({ type: [NoticeDayDto], description: 'Every weekend day made a working day (调休上班); may be empty' })
  @Type(() => NoticeDayDto)
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  @IsArray()
  workdays!: NoticeDayDto[];
}

export class EnterHolidayNoticeDto extends HolidayArrangementDto {
  @ApiProperty({ description: 'The year the notice arranges', example: 2027 })
  @Max(2100)
  @Min(2000)
  @IsInt()
  year!: number;
}

export class CorrectHolidayNoticeDto extends HolidayArrangementDto {
  @ApiProperty({ description: 'Why the arrangement is corrected, for the record', example: '录入时误将10月8日列为放假' })
  @MaxLength(1000)
  @IsNotBlank()
  @IsString()
  reason!: string;
}
