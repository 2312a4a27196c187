import { ConfigVariable, ServiceConfig } from '@sangeyipi/platform';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The cases service's own environment variables, beside those every service reads. */
export class CasesConfig extends ServiceConfig {
  @ConfigVariable('working days left at or below which a case shows the yellow deadline light, e.g. 2')
  @IsOptional()
  @Max(30, { message: 'must be at most 30' })
  @Min(0, { message: 'must be at least 0' })
  @IsInt({ message: 'must be a whole number' })
  @Type(() => Number)
  readonly CASES_DEADLINE_WARNING_DAYS: number = 2;

  @ConfigVariable('milliseconds between case-summary updates from the event log, e.g. 100')
  @IsOptional()
  @Max(1_000, { message: 'must be at most 1000' })
  @Min(10, { message: 'must be at least 10' })
  @IsInt({ message: 'must be a whole number' })
  @Type(() => Number)
  readonly CASES_PROJECTION_POLL_MS: number = 100;

  @ConfigVariable('milliseconds between deadline scans (warnings and overdue events), e.g. 60000; 0 turns the scanner off')
  @IsOptional()
  @Min(0, { message: 'must be at least 0' })
  @IsInt({ message: 'must be a whole number' })
  @Type(() => Number)
  readonly CASES_DEADLINE_SCAN_MS: number = 60_000;

  @ConfigVariable('hours an Idempotency-Key and its stored answer are kept, e.g. 24')
  @IsOptional()
  @Max(720, { message: 'must be at most 720' })
  @Min(1, { message: 'must be at least 1' })
  @IsInt({ message: 'must be a whole number' })
  @Type(() => Number)
  readonly CASES_IDEMPOTENCY_HOURS: number = 24;

  @ConfigVariable('cases whose state a replica keeps in memory between commands (0 turns it off), e.g. 5000')
  @IsOptional()
  @Max(1_000_000, { message: 'must be at most 1000000' })
  @Min(0, { message: 'must be at least 0' })
  @IsInt({ message: 'must be a whole number' })
  @Type(() => Number)
  readonly CASES_STATE_CACHE_SIZE: number = 5_000;

  @ConfigVariable("how long a replica reuses an item's terms read from the catalog copy, in ms (0 turns it off), e.g. 2000")
  @IsOptional()
  @Max(60_000, { message: 'must be at most 60000' })
  @Min(0, { message: 'must be at least 0' })
  @IsInt({ message: 'must be a whole number' })
  @Type(() => Number)
  readonly CASES_CATALOG_TERMS_MS: number = 2_000;
}
