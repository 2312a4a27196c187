import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { BACKBONE_DATABASE, CALENDAR_NOTICES_SUBSCRIBER, CalendarNoticesModule, CreateCalendarNotices1765000000000, EventBackboneModule } from '@sangeyipi/messaging';
import { PlatformModule } from '@sangeyipi/platform';
import { AssistanceInboxHttpController } from './assistance-inbox/assistance-inbox.http.controller';
import { AssistanceInboxQueries } from './assistance-inbox/assistance-inbox.queries';
import { AcceptCaseHandler } from './case/accept-case/accept-case.handler';
import { AnswerAssistanceHandler } from './case/answer-assistance/answer-assistance.handler';
import { RequestAssistanceHandler } from './case/request-assistance/request-assistance.handler';
import { AttemptChargeHandler } from './case/attempt-charge/attempt-charge.handler';
import { AmendApplicationHandler } from './case/amend-application/amend-application.handler';
import { CaseRuleFilter } from './case/case-rule.filter';
import { CaseHttpController } from './case/case.http.controller';
import { CaseStreams } from './case/case.streams';
import { OnlineApplicationHttpController } from './case/online-application/online-application.http.controller';
import { OnlineApplicationHandler } from './case/online-application/online-application.handler';
import { CompleteStepHandler } from './case/complete-step/complete-step.handler';
import { DeliverDocumentHandler } from './case/deliver-document/deliver-document.handler';
import { HandOverCaseHandler } from './case/hand-over-case/hand-over-case.handler';
import { IssueDocumentHandler } from './case/issue-document/issue-document.handler';
import { ReceiveCaseHandler } from './case/receive-case/receive-case.handler';
import { RefuseAcceptanceHandler } from './case/refuse-acceptance/refuse-acceptance.handler';
import { RequestSupplementHandler } from './case/request-supplement/request-supplement.handler';
import { ResumeClockHandler } from './case/resume-clock/resume-clock.handler';
import { SuspendClockHandler } from './case/suspend-clock/suspend-clock.handler';
import { CaseSummaryQueries } from './case-summary/case-summary.queries';
import { CaseSummaryRunner } from './case-summary/case-summary.runner';
import { CatalogCopyModule } from './catalog-copy/catalog-copy.module';
import { CatalogEventsConsumer } from './catalog-copy/catalog-events.consumer';
import { PublicCommitmentsHttpController } from './commitment/public-commitments.http.controller';
import { SUPERVISION_EVENTS_CONSUMER } from './commitment/supervision-events.consumer';
import { CasesConfig } from './config/cases-config.schema';
import { ConsultationHttpController } from './consultation/consultation.http.controller';
import { ConsultationQueries } from './consultation/consultation.queries';
import { RecordConsultationHandler } from './consultation/record-consultation/record-consultation.handler';
import { HandlerBackupHttpController } from './handler-backup/handler-backup.http.controller';
import { MarkAbsentHandler } from './handler-backup/mark-absent/mark-absent.handler';
import { NameBackupHandler } from './handler-backup/name-backup/name-backup.handler';
import { CaseDeadlineScanner } from './deadline-scanner/case-deadline.scanner';
import { IdempotencyInterceptor, IdempotencyKeyPruner } from './idempotency/idempotency.interceptor';
import { CreateCasesReadModels1764500000000 } from './migrations/1764500000000-create-cases-read-models.migration';
import { CreateIdempotencyKeys1764500000100 } from './migrations/1764500000100-create-idempotency-keys.migration';
import { CreateCatalogItemRevisions1764500000200 } from './migrations/1764500000200-create-catalog-item-revisions.migration';
import { AssistanceInboxAndOnlineSummaries1764500000300 } from './migrations/1764500000300-assistance-inbox-and-online-summaries.migration';

/** Composition root of the cases service. */
@Module({
  imports: [
    PlatformModule.forService({
      name: 'cases',
      config: CasesConfig,
      ...BACKBONE_DATABASE,
      migrations: [...BACKBONE_DATABASE.migrations, CreateCasesReadModels1764500000000, CreateIdempotencyKeys1764500000100, CreateCatalogItemRevisions1764500000200, AssistanceInboxAndOnlineSummaries1764500000300, CreateCalendarNotices1765000000000],
    }),
    CalendarNoticesModule.forService(),
    CatalogCopyModule,
    EventBackboneModule.forService({ context: 'cases', subscribers: [CatalogEventsConsumer, SUPERVISION_EVENTS_CONSUMER, CALENDAR_NOTICES_SUBSCRIBER] }),
  ],
  controllers: [CaseHttpController, HandlerBackupHttpController, PublicCommitmentsHttpController, ConsultationHttpController, OnlineApplicationHttpController, AssistanceInboxHttpController],
  providers: [
    { provide: APP_FILTER, useClass: CaseRuleFilter },
    // Idempotency-Key on every command (POST/PUT) of the service; reads pass through.
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
    IdempotencyKeyPruner,
    CaseStreams,
    CaseSummaryQueries,
    CaseSummaryRunner,
    CaseDeadlineScanner,
    ReceiveCaseHandler,
    AmendApplicationHandler,
    RequestSupplementHandler,
    AcceptCaseHandler,
    RefuseAcceptanceHandler,
    CompleteStepHandler,
    IssueDocumentHandler,
    DeliverDocumentHandler,
    SuspendClockHandler,
    ResumeClockHandler,
    AttemptChargeHandler,
    HandOverCaseHandler,
    RequestAssistanceHandler,
    AnswerAssistanceHandler,
    NameBackupHandler,
    MarkAbsentHandler,
    RecordConsultationHandler,
    OnlineApplicationHandler,
    ConsultationQueries,
    AssistanceInboxQueries,
  ],
})
export class CasesModule {}
