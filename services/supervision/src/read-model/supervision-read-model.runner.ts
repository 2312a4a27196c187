import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PostgresEventStore, ProjectionRunner } from '@sangeyipi/eventstore';
import { SupervisionConfig } from '../config/supervision-config.schema';
import { SupervisionReadModelProjection } from './supervision-read-model.projection';

/** Runs the read-model projection from start-up to shutdown (finishing the batch in flight). */
@Injectable()
export class SupervisionReadModelRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SupervisionReadModel');
  readonly runner: ProjectionRunner;

  constructor(store: PostgresEventStore, config: SupervisionConfig) {
    this.runner = new ProjectionRunner(store, new SupervisionReadModelProjection(), {
      pollIntervalMs: config.SUPERVISION_PROJECTION_POLL_MS,
      onError: (error) => this.logger.error({ err: error }, 'supervision read model update failed; retrying'),
    });
  }

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
  }
}
