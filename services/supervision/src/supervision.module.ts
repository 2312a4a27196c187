import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { PostgresEventStore } from '@sangeyipi/eventstore';
import { BACKBONE_DATABASE, CALENDAR_NOTICES_SUBSCRIBER, CalendarNoticesModule, CreateCalendarNotices1765000000000, EventBackboneModule, EventBackboneService, RetryOnStreamConflictInterceptor } from '@sangeyipi/messaging';
import { CLOCK, PlatformModule, WorkingDayCalendar, type Clock } from '@sangeyipi/platform';
import { DataSource } from 'typeorm';
import { SupervisionConfig } from './config/supervision-config.schema';
import { SupervisionDeadlineScanner } from './deadline-scanner/supervision-deadline.scanner';
import { FindingCommandHandler } from './finding/finding.command-handler';
import { FindingHttpController } from './finding/finding.http.controller';
import { InspectionCommandHandler } from './inspection/inspection.command-handler';
import { InspectionHttpController } from './inspection/inspection.http.controller';
import { CreateSupervisionReadModels1764600000000 } from './migrations/1764600000000-create-supervision-read-models.migration';
import { RatingCommandHandler } from './rating/rating.command-handler';
import { RatingHttpController } from './rating/rating.http.controller';
import { PublicSupervisionHttpController } from './read-model/public-supervision.http.controller';
import { SupervisionReadModelRunner } from './read-model/supervision-read-model.runner';
import { SupervisionQueries } from './read-model/supervision.queries';
import { SupervisionRefusalFilter } from './supervision-refusal.filter';
import { SupervisionStreams } from './supervision-streams.repository';
import { VerificationCommandHandler } from './verification/verification.command-handler';
import { VerificationHttpController } from './verification/verification.http.controller';
import { OTHER_CONTEXTS_EVENTS_CONSUMER } from './watch/other-contexts-events.consumer';
import { WindowInspectionCommandHandler } from './window-inspection/window-inspection.command-handler';
import { WindowInspectionHttpController } from './window-inspection/window-inspection.http.controller';

/** Composition root of the supervision service. */
@Module({
  imports: [
    PlatformModule.forService({
      name: 'supervision',
      config: SupervisionConfig,
      ...BACKBONE_DATABASE,
      migrations: [...BACKBONE_DATABASE.migrations, CreateSupervisionReadModels1764600000000, CreateCalendarNotices1765000000000],
    }),
    CalendarNoticesModule.forService(),
    EventBackboneModule.forService({ context: 'supervision', subscribers: [OTHER_CONTEXTS_EVENTS_CONSUMER, CALENDAR_NOTICES_SUBSCRIBER] }),
  ],
  controllers: [
    InspectionHttpController,
    VerificationHttpController,
    FindingHttpController,
    RatingHttpController,
    WindowInspectionHttpController,
    PublicSupervisionHttpController,
  ],
  providers: [
    { provide: APP_FILTER, useClass: SupervisionRefusalFilter },
    // Consumers of other contexts' events write to the same streams as people: a lost race is retried, not answered 409.
    { provide: APP_INTERCEPTOR, useClass: RetryOnStreamConflictInterceptor },
    {
      provide: SupervisionStreams,
      inject: [PostgresEventStore, DataSource, EventBackboneService],
      useFactory: (store: PostgresEventStore, dataSource: DataSource, backbone: EventBackboneService) => new SupervisionStreams(store, dataSource, () => backbone.notifyAppended()),
    },
    {
      provide: FindingCommandHandler,
      inject: [SupervisionStreams, WorkingDayCalendar, CLOCK],
      useFactory: (streams: SupervisionStreams, calendar: WorkingDayCalendar, clock: Clock) => new FindingCommandHandler(streams, calendar, clock),
    },
    {
      provide: VerificationCommandHandler,
      inject: [SupervisionStreams, WorkingDayCalendar, CLOCK, SupervisionConfig],
      useFactory: (streams: SupervisionStreams, calendar: WorkingDayCalendar, clock: Clock, config: SupervisionConfig) =>
        new VerificationCommandHandler(streams, calendar, clock, config.SUPERVISION_VERIFICATION_DAYS),
    },
    InspectionCommandHandler,
    RatingCommandHandler,
    WindowInspectionCommandHandler,
    SupervisionQueries,
    SupervisionReadModelRunner,
    SupervisionDeadlineScanner,
  ],
})
export class SupervisionModule {}
