import { ConfigVariable, ServiceConfig } from '@sangeyipi/platform';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The supervision service's own environment variables, beside those every service reads. */
export class SupervisionConfig extends ServiceConfig {
  @ConfigVariable('working days a 告知承诺 verification has after the decision, e.g. 20')
  @IsOptional()
  @Max(120, { message: 'must be at most 120' })
  @Min(1, { message: 'must be at least 1' })
  @IsInt({ message: 'must be a whole number' })
  @Type(() => Number)
  readonly SUPERVISION_VERIFICATION_DAYS: number = 20;

  @ConfigVariable('working days a unit has to answer a bad rating (差评), e.g. 5')
  @IsOptional()
  @Max(60, { message: 'must be at most 60' })
  @Min(1, { message: 'must be at least 1' })
  @IsInt({ message: 'must be a whole number' })
  @Type(() => Number)
  readonly SUPERVISION_RATING_ANSWER_DAYS: number = 5;

  @ConfigVariable('complaints against a target from which it is drawn at the elevated proportion, e.g. 3')
  @IsOptional()
  @Max(1_000, { message: 'must be at most 1000' })
  @Min(1, { message: 'must be at least 1' })
  @IsInt({ message: 'must be a whole number' })
  @Type(() => Number)
  readonly SUPERVISION_COMPLAINT_THRESHOLD: number = 3;

  @ConfigVariable('milliseconds between read-model updates from the event log, e.g. 100')
  @IsOptional()
  @Max(1_000, { message: 'must be at most 1000' })
  @Min(10, { message: 'must be at least 10' })
  @IsInt({ message: 'must be a whole number' })
  @Type(() => Number)
  readonly SUPERVISION_PROJECTION_POLL_MS: number = 100;

  @ConfigVariable('milliseconds between deadline scans (overdue verifications, rectifications, bad-rating answers), e.g. 60000; 0 turns the scanner off')
  @IsOptional()
  @Min(0, { message: 'must be at least 0' })
  @IsInt({ message: 'must be a whole number' })
  @Type(() => Number)
  readonly SUPERVISION_DEADLINE_SCAN_MS: number = 60_000;
}
