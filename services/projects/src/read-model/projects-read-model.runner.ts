import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PostgresEventStore, ProjectionRunner } from '@sangeyipi/eventstore';
import { ProjectsConfig } from '../config/projects-config.schema';
import { ProjectsReadModelProjection } from './projects-read-model.projection';

/** Runs the read-model projection from start-up to shutdown (finishing the batch in flight). */
@Injectable()
export class ProjectsReadModelRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ProjectsReadModel');
  readonly runner: ProjectionRunner;

  constructor(store: PostgresEventStore, config: ProjectsConfig) {
    this.runner = new ProjectionRunner(store, new ProjectsReadModelProjection(), {
      pollIntervalMs: config.PROJECTS_PROJECTION_POLL_MS,
      onError: (error) => this.logger.error({ err: error }, 'projects read model update failed; retrying'),
    });
  }

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
  }
}
