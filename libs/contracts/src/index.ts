// The integration-event contracts: generated from proto/ (never edit src/gen by hand; run
// `npm run contracts:generate`), plus the registry that maps event type names to their schemas.

// Generated messages and enums, one namespace per protobuf package (e.g. `cases.CaseReceivedSchema`,
// `cases.Decision.APPROVED`, `common.AdministrativeLevel.DISTRICT`).
export * as common from './gen/sangeyipi/common/v1/common_pb';
export * as catalog from './gen/sangeyipi/catalog/v1/catalog_pb';
export * as cases from './gen/sangeyipi/cases/v1/cases_pb';
export * as projects from './gen/sangeyipi/projects/v1/projects_pb';
export * as supervision from './gen/sangeyipi/supervision/v1/supervision_pb';
export * as notifications from './gen/sangeyipi/notifications/v1/notifications_pb';
export * as analytics from './gen/sangeyipi/analytics/v1/analytics_pb';

// The envelope every event travels in.
export {
  ActorRole,
  ActorSchema,
  EventEnvelopeSchema,
  type Actor,
  type EventEnvelope,
} from './gen/sangeyipi/envelope/v1/envelope_pb';
export {
  decodeEnvelope,
  encodeEnvelope,
  openEnvelope,
  sealEnvelope,
  type EnvelopeMetadata,
  type EventEnvelopeInit,
} from './envelope.codec';

// Topics and the event registry.
export { CONTEXTS, TOPICS, type Context, type Topic } from './topics';
export {
  EVENT_SCHEMAS,
  EVENT_TYPES,
  UnknownEventTypeError,
  contextOf,
  decodeEvent,
  encodeEvent,
  eventFromJson,
  eventToJson,
  isEventType,
  schemaOf,
  schemaVersionOf,
  topicOf,
  type EventData,
  type EventInit,
  type EventSchema,
  type EventType,
  type TypedEvent,
} from './event-registry';
