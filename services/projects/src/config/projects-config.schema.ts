import { ConfigVariable, ServiceConfig } from '@sangeyipi/platform';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The projects service's own environment variables, beside those every service reads. */
export class ProjectsConfig extends ServiceConfig {
  @ConfigVariable('milliseconds between read-model updates from the event log, e.g. 100')
  @IsOptional()
  @Max(1_000, { message: 'must be at most 1000' })
  @Min(10, { message: 'must be at least 10' })
  @IsInt({ message: 'must be a whole number' })
  @Type(() => Number)
  readonly PROJECTS_PROJECTION_POLL_MS: number = 100;

  @ConfigVariable('milliseconds between scans of running industrial approval chains for the two-thirds risk, e.g. 3600000; 0 turns the scanner off')
  @IsOptional()
  @Min(0, { message: 'must be at least 0' })
  @IsInt({ message: 'must be a whole number' })
  @Type(() => Number)
  readonly PROJECTS_RISK_SCAN_MS: number = 3_600_000;

  @ConfigVariable('calendar days into the new year after which lists the reform office has not closed are closed automatically, e.g. 15')
  @IsOptional()
  @Max(365, { message: 'must be at most 365' })
  @Min(0, { message: 'must be at least 0' })
  @IsInt({ message: 'must be a whole number' })
  @Type(() => Number)
  readonly PROJECTS_YEAR_CLOSING_GRACE_DAYS: number = 15;

  @ConfigVariable('milliseconds between checks for lists whose year is to be closed automatically, e.g. 3600000; 0 turns the closer off')
  @IsOptional()
  @Min(0, { message: 'must be at least 0' })
  @IsInt({ message: 'must be a whole number' })
  @Type(() => Number)
  readonly PROJECTS_YEAR_CLOSING_SCAN_MS: number = 3_600_000;
}
