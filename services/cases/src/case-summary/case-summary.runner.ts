import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PostgresEventStore, ProjectionRunner } from '@sangeyipi/eventstore';
import { CasesConfig } from '../config/cases-config.schema';
import { CaseSummaryProjection } from './case-summary.projection';

/** Runs the case-summary projection from start-up to shutdown. */
@Injectable()
export class CaseSummaryRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('CaseSummary');
  readonly runner: ProjectionRunner;

  constructor(store: PostgresEventStore, config: CasesConfig) {
    this.runner = new ProjectionRunner(store, new CaseSummaryProjection(), {
      pollIntervalMs: config.CASES_PROJECTION_POLL_MS,
      onError: (error) => this.logger.error({ err: error }, 'case summary update failed; retrying'),
    });
  }

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
  }
}
