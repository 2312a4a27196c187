import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { BACKBONE_DATABASE, EventBackboneModule } from '@sangeyipi/messaging';
import { PlatformModule } from '@sangeyipi/platform';
import { HolidayCalendarCommandHandler } from './calendar/holiday-calendar.command-handler';
import { HolidayCalendarHttpController } from './calendar/holiday-calendar.http.controller';
import { HolidayCalendarQueries } from './calendar/holiday-calendar.queries';
import { CatalogRefusalFilter } from './catalog-refusal.filter';
import { CatalogStreams } from './catalog-streams.repository';
import { CatalogBatchHttpController } from './catalog-item/catalog-batch.http.controller';
import { CatalogItemCommandHandler } from './catalog-item/catalog-item.command-handler';
import { CatalogItemHttpController } from './catalog-item/catalog-item.http.controller';
import { CatalogConfig } from './config/catalog-config.schema';
import { CreateCatalogReadModel1764400000000 } from './migrations/1764400000000-create-catalog-read-model.migration';
import { CatalogOversightHttpController } from './read-model/catalog-oversight.http.controller';
import { CatalogOversightQueries } from './read-model/catalog-oversight.queries';
import { CatalogReadModelRunner } from './read-model/catalog-read-model.runner';
import { PublicCatalogCache } from './read-model/public-catalog.cache';
import { PublicCatalogHttpController } from './read-model/public-catalog.http.controller';
import { PublicCatalogQueries } from './read-model/public-catalog.queries';
import { ServiceUnitCommandHandler } from './service-unit/service-unit.command-handler';
import { ServiceUnitHttpController } from './service-unit/service-unit.http.controller';

/** Composition root of the catalog service. */
@Module({
  imports: [
    PlatformModule.forService({
      name: 'catalog',
      config: CatalogConfig,
      ...BACKBONE_DATABASE,
      migrations: [...BACKBONE_DATABASE.migrations, CreateCatalogReadModel1764400000000],
    }),
    EventBackboneModule.forService({ context: 'catalog' }),
  ],
  controllers: [ServiceUnitHttpController, CatalogItemHttpController, CatalogBatchHttpController, PublicCatalogHttpController, CatalogOversightHttpController, HolidayCalendarHttpController],
  providers: [
    { provide: APP_FILTER, useClass: CatalogRefusalFilter },
    CatalogStreams,
    ServiceUnitCommandHandler,
    CatalogItemCommandHandler,
    CatalogReadModelRunner,
    PublicCatalogCache,
    PublicCatalogQueries,
    CatalogOversightQueries,
    HolidayCalendarCommandHandler,
    HolidayCalendarQueries,
  ],
})
export class CatalogModule {}
