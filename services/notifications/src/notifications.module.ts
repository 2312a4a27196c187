import { Global, Module } from '@nestjs/common';
import { BACKBONE_DATABASE, CALENDAR_NOTICES_SUBSCRIBER, CalendarNoticesModule, CreateCalendarNotices1765000000000, EventBackboneModule } from '@sangeyipi/messaging';
import { PlatformModule } from '@sangeyipi/platform';
import { CHANNEL_ADAPTERS } from './channels/channel.adapter';
import { HttpSmsAdapter } from './channels/http-sms.adapter';
import { InboxAdapter } from './channels/inbox.adapter';
import { SmtpEmailAdapter } from './channels/smtp-email.adapter';
import { UnitWebhookAdapter } from './channels/unit-webhook.adapter';
import { NotificationsConfig } from './config/notifications.config';
import { ContextCopiesRepository } from './context-copies/context-copies.repository';
import { CaseEventsConsumer } from './delivery/case-events.consumer';
import { CatalogEventsConsumer } from './delivery/catalog-events.consumer';
import { DeliveryDedupStore } from './delivery/delivery-dedup.store';
import { DeliveryOutboxRepository } from './delivery/delivery-outbox.repository';
import { DeliveryWorker } from './delivery/delivery.worker';
import { FailedDeliveriesHttpController } from './delivery/failed-deliveries.http.controller';
import { MessageOutboxWriter } from './delivery/message-outbox.writer';
import { ProjectEventsConsumer } from './delivery/project-events.consumer';
import { RecipientRateCounter } from './delivery/recipient-rate.counter';
import { SupervisionEventsConsumer } from './delivery/supervision-events.consumer';
import { DirectoryRepository } from './directory/directory.repository';
import { PreferencesHttpController } from './directory/preferences.http.controller';
import { UnitContactsHttpController } from './directory/unit-contacts.http.controller';
import { InboxLiveStream } from './inbox/inbox-live.stream';
import { InboxHttpController } from './inbox/inbox.http.controller';
import { InboxRepository } from './inbox/inbox.repository';
import { CreateNotifications1764400000000 } from './migrations/1764400000000-create-notifications.migration';
import { DeliveryLeasesAndContextCopies1764600000000 } from './migrations/1764600000000-delivery-leases-and-context-copies.migration';
import { WithdrawnRemindersAndSupervisionCopies1764700000000 } from './migrations/1764700000000-withdrawn-reminders-and-supervision-copies.migration';

const STORES = [DirectoryRepository, ContextCopiesRepository, DeliveryOutboxRepository, DeliveryDedupStore, MessageOutboxWriter];

/** Global so that the consumers, which the backbone's module instantiates, can use them too. */
@Global()
@Module({
  providers: STORES,
  exports: STORES,
})
class NotificationStoresModule {}

/** Composition root of the notifications service. */
@Module({
  imports: [
    PlatformModule.forService({
      name: 'notifications',
      config: NotificationsConfig,
      migrations: [
        ...BACKBONE_DATABASE.migrations,
        CreateNotifications1764400000000,
        DeliveryLeasesAndContextCopies1764600000000,
        WithdrawnRemindersAndSupervisionCopies1764700000000,
        CreateCalendarNotices1765000000000,
      ],
      grantRuntimeRole: BACKBONE_DATABASE.grantRuntimeRole,
    }),
    NotificationStoresModule,
    CalendarNoticesModule.forService(),
    EventBackboneModule.forService({
      context: 'notifications',
      subscribers: [CaseEventsConsumer, SupervisionEventsConsumer, ProjectEventsConsumer, CatalogEventsConsumer, CALENDAR_NOTICES_SUBSCRIBER],
    }),
  ],
  controllers: [InboxHttpController, PreferencesHttpController, UnitContactsHttpController, FailedDeliveriesHttpController],
  providers: [
    InboxRepository,
    InboxLiveStream,
    RecipientRateCounter,
    InboxAdapter,
    SmtpEmailAdapter,
    HttpSmsAdapter,
    UnitWebhookAdapter,
    {
      provide: CHANNEL_ADAPTERS,
      inject: [InboxAdapter, SmtpEmailAdapter, HttpSmsAdapter, UnitWebhookAdapter],
      useFactory: (...adapters: unknown[]) => adapters,
    },
    DeliveryWorker,
  ],
})
export class NotificationsModule {}
