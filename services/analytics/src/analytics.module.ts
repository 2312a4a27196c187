import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CreateIndicatorFacts1764800000000, IndicatorFactStore, UpgradeIndicatorFacts1764800000200 } from '@sangeyipi/indicators';
import { BACKBONE_DATABASE, EventBackboneModule } from '@sangeyipi/messaging';
import { PlatformModule } from '@sangeyipi/platform';
import { DataSource } from 'typeorm';
import { AnalyticsRefusalFilter } from './bulletins/analytics-refusal.filter';
import { BulletinCache } from './bulletins/bulletin.cache';
import { BulletinService } from './bulletins/bulletin.service';
import { BulletinsHttpController } from './bulletins/bulletins.http.controller';
import { MonthlyBulletinScheduler } from './bulletins/monthly-bulletin.scheduler';
import { AnalyticsConfig } from './config/analytics-config.schema';
import { FiguresHttpController } from './indicators/figures.http.controller';
import { FiguresService } from './indicators/figures.service';
import { INDICATOR_EVENTS_CONSUMER } from './indicators/indicator-events.consumer';
import { CreateAnalyticsBulletins1764800000100 } from './migrations/1764800000100-create-analytics-bulletins.migration';

const indicatorFactStore = { provide: IndicatorFactStore, inject: [DataSource], useFactory: (dataSource: DataSource) => new IndicatorFactStore(dataSource) };

/** Composition root of the analytics service. */
@Module({
  imports: [
    PlatformModule.forService({
      name: 'analytics',
      config: AnalyticsConfig,
      ...BACKBONE_DATABASE,
      migrations: [...BACKBONE_DATABASE.migrations, CreateIndicatorFacts1764800000000, CreateAnalyticsBulletins1764800000100, UpgradeIndicatorFacts1764800000200],
    }),
    // No CalendarNoticesModule: every figure is counted with the calendar of the history it is computed
    // from (the indicator facts hold the catalog's holiday notices), the one an auditor's replay rebuilds.
    EventBackboneModule.forService({ context: 'analytics', subscribers: [INDICATOR_EVENTS_CONSUMER] }),
  ],
  controllers: [FiguresHttpController, BulletinsHttpController],
  providers: [
    { provide: APP_FILTER, useClass: AnalyticsRefusalFilter },
    indicatorFactStore,
    FiguresService,
    BulletinService,
    BulletinCache,
    MonthlyBulletinScheduler,
  ],
})
export class AnalyticsModule {}
