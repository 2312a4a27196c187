import { ConfigVariable, ServiceConfig } from '@sangeyipi/platform';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Min } from 'class-validator';

/** The analytics service's own environment variables, beside those every service reads. */
export class AnalyticsConfig extends ServiceConfig {
  @ConfigVariable('milliseconds between checks whether last month\'s bulletins are due, e.g. 60000; 0 turns the schedule off')
  @IsOptional()
  @Min(0, { message: 'must be at least 0' })
  @IsInt({ message: 'must be a whole number' })
  @Type(() => Number)
  readonly ANALYTICS_SCHEDULE_MS: number = 60_000;

  @ConfigVariable('hour of the 1st of each month (Asia/Shanghai, 0–23) from which last month\'s bulletins are published, e.g. 2')
  @IsOptional()
  @Min(0, { message: 'must be at least 0' })
  @IsInt({ message: 'must be a whole number' })
  @Type(() => Number)
  readonly ANALYTICS_MONTHLY_HOUR: number = 2;

  @ConfigVariable('comma-separated region codes that get a monthly bulletin (all levels of the subtree), e.g. 310000,310101')
  @IsOptional()
  @Matches(/^\d{6}(\d{3})?(,\d{6}(\d{3})?)*$/, { message: 'must be region codes separated by commas' })
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s+/g, '') : value))
  readonly ANALYTICS_MONTHLY_REGIONS: string = '310000';
}
