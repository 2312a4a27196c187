import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PostgresEventStore, ProjectionRunner } from '@sangeyipi/eventstore';
import { CatalogConfig } from '../config/catalog-config.schema';
import { CatalogReadModelProjection } from './catalog-read-model.projection';

/** Runs the read-model projection from start-up to shutdown (finishing the batch in flight). */
@Injectable()
export class CatalogReadModelRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('CatalogReadModel');
  private readonly runner: ProjectionRunner;

  constructor(store: PostgresEventStore, config: CatalogConfig) {
    this.runner = new ProjectionRunner(store, new CatalogReadModelProjection(), {
      pollIntervalMs: config.CATALOG_PROJECTION_POLL_MS,
      onError: (error) => this.logger.error({ err: error }, 'catalog read model update failed; retrying'),
    });
  }

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
  }
}
