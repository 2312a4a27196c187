import type { JsonValue, MessageInitShape } from '@bufbuild/protobuf';
import { catalog, common, eventFromJson, eventToJson, projects, type EventInit, type EventType } from '@sangeyipi/contracts';
import type { NewEvent, StoredEvent } from '@sangeyipi/eventstore';
import type { HolidayCalendarEvent } from './calendar/holiday-calendar.decider';
import type { CatalogEvent, CatalogItemEvent } from './catalog-item/catalog-item.events';
import {
  ADVANCE_SERVICE_APPROACHES,
  ADVANCE_SERVICE_CONTENTS,
  APPROVAL_ROUTES,
  APPROVAL_STEPS,
  CASE_TYPES,
  CATALOG_KINDS,
  COMPLETION_MODES,
  MATERIAL_FORMS,
  MATERIAL_SOURCES,
  type AdministrativeLevel,
  type CatalogItemDefinition,
  type ItemOwner,
} from './catalog-item/catalog-item.definition';
import type { ChangeProposal } from './catalog-item/catalog-item.events';
import { SERVICE_UNIT_KINDS, type ServiceUnitRegistered } from './service-unit/service-unit.decider';

/**
 * Translates between the catalog's domain events and their integration contracts
 * (proto/sangeyipi/catalog/v1). The event store keeps the contract's protobuf JSON, which the relay
 * encodes as is; the domain works with plain TypeScript values (null for "no limit", string unions
 * for enums).
 */

/** Every event the catalog service writes. */
export type CatalogContextEvent = CatalogItemEvent | CatalogEvent | ServiceUnitRegistered | HolidayCalendarEvent;

/** A two-way mapping between a domain string union and a protobuf enum, listed in the same order. */
function enumCodec<D extends string, C extends number>(domainValues: readonly D[], contractValues: readonly C[], what: string) {
  if (domainValues.length !== contractValues.length) throw new Error(`${what}: the domain and the contract list different values`);
  return {
    encode(value: D): C {
      return contractValues[domainValues.indexOf(value)];
    },
    decode(value: number): D {
      // A number the contract does not list (a newer producer's value) is refused rather than guessed.
      const index = (contractValues as readonly number[]).indexOf(value);
      if (index < 0) throw new Error(`unknown ${what} ${value} in a recorded event`);
      return domainValues[index];
    },
  };
}

const LEVELS = enumCodec<AdministrativeLevel, common.AdministrativeLevel>(
  ['city', 'district', 'town', 'village'],
  [common.AdministrativeLevel.CITY, common.AdministrativeLevel.DISTRICT, common.AdministrativeLevel.TOWN, common.AdministrativeLevel.VILLAGE],
  'level',
);
const KINDS = enumCodec(CATALOG_KINDS, [catalog.CatalogKind.ON_THE_SPOT, catalog.CatalogKind.ADVANCE_SERVICE, catalog.CatalogKind.SAME_YEAR_LANDING], 'catalog kind');
const MODES = enumCodec(COMPLETION_MODES, [catalog.CompletionMode.IMMEDIATE, catalog.CompletionMode.EARLY, catalog.CompletionMode.TIME_LIMITED], 'completion mode');
const CASE_TYPE = enumCodec(CASE_TYPES, [catalog.CaseType.IMMEDIATE, catalog.CaseType.COMMITMENT], 'case type');
const STEPS = enumCodec(APPROVAL_STEPS, [common.ApprovalStep.HANDLE, common.ApprovalStep.REVIEW, common.ApprovalStep.DECIDE], 'approval step');
const ROUTES = enumCodec(
  APPROVAL_ROUTES,
  [catalog.ApprovalRoute.STANDARD, catalog.ApprovalRoute.NOTIFICATION_COMMITMENT, catalog.ApprovalRoute.NEGATIVE_LIST, catalog.ApprovalRoute.STANDARDS],
  'approval route',
);
const FORMS = enumCodec(MATERIAL_FORMS, [catalog.MaterialForm.PAPER, catalog.MaterialForm.ELECTRONIC, catalog.MaterialForm.PAPER_OR_ELECTRONIC], 'material form');
const SOURCES = enumCodec(
  MATERIAL_SOURCES,
  [catalog.MaterialSource.APPLICANT, catalog.MaterialSource.ADMINISTRATIVE_ASSISTANCE, catalog.MaterialSource.DATA_SHARING],
  'material source',
);
const APPROACHES = enumCodec(
  ADVANCE_SERVICE_APPROACHES,
  [
    projects.AdvanceServiceApproach.EARLY_INVOLVEMENT,
    projects.AdvanceServiceApproach.PROACTIVE_GUIDANCE,
    projects.AdvanceServiceApproach.PRE_APPROVAL_GUIDANCE,
    projects.AdvanceServiceApproach.ON_SITE,
    projects.AdvanceServiceApproach.FULL_TRACKING,
  ],
  'advance-service approach',
);
const CONTENTS = enumCodec(
  ADVANCE_SERVICE_CONTENTS,
  [
    common.AdvanceServiceKind.SITE_SURVEY,
    common.AdvanceServiceKind.ON_SITE_VERIFICATION,
    common.AdvanceServiceKind.INSPECTION,
    common.AdvanceServiceKind.QUARANTINE,
    common.AdvanceServiceKind.TESTING,
    common.AdvanceServiceKind.EXPERT_REVIEW,
    common.AdvanceServiceKind.TECHNICAL_REVIEW,
    common.AdvanceServiceKind.TECHNICAL_CONSULTATION,
  ],
  'advance-service content',
);
const CHANGES = enumCodec<ChangeProposal['change'], catalog.ChangeKind>(['revision', 'withdrawal'], [catalog.ChangeKind.REVISION, catalog.ChangeKind.WITHDRAWAL], 'change kind');
const UNIT_KINDS = enumCodec(
  SERVICE_UNIT_KINDS,
  [
    catalog.ServiceUnitKind.GOVERNMENT_DEPARTMENT,
    catalog.ServiceUnitKind.MANAGEMENT_COMMITTEE,
    catalog.ServiceUnitKind.STATE_OWNED_ENTERPRISE,
    catalog.ServiceUnitKind.GRASSROOTS_ORGANISATION,
    catalog.ServiceUnitKind.INTERMEDIARY,
    catalog.ServiceUnitKind.SOCIAL_ORGANISATION,
  ],
  'service unit kind',
);

type DefinitionInit = MessageInitShape<typeof catalog.CatalogItemDefinitionSchema>;

function encodeDefinition(d: CatalogItemDefinition): DefinitionInit {
  return {
    itemCode: d.basicCode,
    implementationCode: d.implementationCode,
    name: d.name,
    catalogKind: KINDS.encode(d.kind),
    completionMode: d.completionMode === null ? catalog.CompletionMode.UNSPECIFIED : MODES.encode(d.completionMode),
    statutoryLimitDays: d.statutoryLimitDays ?? 0,
    committedLimitDays: d.committedLimitDays ?? 0,
    committedLimitAbsent: d.committedLimitDays === null,
    caseType: CASE_TYPE.encode(d.caseType),
    requiredMaterials: d.requiredMaterials.map((m) => ({
      materialId: m.materialId,
      name: m.name,
      copies: m.copies,
      originalRequired: m.originalRequired,
      replaceableByCommitment: m.replaceableByCommitment,
      form: FORMS.encode(m.form),
      source: SOURCES.encode(m.source),
    })),
    approvalSteps: d.approvalSteps.map(STEPS.encode),
    approvalRoute: ROUTES.encode(d.approvalRoute),
    commitmentApprovalAllowed: d.approvalRoute === 'notification_commitment', // for consumers of the older field
    visitsRequired: d.visitsRequired,
    onlineApplication: d.onlineApplication,
    holidayService: d.holidayService,
    statutoryFees: d.statutoryFees.map((fee) => ({ ...fee })),
    legalBasis: d.legalBasis,
    advanceServiceApproaches: d.advanceServiceApproaches.map(APPROACHES.encode),
    advanceServiceKinds: d.advanceServiceContents.map(CONTENTS.encode),
  };
}

/**
 * Events written before a field existed decode it as unset; the defaults below are what those
 * events meant: a case type that follows the mode, the route the older flag implied, materials from
 * the applicant in any form.
 */
function decodeDefinition(m: catalog.CatalogItemDefinition | undefined): CatalogItemDefinition {
  if (!m) throw new Error('a recorded catalog event lacks its item definition');
  const completionMode = m.completionMode === catalog.CompletionMode.UNSPECIFIED ? null : MODES.decode(m.completionMode);
  const legacyCaseType = completionMode === 'immediate' ? 'immediate_case' : 'commitment_case';
  const legacyRoute = m.commitmentApprovalAllowed ? 'notification_commitment' : 'standard';
  return {
    basicCode: m.itemCode,
    implementationCode: m.implementationCode,
    name: m.name,
    kind: KINDS.decode(m.catalogKind),
    completionMode,
    statutoryLimitDays: m.statutoryLimitDays === 0 ? null : m.statutoryLimitDays,
    committedLimitDays: m.committedLimitAbsent ? null : m.committedLimitDays,
    caseType: m.caseType === catalog.CaseType.UNSPECIFIED ? legacyCaseType : CASE_TYPE.decode(m.caseType),
    requiredMaterials: m.requiredMaterials.map((material) => ({
      materialId: material.materialId,
      name: material.name,
      form: material.form === catalog.MaterialForm.UNSPECIFIED ? 'paper_or_electronic' : FORMS.decode(material.form),
      copies: material.copies,
      originalRequired: material.originalRequired,
      source: material.source === catalog.MaterialSource.UNSPECIFIED ? 'applicant' : SOURCES.decode(material.source),
      replaceableByCommitment: material.replaceableByCommitment,
    })),
    approvalSteps: m.approvalSteps.map(STEPS.decode),
    approvalRoute: m.approvalRoute === catalog.ApprovalRoute.UNSPECIFIED ? legacyRoute : ROUTES.decode(m.approvalRoute),
    visitsRequired: m.visitsRequired,
    onlineApplication: m.onlineApplication,
    holidayService: m.holidayService,
    statutoryFees: m.statutoryFees.map(({ name, amount, legalBasis }) => ({ name, amount, legalBasis })),
    legalBasis: m.legalBasis,
    advanceServiceApproaches: m.advanceServiceApproaches.map(APPROACHES.decode),
    advanceServiceContents: m.advanceServiceKinds.map(CONTENTS.decode),
  };
}

function encodeOwner(owner: ItemOwner) {
  return { unitId: owner.unitId, level: LEVELS.encode(owner.level), regionCode: owner.regionCode };
}

function decodeOwner(m: { unitId: string; level: common.AdministrativeLevel; regionCode: string }): ItemOwner {
  return { unitId: m.unitId, level: LEVELS.decode(m.level), regionCode: m.regionCode };
}

function encodeProposal(proposal: ChangeProposal) {
  return { changeKind: CHANGES.encode(proposal.change), definition: proposal.definition ? encodeDefinition(proposal.definition) : undefined };
}

function decodeProposal(m: { changeKind: catalog.ChangeKind; definition?: catalog.CatalogItemDefinition }): ChangeProposal {
  return CHANGES.decode(m.changeKind) === 'revision' ? { change: 'revision', definition: decodeDefinition(m.definition) } : { change: 'withdrawal', definition: null };
}

const noticeDay = ({ date, holiday }: { date: string; holiday: string }) => ({ date, holiday });

/** The contract form of an event, as the event store keeps it. */
export function encodeCatalogEvent(event: CatalogContextEvent): NewEvent {
  const contract = <T extends EventType>(type: T, init: EventInit<T>): NewEvent => ({ type, data: eventToJson(type, init) });
  switch (event.type) {
    case 'catalog.CatalogItemDrafted':
      return contract(event.type, { itemId: event.data.itemId, ...encodeOwner(event.data.owner), definition: encodeDefinition(event.data.definition) });
    case 'catalog.CatalogItemDraftAmended':
      return contract(event.type, { itemId: event.data.itemId, definition: encodeDefinition(event.data.definition) });
    case 'catalog.CatalogItemSubmitted':
    case 'catalog.CatalogItemApproved':
    case 'catalog.CatalogItemRejected':
    case 'catalog.CatalogItemChangeRejected':
      return contract(event.type, event.data);
    case 'catalog.CatalogItemPublished': {
      const { owner, definition, ...rest } = event.data;
      return contract(event.type, { ...rest, ...encodeOwner(owner), definition: encodeDefinition(definition) });
    }
    case 'catalog.CatalogItemChangeRequested': {
      const { change: _change, definition: _definition, ...rest } = event.data;
      return contract(event.type, { ...rest, ...encodeProposal(event.data) });
    }
    case 'catalog.CatalogItemChangeApproved': {
      const { change: _change, definition: _definition, ...rest } = event.data;
      return contract(event.type, { ...rest, ...encodeProposal(event.data) });
    }
    case 'catalog.CatalogItemRevised':
    case 'catalog.CatalogItemWithdrawn': {
      const { owner, definition, ...rest } = event.data;
      return contract(event.type, { ...rest, ...encodeOwner(owner), definition: encodeDefinition(definition) });
    }
    case 'catalog.CatalogItemUnauthorizedChangeAttempted': {
      const { owner, attemptedDefinition, ...rest } = event.data;
      return contract(event.type, { ...rest, ...encodeOwner(owner), attemptedDefinition: encodeDefinition(attemptedDefinition) });
    }
    case 'catalog.CatalogBatchPublished': {
      const { kind, level, ...rest } = event.data;
      return contract(event.type, { ...rest, catalogKind: KINDS.encode(kind), level: LEVELS.encode(level) });
    }
    case 'catalog.ServiceUnitRegistered': {
      const { kind, level, ...rest } = event.data;
      return contract(event.type, { ...rest, unitKind: UNIT_KINDS.encode(kind), level: LEVELS.encode(level) });
    }
    case 'catalog.HolidayNoticeEntered':
    case 'catalog.HolidayNoticeCorrected':
      return contract(event.type, event.data);
  }
}

/** The domain form of a recorded event; throws for a type the catalog does not write. */
export function decodeCatalogEvent(stored: Pick<StoredEvent, 'type' | 'data'>): CatalogContextEvent {
  const json = stored.data as JsonValue;
  switch (stored.type) {
    case 'catalog.CatalogItemDrafted': {
      const m = eventFromJson(stored.type, json);
      return { type: stored.type, data: { itemId: m.itemId, owner: decodeOwner(m), definition: decodeDefinition(m.definition) } };
    }
    case 'catalog.CatalogItemDraftAmended': {
      const m = eventFromJson(stored.type, json);
      return { type: stored.type, data: { itemId: m.itemId, definition: decodeDefinition(m.definition) } };
    }
    case 'catalog.CatalogItemSubmitted': {
      const { itemId, unitId } = eventFromJson(stored.type, json);
      return { type: stored.type, data: { itemId, unitId } };
    }
    case 'catalog.CatalogItemApproved': {
      const { itemId, unitId, note } = eventFromJson(stored.type, json);
      return { type: stored.type, data: { itemId, unitId, note } };
    }
    case 'catalog.CatalogItemRejected': {
      const { itemId, unitId, reason } = eventFromJson(stored.type, json);
      return { type: stored.type, data: { itemId, unitId, reason } };
    }
    case 'catalog.CatalogItemPublished': {
      const m = eventFromJson(stored.type, json);
      return {
        type: stored.type,
        data: {
          itemId: m.itemId,
          owner: decodeOwner(m),
          revision: m.revision,
          definition: decodeDefinition(m.definition),
          batchId: m.batchId,
          batchNumber: m.batchNumber,
          publishedOn: m.publishedOn,
        },
      };
    }
    case 'catalog.CatalogItemChangeRequested': {
      const m = eventFromJson(stored.type, json);
      return { type: stored.type, data: { itemId: m.itemId, changeRequestId: m.changeRequestId, unitId: m.unitId, reason: m.reason, ...decodeProposal(m) } };
    }
    case 'catalog.CatalogItemChangeApproved': {
      const m = eventFromJson(stored.type, json);
      const { itemId, changeRequestId, approvalReference, reason, effectiveOn } = m;
      return { type: stored.type, data: { itemId, changeRequestId, approvalReference, reason, effectiveOn, ...decodeProposal(m) } };
    }
    case 'catalog.CatalogItemChangeRejected': {
      const { itemId, changeRequestId, reason } = eventFromJson(stored.type, json);
      return { type: stored.type, data: { itemId, changeRequestId, reason } };
    }
    case 'catalog.CatalogItemRevised': {
      const m = eventFromJson(stored.type, json);
      const { itemId, changeRequestId, approvalReference, reason, revision, effectiveOn, revisedOn } = m;
      return {
        type: stored.type,
        data: { itemId, changeRequestId, approvalReference, reason, revision, effectiveOn, revisedOn, owner: decodeOwner(m), definition: decodeDefinition(m.definition) },
      };
    }
    case 'catalog.CatalogItemWithdrawn': {
      const m = eventFromJson(stored.type, json);
      const { itemId, changeRequestId, approvalReference, reason, effectiveOn, revision } = m;
      return {
        type: stored.type,
        data: { itemId, changeRequestId, approvalReference, reason, effectiveOn, revision, owner: decodeOwner(m), definition: decodeDefinition(m.definition) },
      };
    }
    case 'catalog.CatalogItemUnauthorizedChangeAttempted': {
      const m = eventFromJson(stored.type, json);
      return {
        type: stored.type,
        data: {
          itemId: m.itemId,
          owner: decodeOwner(m),
          attemptedByUserId: m.attemptedByUserId,
          revision: m.revision,
          attemptedDefinition: decodeDefinition(m.attemptedDefinition),
        },
      };
    }
    case 'catalog.CatalogBatchPublished': {
      const { batchId, catalogKind, level, regionCode, batchNumber, title, itemIds, publishedOn } = eventFromJson(stored.type, json);
      return { type: stored.type, data: { batchId, kind: KINDS.decode(catalogKind), level: LEVELS.decode(level), regionCode, batchNumber, title, itemIds, publishedOn } };
    }
    case 'catalog.ServiceUnitRegistered': {
      const { unitId, name, unitKind, level, regionCode } = eventFromJson(stored.type, json);
      return { type: stored.type, data: { unitId, name, kind: UNIT_KINDS.decode(unitKind), level: LEVELS.decode(level), regionCode } };
    }
    case 'catalog.HolidayNoticeEntered': {
      const { year, noticeNumber, title, restDays, workdays } = eventFromJson(stored.type, json);
      return { type: stored.type, data: { year, noticeNumber, title, restDays: restDays.map(noticeDay), workdays: workdays.map(noticeDay) } };
    }
    case 'catalog.HolidayNoticeCorrected': {
      const { year, noticeNumber, title, restDays, workdays, reason, replaces } = eventFromJson(stored.type, json);
      return { type: stored.type, data: { year, noticeNumber, title, restDays: restDays.map(noticeDay), workdays: workdays.map(noticeDay), reason, replaces } };
    }
    default:
      throw new Error(`the catalog does not write events of type ${stored.type}`);
  }
}
