export { type IntegrationEvent, type TransportMessage } from './integration-event';
export { validateContractEvent } from './contract-event-validator';
export { encodeSealedEvent, decodeMessage, MalformedMessageError, HEADER } from './event-codec';
export { type EventPublisher } from './relay/event-publisher';
export { EventRelay, type EventRelayOptions } from './relay/event-relay';
export { PostgresLeaderLock } from './relay/leader-lock';
export { type EventHandler, type EventSubscription } from './consumer/event-handler';
export {
  MessageProcessor,
  PostgresDeadLetterSink,
  type DeadLetter,
  type DeadLetterSink,
  type IncomingMessage,
  type ProcessOutcome,
} from './consumer/message-processor';
export { createKafka, type KafkaConnectionOptions } from './kafka/kafka-connection';
export { ensureTopics, eventTopic, deadLetterTopic, type TopicSettings } from './kafka/kafka-topics';
export { KafkaPublisher } from './kafka/kafka-publisher';
export { KafkaEventConsumer, type KafkaEventConsumerOptions } from './kafka/kafka-event-consumer';
export { InProcessEventBus, processEventBus } from './in-process/in-process-event-bus';
export { MESSAGING_MIGRATIONS, BACKBONE_MIGRATIONS, BACKBONE_DATABASE } from './migrations';
export { EventBackboneModule, type EventBackboneOptions } from './nest/event-backbone.module';
export { EventBackboneService } from './nest/event-backbone.service';
export { EventLogVerificationController, type EventLogVerificationReport } from './nest/event-log-verification.controller';
export { type EventSubscriber } from './nest/event-subscriber';
export { StreamVersionConflictFilter } from './nest/stream-version-conflict.filter';
export { RetryOnStreamConflictInterceptor } from './nest/retry-on-stream-conflict.interceptor';
export { CalendarNoticesModule } from './calendar/calendar-notices.module';
export { CALENDAR_NOTICES_SUBSCRIBER, CalendarNoticesSubscriber } from './calendar/calendar-notices.subscriber';
export { CreateCalendarNotices1765000000000 } from './calendar/calendar-notices.migration';
