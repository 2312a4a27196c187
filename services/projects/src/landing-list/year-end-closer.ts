import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CLOCK, toShanghaiDate, type AuthenticatedUser, type Clock } from '@sangeyipi/platform';
import { DataSource } from 'typeorm';
import { ProjectsConfig } from '../config/projects-config.schema';
import type { AdministrativeLevel } from '../project/project.events';
import { LandingListCommandHandler } from './landing-list.command-handler';
import { latestYearDueForClosing } from './year-closing';

const YEAR_END_CLOSER: AuthenticatedUser = { userId: 'system:year-end-closer', roles: [] };

/**
 * So that every listed project gets its outcome even when the reform office does not close its list, the
 * lists of past years still open PROJECTS_YEAR_CLOSING_GRACE_DAYS into the new year are closed by the
 * system, exactly as the reform office's command would (same lock, same single ProjectYearClosed per
 * project). Every replica may run it.
 */
@Injectable()
export class YearEndCloser implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('YearEndCloser');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly lists: LandingListCommandHandler,
    private readonly config: ProjectsConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.PROJECTS_YEAR_CLOSING_SCAN_MS <= 0) return;
    this.timer = setInterval(() => void this.closeDueLists().catch((error: unknown) => this.logger.error({ err: error }, 'year-end closing failed')), this.config.PROJECTS_YEAR_CLOSING_SCAN_MS);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Closes every list whose automatic closing is due; answers how many this call closed. */
  closeDueLists(): Promise<number> {
    this.running ??= this.closeDue().finally(() => (this.running = undefined));
    return this.running;
  }

  private async closeDue(): Promise<number> {
    const today = toShanghaiDate(this.clock.now());
    const due = (await this.dataSource.query(
      `SELECT DISTINCT level, region_code, listing_year FROM projects_list_batches WHERE closed_on IS NULL AND listing_year <= $1 ORDER BY listing_year, region_code`,
      [latestYearDueForClosing(today, this.config.PROJECTS_YEAR_CLOSING_GRACE_DAYS)],
    )) as { level: AdministrativeLevel; region_code: string; listing_year: number }[];
    let closed = 0;
    for (const list of due) {
      const result = await this.lists.closeList({ level: list.level, regionCode: list.region_code, listingYear: list.listing_year }, YEAR_END_CLOSER, 'system');
      if (result.closedNow) closed += 1;
    }
    return closed;
  }
}
