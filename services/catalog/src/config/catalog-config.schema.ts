import { ConfigVariable, ServiceConfig } from '@sangeyipi/platform';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The catalog service's own environment variables, beside those every service reads. */
export class CatalogConfig extends ServiceConfig {
  @ConfigVariable('seconds a cached public catalog answer may live, e.g. 300; changes invalidate it at once regardless')
  @IsOptional()
  @Min(1, { message: 'must be at least 1' })
  @IsInt({ message: 'must be a whole number' })
  @Type(() => Number)
  readonly CATALOG_CACHE_TTL_SECONDS: number = 300;

  @ConfigVariable('milliseconds between read-model updates from the event log, e.g. 100; bounds how soon a change is public')
  @IsOptional()
  @Max(1_000, { message: 'must be at most 1000, so that a change is public within a second' })
  @Min(10, { message: 'must be at least 10' })
  @IsInt({ message: 'must be a whole number' })
  @Type(() => Number)
  readonly CATALOG_PROJECTION_POLL_MS: number = 100;
}
