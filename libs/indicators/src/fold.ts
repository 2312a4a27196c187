import { catalog, common, isEventType, projects, supervision, type TypedEvent } from '@sangeyipi/contracts';
import type { CaseFact, CatalogKindName, Fact, FoldableEvent, ItemFact, ItemRevision, LandingTargetName, Level, ProjectFact } from './fact.types';

const LEVELS: Record<number, Level> = {
  [common.AdministrativeLevel.CITY]: 'city',
  [common.AdministrativeLevel.DISTRICT]: 'district',
  [common.AdministrativeLevel.TOWN]: 'town',
  [common.AdministrativeLevel.VILLAGE]: 'village',
};

const CATALOG_KINDS: Record<number, CatalogKindName> = {
  [catalog.CatalogKind.ON_THE_SPOT]: 'on_the_spot',
  [catalog.CatalogKind.ADVANCE_SERVICE]: 'advance_service',
  [catalog.CatalogKind.SAME_YEAR_LANDING]: 'same_year_landing',
};

const MILESTONES: Record<number, ProjectFact['milestones'][number]['milestone']> = {
  [projects.Milestone.CONSTRUCTION_STARTED]: 'started',
  [projects.Milestone.OPENED]: 'opened',
  [projects.Milestone.COMPLETION_ACCEPTED]: 'completion_accepted',
};

const YEAR_OUTCOMES: Record<number, NonNullable<ProjectFact['yearClosed']>['outcome']> = {
  [projects.YearOutcome.LANDED]: 'landed',
  [projects.YearOutcome.MISSED]: 'missed',
  [projects.YearOutcome.EXCLUDED]: 'excluded',
};

export const levelName = (level: number): Level => LEVELS[level] ?? '';

const targetName = (target: number): LandingTargetName =>
  target === projects.LandingTarget.START_OR_OPEN ? 'start_or_open' : target === projects.LandingTarget.COMPLETION_ACCEPTANCE ? 'completion_acceptance' : '';

/** The event types that change a fact; every other type is ignored, so its payload need not be decoded. */
export const FOLDED_TYPES: ReadonlySet<string> = new Set([
  'catalog.ServiceUnitRegistered',
  'catalog.CatalogItemPublished',
  'catalog.CatalogItemRevised',
  'catalog.CatalogItemWithdrawn',
  'catalog.HolidayNoticeEntered',
  'catalog.HolidayNoticeCorrected',
  'cases.OnlineApplicationSubmitted',
  'cases.CaseReceived',
  'cases.MaterialsSupplementRequested',
  'cases.CaseAccepted',
  'cases.ClockResumed',
  'cases.CaseDecided',
  'cases.CaseOverdue',
  'projects.ProjectListed',
  'projects.MilestoneReached',
  'projects.ProjectExcluded',
  'projects.ProjectYearClosed',
  'projects.ProjectTargetChanged',
  'projects.ProjectDelisted',
  'projects.IndustrialApprovalChainCompleted',
  'supervision.InspectionPlanned',
  'supervision.InspectionDrawn',
  'supervision.InspectionResultPublished',
  'supervision.CaseRated',
  'supervision.BadRatingAnswered',
]);

/** The fact an event belongs to: its own stream's, within its context. */
export function factKeyOf(event: Pick<FoldableEvent, 'type' | 'streamId'>): string {
  return `${event.type.slice(0, event.type.indexOf('.'))}/${event.streamId}`;
}

/** What folding one event did: changed a fact, repeated one already folded, or meant nothing here. */
export type FoldOutcome = 'folded' | 'repeat' | 'ignored';

/**
 * Folds one event into the fact of its stream (undefined when the stream has none yet), in place:
 * returns the given fact changed, or a new fact when the stream has none yet or the event starts its
 * fact anew (a registration, a listing, a publication); the outcome when nothing changed. Changing
 * the fact in place rather than copying it per event spares a replay most of its garbage; callers
 * own the facts they pass. Events of a stream must come in stream order, as Kafka delivers one
 * partition; an event at or below the fact's version is a repeat (the relay publishes at least once).
 * Types that feed no indicator, and types this code does not know, are ignored.
 */
export function foldEvent(fact: Fact | undefined, event: FoldableEvent): Fact | Exclude<FoldOutcome, 'folded'> {
  if (fact && event.streamVersion <= fact.version) return 'repeat';
  if (!FOLDED_TYPES.has(event.type) || !isEventType(event.type)) return 'ignored';
  const at = event.recordedAt.toISOString();
  const firstAt = fact?.firstAt ?? at;
  const folded = apply(fact, { type: event.type, data: event.data } as TypedEvent, at, event.regionCode) as Fact | undefined;
  if (!folded) return 'ignored';
  folded.key = factKeyOf(event);
  folded.version = event.streamVersion;
  folded.firstAt = firstAt;
  folded.lastAt = at;
  return folded;
}

type WithoutBase<T> = T extends Fact ? Omit<T, 'key' | 'version' | 'firstAt' | 'lastAt'> : never;
/** The fact changed in place, a new one without its stamps (foldEvent sets them), or undefined when the event changes nothing. */
type Folded = Fact | WithoutBase<Fact> | undefined;

function apply(fact: Fact | undefined, event: TypedEvent, at: string, regionCode: string): Folded {
  switch (event.type) {
    case 'catalog.ServiceUnitRegistered':
      return { kind: 'unit', unitId: event.data.unitId, name: event.data.name, level: levelName(event.data.level), regionCode: event.data.regionCode };
    case 'catalog.CatalogItemPublished':
    case 'catalog.CatalogItemRevised':
      return withRevision(fact, event.data, revisionOf(at, event.data.definition, true));
    case 'catalog.CatalogItemWithdrawn':
      return withRevision(fact, event.data, revisionOf(at, event.data.definition, false));
    case 'catalog.HolidayNoticeEntered':
    case 'catalog.HolidayNoticeCorrected': {
      const { year, noticeNumber, restDays, workdays } = event.data;
      const notice = { at, year, noticeNumber, restDays: restDays.map((day) => day.date), workdays: workdays.map((day) => day.date) };
      return { kind: 'calendar', notices: [...(fact?.kind === 'calendar' ? fact.notices : []), notice] };
    }
    case 'cases.OnlineApplicationSubmitted':
      return Object.assign(caseOf(fact, event.data.caseId, regionCode), {
        unitId: event.data.unitId,
        itemId: event.data.itemId,
        immediate: event.data.immediate,
        statutoryLimitDays: event.data.statutoryLimitDays,
      });
    case 'cases.CaseReceived':
      return Object.assign(caseOf(fact, event.data.caseId, regionCode), {
        unitId: event.data.unitId,
        itemId: event.data.itemId,
        immediate: event.data.immediate,
        statutoryLimitDays: event.data.statutoryLimitDays,
        receivedAt: at,
      });
    case 'cases.MaterialsSupplementRequested': {
      const current = caseOf(fact, event.data.caseId, regionCode);
      current.supplementRequests.push(at);
      return current;
    }
    case 'cases.CaseAccepted': {
      const current = caseOf(fact, event.data.caseId, regionCode);
      current.statutoryLimitDays = event.data.statutoryLimitDays;
      if (event.data.committedDeadline) current.deadlines.push({ at, deadline: event.data.committedDeadline });
      return current;
    }
    case 'cases.ClockResumed': {
      const current = caseOf(fact, event.data.caseId, regionCode);
      if (event.data.committedDeadline) current.deadlines.push({ at, deadline: event.data.committedDeadline });
      return current;
    }
    case 'cases.CaseDecided':
      return Object.assign(caseOf(fact, event.data.caseId, regionCode), {
        decidedAt: at,
        workingDaysUsed: event.data.workingDaysUsed,
        decidedOnTheSpot: event.data.decidedOnTheSpot,
      });
    case 'cases.CaseOverdue': {
      const current = caseOf(fact, event.data.caseId, regionCode);
      current.overdueAt ??= at;
      return current;
    }
    case 'projects.ProjectListed':
      return {
        kind: 'project',
        projectId: event.data.projectId,
        unitId: event.data.unitId,
        level: levelName(event.data.level),
        regionCode: event.data.regionCode,
        targets: [{ at, target: targetName(event.data.target) }],
        listingYear: event.data.listingYear,
        industrial: event.data.industrial,
        milestones: [],
        excludedAt: null,
        delistedAt: null,
        yearClosed: null,
        approvalChain: null,
      };
    case 'projects.MilestoneReached':
      if (fact?.kind !== 'project') return undefined;
      fact.milestones.push({ at, milestone: MILESTONES[event.data.milestone] ?? '', reachedOn: event.data.reachedOn });
      return fact;
    case 'projects.ProjectExcluded':
      if (fact?.kind !== 'project') return undefined;
      fact.excludedAt ??= at;
      return fact;
    case 'projects.ProjectYearClosed':
      if (fact?.kind !== 'project') return undefined;
      fact.yearClosed = { at, outcome: YEAR_OUTCOMES[event.data.outcome] ?? '' };
      return fact;
    case 'projects.ProjectTargetChanged':
      if (fact?.kind !== 'project') return undefined;
      fact.targets.push({ at, target: targetName(event.data.target) });
      return fact;
    case 'projects.ProjectDelisted':
      if (fact?.kind !== 'project') return undefined;
      fact.delistedAt ??= at;
      return fact;
    case 'projects.IndustrialApprovalChainCompleted':
      if (fact?.kind !== 'project') return undefined;
      fact.approvalChain = { at, elapsedDays: event.data.elapsedDays, statutoryTotalDays: event.data.statutoryTotalDays };
      return fact;
    case 'supervision.InspectionPlanned':
      return { kind: 'plan', planId: event.data.planId, level: levelName(event.data.level), regionCode: event.data.regionCode, drawnAt: null, drawnInspections: 0 };
    case 'supervision.InspectionDrawn':
      if (fact?.kind !== 'plan') return undefined;
      fact.drawnAt ??= at;
      fact.drawnInspections = event.data.inspections.length;
      return fact;
    case 'supervision.InspectionResultPublished':
      return {
        kind: 'inspection',
        inspectionId: event.data.inspectionId,
        planId: event.data.planId,
        inspected: event.data.outcome !== supervision.InspectionOutcome.NOT_INSPECTED && event.data.outcome !== supervision.InspectionOutcome.UNSPECIFIED,
        inspectedOn: event.data.inspectedOn,
        publishedOn: event.data.publishedOn,
        publishedAt: at,
      };
    case 'supervision.CaseRated':
      return {
        kind: 'rating',
        ratingId: event.data.ratingId,
        caseId: event.data.caseId,
        itemId: event.data.itemId,
        unitId: event.data.unitId,
        grade: event.data.grade,
        ratedAt: at,
        answeredAt: null,
      };
    case 'supervision.BadRatingAnswered':
      if (fact?.kind !== 'rating') return undefined;
      fact.answeredAt ??= at;
      return fact;
    default:
      return undefined;
  }
}

function revisionOf(at: string, definition: catalog.CatalogItemDefinition | undefined, active: boolean): ItemRevision {
  return {
    at,
    catalogKind: CATALOG_KINDS[definition?.catalogKind ?? 0] ?? '',
    immediate: definition?.completionMode === catalog.CompletionMode.IMMEDIATE || definition?.caseType === catalog.CaseType.IMMEDIATE,
    statutoryLimitDays: definition?.statutoryLimitDays ?? 0,
    committedLimitDays: !definition || definition.committedLimitAbsent ? null : definition.committedLimitDays,
    active,
  };
}

/** The item's fact with the event's placement and one more revision; a new fact when the stream has no item yet. */
function withRevision(fact: Fact | undefined, data: { itemId: string; unitId: string; level: number; regionCode: string }, revision: ItemRevision): ItemFact | WithoutBase<ItemFact> {
  const placement = { itemId: data.itemId, unitId: data.unitId, level: levelName(data.level), regionCode: data.regionCode };
  if (fact?.kind !== 'item') return { kind: 'item', ...placement, revisions: [revision] };
  Object.assign(fact, placement).revisions.push(revision);
  return fact;
}

/**
 * The case's fact, to change in place; a new one when the stream has no case yet (a stream whose
 * first event was not CaseReceived still gets one). Its region is the events' while it has none.
 */
function caseOf(fact: Fact | undefined, caseId: string, regionCode: string): CaseFact | WithoutBase<CaseFact> {
  if (fact?.kind === 'case') {
    fact.regionCode ||= regionCode;
    return fact;
  }
  return {
    kind: 'case',
    caseId,
    unitId: '',
    itemId: '',
    regionCode,
    receivedAt: null,
    immediate: false,
    statutoryLimitDays: 0,
    deadlines: [],
    supplementRequests: [],
    decidedAt: null,
    workingDaysUsed: 0,
    decidedOnTheSpot: false,
    overdueAt: null,
  };
}
