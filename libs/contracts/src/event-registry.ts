import {
  create,
  fromBinary,
  fromJson,
  toBinary,
  toJson,
  type DescMessage,
  type JsonValue,
  type MessageInitShape,
  type MessageShape,
} from '@bufbuild/protobuf';
import * as analytics from './gen/sangeyipi/analytics/v1/analytics_pb';
import * as cases from './gen/sangeyipi/cases/v1/cases_pb';
import * as catalog from './gen/sangeyipi/catalog/v1/catalog_pb';
import * as notifications from './gen/sangeyipi/notifications/v1/notifications_pb';
import * as projects from './gen/sangeyipi/projects/v1/projects_pb';
import * as supervision from './gen/sangeyipi/supervision/v1/supervision_pb';
import { TOPICS, type Context, type Topic } from './topics';

/**
 * Every integration event, by its registered type name `<context>.<MessageName>` (the envelope's
 * `event_type`). A type name is never renamed or reused; a breaking change is a new package version.
 * The contract test checks that each entry matches its schema and has an encoded fixture.
 */
export const EVENT_SCHEMAS = {
  'catalog.CatalogItemDrafted': catalog.CatalogItemDraftedSchema,
  'catalog.CatalogItemPublished': catalog.CatalogItemPublishedSchema,
  'catalog.CatalogItemChangeApproved': catalog.CatalogItemChangeApprovedSchema,
  'catalog.CatalogItemWithdrawn': catalog.CatalogItemWithdrawnSchema,
  'catalog.CatalogBatchPublished': catalog.CatalogBatchPublishedSchema,
  'catalog.CatalogItemDraftAmended': catalog.CatalogItemDraftAmendedSchema,
  'catalog.CatalogItemSubmitted': catalog.CatalogItemSubmittedSchema,
  'catalog.CatalogItemApproved': catalog.CatalogItemApprovedSchema,
  'catalog.CatalogItemRejected': catalog.CatalogItemRejectedSchema,
  'catalog.CatalogItemRevised': catalog.CatalogItemRevisedSchema,
  'catalog.CatalogItemChangeRequested': catalog.CatalogItemChangeRequestedSchema,
  'catalog.CatalogItemChangeRejected': catalog.CatalogItemChangeRejectedSchema,
  'catalog.CatalogItemUnauthorizedChangeAttempted': catalog.CatalogItemUnauthorizedChangeAttemptedSchema,
  'catalog.ServiceUnitRegistered': catalog.ServiceUnitRegisteredSchema,
  'catalog.HolidayNoticeEntered': catalog.HolidayNoticeEnteredSchema,
  'catalog.HolidayNoticeCorrected': catalog.HolidayNoticeCorrectedSchema,

  'cases.CaseReceived': cases.CaseReceivedSchema,
  'cases.MaterialsSupplementRequested': cases.MaterialsSupplementRequestedSchema,
  'cases.CaseAccepted': cases.CaseAcceptedSchema,
  'cases.CaseAcceptanceRefused': cases.CaseAcceptanceRefusedSchema,
  'cases.StepCompleted': cases.StepCompletedSchema,
  'cases.CaseDecided': cases.CaseDecidedSchema,
  'cases.DocumentIssued': cases.DocumentIssuedSchema,
  'cases.DocumentDelivered': cases.DocumentDeliveredSchema,
  'cases.ClockSuspended': cases.ClockSuspendedSchema,
  'cases.ClockResumed': cases.ClockResumedSchema,
  'cases.CaseOverdue': cases.CaseOverdueSchema,
  'cases.CaseApplicationAmended': cases.CaseApplicationAmendedSchema,
  'cases.CaseDeadlineApproaching': cases.CaseDeadlineApproachingSchema,
  'cases.ForbiddenChargeRefused': cases.ForbiddenChargeRefusedSchema,
  'cases.CaseReassigned': cases.CaseReassignedSchema,
  'cases.HandlerBackupNamed': cases.HandlerBackupNamedSchema,
  'cases.CommitmentVerificationRequested': cases.CommitmentVerificationRequestedSchema,
  'cases.DecisionRevoked': cases.DecisionRevokedSchema,
  'cases.AssistanceRequested': cases.AssistanceRequestedSchema,
  'cases.AssistanceAnswered': cases.AssistanceAnsweredSchema,
  'cases.ConsultationRecorded': cases.ConsultationRecordedSchema,
  'cases.OnlineApplicationSubmitted': cases.OnlineApplicationSubmittedSchema,
  'cases.OnlinePreReviewPassed': cases.OnlinePreReviewPassedSchema,

  'projects.ProjectListed': projects.ProjectListedSchema,
  'projects.MilestoneReached': projects.MilestoneReachedSchema,
  'projects.ProjectExcluded': projects.ProjectExcludedSchema,
  'projects.AdvanceServiceRequested': projects.AdvanceServiceRequestedSchema,
  'projects.AdvanceServiceCompleted': projects.AdvanceServiceCompletedSchema,
  'projects.ProjectYearClosed': projects.ProjectYearClosedSchema,
  'projects.ProjectRegistered': projects.ProjectRegisteredSchema,
  'projects.ProjectRegistrationAmended': projects.ProjectRegistrationAmendedSchema,
  'projects.ProjectDocumentRecorded': projects.ProjectDocumentRecordedSchema,
  'projects.LandingListBatchPublished': projects.LandingListBatchPublishedSchema,
  'projects.ProjectChangeRequested': projects.ProjectChangeRequestedSchema,
  'projects.ProjectChangeApproved': projects.ProjectChangeApprovedSchema,
  'projects.ProjectChangeRejected': projects.ProjectChangeRejectedSchema,
  'projects.ProjectTargetChanged': projects.ProjectTargetChangedSchema,
  'projects.ProjectDelisted': projects.ProjectDelistedSchema,
  'projects.ProjectUnauthorizedChangeAttempted': projects.ProjectUnauthorizedChangeAttemptedSchema,
  'projects.ProjectExclusionRequested': projects.ProjectExclusionRequestedSchema,
  'projects.ProjectExclusionRejected': projects.ProjectExclusionRejectedSchema,
  'projects.LandingListYearClosed': projects.LandingListYearClosedSchema,
  'projects.IndustrialApprovalPlanned': projects.IndustrialApprovalPlannedSchema,
  'projects.ApprovalCaseLinked': projects.ApprovalCaseLinkedSchema,
  'projects.ApprovalCaseProgressed': projects.ApprovalCaseProgressedSchema,
  'projects.IndustrialApprovalAtRisk': projects.IndustrialApprovalAtRiskSchema,
  'projects.IndustrialApprovalChainCompleted': projects.IndustrialApprovalChainCompletedSchema,
  'projects.CoordinationMeetingHeld': projects.CoordinationMeetingHeldSchema,
  'projects.AdvanceServiceScheduled': projects.AdvanceServiceScheduledSchema,
  'projects.AdvanceServiceLinkedToCase': projects.AdvanceServiceLinkedToCaseSchema,

  'supervision.InspectionPlanned': supervision.InspectionPlannedSchema,
  'supervision.InspectionDrawn': supervision.InspectionDrawnSchema,
  'supervision.InspectionResultPublished': supervision.InspectionResultPublishedSchema,
  'supervision.FindingRaised': supervision.FindingRaisedSchema,
  'supervision.RectificationOrdered': supervision.RectificationOrderedSchema,
  'supervision.CaseRated': supervision.CaseRatedSchema,
  'supervision.CommitmentVerificationConcluded': supervision.CommitmentVerificationConcludedSchema,
  'supervision.InspectionItemListed': supervision.InspectionItemListedSchema,
  'supervision.InspectionTargetRegistered': supervision.InspectionTargetRegisteredSchema,
  'supervision.InspectorRegistered': supervision.InspectorRegisteredSchema,
  'supervision.InspectorConflictDeclared': supervision.InspectorConflictDeclaredSchema,
  'supervision.InspectionListsFrozen': supervision.InspectionListsFrozenSchema,
  'supervision.InspectionPublicationLate': supervision.InspectionPublicationLateSchema,
  'supervision.RectificationAnswered': supervision.RectificationAnsweredSchema,
  'supervision.RectificationChecked': supervision.RectificationCheckedSchema,
  'supervision.RectificationClosed': supervision.RectificationClosedSchema,
  'supervision.RectificationOverdue': supervision.RectificationOverdueSchema,
  'supervision.RectificationEscalated': supervision.RectificationEscalatedSchema,
  'supervision.CommitmentVerificationOpened': supervision.CommitmentVerificationOpenedSchema,
  'supervision.CommitmentVerificationOverdue': supervision.CommitmentVerificationOverdueSchema,
  'supervision.BadRatingReferred': supervision.BadRatingReferredSchema,
  'supervision.BadRatingAnswered': supervision.BadRatingAnsweredSchema,
  'supervision.BadRatingAnswerOverdue': supervision.BadRatingAnswerOverdueSchema,
  'supervision.ComplaintLodged': supervision.ComplaintLodgedSchema,
  'supervision.ComplaintResolved': supervision.ComplaintResolvedSchema,
  'supervision.WindowInspectionRecorded': supervision.WindowInspectionRecordedSchema,
  'supervision.CreditRecorded': supervision.CreditRecordedSchema,
  'supervision.CreditClassChanged': supervision.CreditClassChangedSchema,

  'notifications.DeliveryAttempted': notifications.DeliveryAttemptedSchema,

  'analytics.BulletinPublished': analytics.BulletinPublishedSchema,
} as const satisfies Record<`${Context}.${string}`, DescMessage>;

/** A registered event type name, e.g. `cases.CaseReceived`. */
export type EventType = keyof typeof EVENT_SCHEMAS;
/** The protobuf schema of an event type. */
export type EventSchema<T extends EventType> = (typeof EVENT_SCHEMAS)[T];
/** A decoded event of a type (the generated message type). */
export type EventData<T extends EventType> = MessageShape<EventSchema<T>>;
/** What `encodeEvent` accepts: a message or a plain initialiser object (all fields optional). */
export type EventInit<T extends EventType> = MessageInitShape<EventSchema<T>>;
/** A decoded event together with its type; switch on `type` to narrow `data`. */
export type TypedEvent = { [T in EventType]: { type: T; data: EventData<T> } }[EventType];

/** Every registered event type, in registry order. */
export const EVENT_TYPES = Object.keys(EVENT_SCHEMAS) as readonly EventType[];

/** Thrown when an event type name is not in the registry. */
export class UnknownEventTypeError extends Error {
  constructor(readonly eventType: string) {
    super(`unknown event type "${eventType}"`);
    this.name = 'UnknownEventTypeError';
  }
}

/** True when `value` is a registered event type name. */
export function isEventType(value: string): value is EventType {
  return Object.hasOwn(EVENT_SCHEMAS, value);
}

/** The protobuf schema of a registered event type; throws UnknownEventTypeError otherwise. */
export function schemaOf<T extends EventType>(type: T): EventSchema<T> {
  if (!isEventType(type)) throw new UnknownEventTypeError(type);
  return EVENT_SCHEMAS[type];
}

/** The context that publishes an event type (the part before the dot). */
export function contextOf(type: EventType): Context {
  return type.slice(0, type.indexOf('.')) as Context;
}

/** The Kafka topic an event type is published on. */
export function topicOf(type: EventType): Topic {
  return TOPICS[contextOf(type)];
}

/** The schema (major) version of an event type: the `vN` of its protobuf package. */
export function schemaVersionOf(type: EventType): number {
  const match = /\.v(\d+)\.[^.]+$/.exec(schemaOf(type).typeName);
  if (!match) throw new Error(`event type "${type}" has no versioned package`);
  return Number(match[1]);
}

// The registry's value type is a union of schemas, which the generic protobuf functions cannot
// relate to EventData<T>; these casts are the only place where that is asserted.
type AnySchema = DescMessage;

/** Encodes an event to protobuf binary (the envelope's `payload`). */
export function encodeEvent<T extends EventType>(type: T, data: EventInit<T>): Uint8Array {
  const schema: AnySchema = schemaOf(type);
  return toBinary(schema, create(schema, data as MessageInitShape<AnySchema>));
}

/** Decodes protobuf binary as an event of the given type. Unknown fields are kept. */
export function decodeEvent<T extends EventType>(type: T, bytes: Uint8Array): EventData<T> {
  const schema: AnySchema = schemaOf(type);
  return fromBinary(schema, bytes) as EventData<T>;
}

/** The canonical protobuf JSON of an event (enum names, int64 as strings, RFC 3339 times). */
export function eventToJson<T extends EventType>(type: T, data: EventInit<T>): JsonValue {
  const schema: AnySchema = schemaOf(type);
  return toJson(schema, create(schema, data as MessageInitShape<AnySchema>));
}

/** Parses the protobuf JSON of an event; rejects unknown fields. */
export function eventFromJson<T extends EventType>(type: T, json: JsonValue): EventData<T> {
  const schema: AnySchema = schemaOf(type);
  return fromJson(schema, json) as EventData<T>;
}
