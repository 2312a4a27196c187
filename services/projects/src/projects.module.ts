import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { BACKBONE_DATABASE, CALENDAR_NOTICES_SUBSCRIBER, CalendarNoticesModule, CreateCalendarNotices1765000000000, EventBackboneModule, RetryOnStreamConflictInterceptor } from '@sangeyipi/messaging';
import { PlatformModule } from '@sangeyipi/platform';
import { AdvanceServiceCommandHandler } from './advance-service/advance-service.command-handler';
import { AdvanceServiceHttpController } from './advance-service/advance-service.http.controller';
import { ApprovalChainCommandHandler } from './approval-chain/approval-chain.command-handler';
import { ApprovalRiskScanner } from './approval-chain/approval-risk.scanner';
import { CASES_EVENTS_CONSUMER } from './case-links/cases-events.consumer';
import { CatalogCopyQueries } from './catalog-copy/catalog-copy.queries';
import { CatalogEventsConsumer } from './catalog-copy/catalog-events.consumer';
import { ProjectsConfig } from './config/projects-config.schema';
import { LandingListCommandHandler } from './landing-list/landing-list.command-handler';
import { LandingListHttpController } from './landing-list/landing-list.http.controller';
import { YearEndCloser } from './landing-list/year-end-closer';
import { CreateProjectsReadModels1764600000000 } from './migrations/1764600000000-create-projects-read-models.migration';
import { ProjectCommandHandler } from './project/project.command-handler';
import { ProjectHttpController } from './project/project.http.controller';
import { ProjectQueries } from './read-model/project.queries';
import { ProjectsReadModelRunner } from './read-model/projects-read-model.runner';
import { PublicLandingHttpController } from './read-model/public-landing.http.controller';
import { ProjectStreams } from './shared/project-streams.repository';
import { ProjectsRefusalFilter } from './shared/projects-refusal.filter';

/** Composition root of the projects service. */
@Module({
  imports: [
    PlatformModule.forService({
      name: 'projects',
      config: ProjectsConfig,
      ...BACKBONE_DATABASE,
      migrations: [...BACKBONE_DATABASE.migrations, CreateProjectsReadModels1764600000000, CreateCalendarNotices1765000000000],
    }),
    CalendarNoticesModule.forService(),
    EventBackboneModule.forService({ context: 'projects', subscribers: [CatalogEventsConsumer, CASES_EVENTS_CONSUMER, CALENDAR_NOTICES_SUBSCRIBER] }),
  ],
  controllers: [ProjectHttpController, LandingListHttpController, AdvanceServiceHttpController, PublicLandingHttpController],
  providers: [
    { provide: APP_FILTER, useClass: ProjectsRefusalFilter },
    // Consumers of other contexts' events write to the same streams as people: a lost race is retried, not answered 409.
    { provide: APP_INTERCEPTOR, useClass: RetryOnStreamConflictInterceptor },
    ProjectStreams,
    CatalogCopyQueries,
    ProjectQueries,
    ProjectsReadModelRunner,
    ProjectCommandHandler,
    LandingListCommandHandler,
    YearEndCloser,
    ApprovalChainCommandHandler,
    ApprovalRiskScanner,
    AdvanceServiceCommandHandler,
  ],
})
export class ProjectsModule {}
