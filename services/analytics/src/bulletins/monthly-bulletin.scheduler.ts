import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AnalyticsConfig } from '../config/analytics-config.schema';
import { BulletinService } from './bulletin.service';

/**
 * Publishes last month's bulletins on schedule. Every replica checks; the unique index on scheduled
 * bulletins lets exactly one of them publish each.
 */
@Injectable()
export class MonthlyBulletinScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('MonthlyBulletins');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly bulletins: BulletinService,
    private readonly config: AnalyticsConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.ANALYTICS_SCHEDULE_MS === 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.bulletins
        .publishDue()
        .catch((error) => this.logger.error({ err: error }, 'monthly bulletins failed; will retry'))
        .finally(() => (this.running = undefined));
    }, this.config.ANALYTICS_SCHEDULE_MS);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
