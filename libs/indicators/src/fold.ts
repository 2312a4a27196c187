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
 * Folds one event into the fact of its stream (undefined when the stream has none yet). Returns the
 * new fact, or the outcome when nothing changed. Events of a stream must come in stream order, as
 * Kafka delivers one partition; an event at or below the fact's version is a repeat (the relay
 * publishes at least once). Types that feed no indicator, and types this code does not know, are
 * ignored.
 */
export function foldEvent(fact: Fact | undefined, event: FoldableEvent): Fact | Exclude<FoldOutcome, 'folded'> {
  if (fact && event.streamVersion <= fact.version) return 'repeat';
  if (!FOLDED_TYPES.has(event.type) || !isEventType(event.type)) return 'ignored';
  const typed = { type: event.type, data: event.data } as TypedEvent;
  const at = event.recordedAt.toISOString();
  const base = { key: factKeyOf(event), version: event.streamVersion, firstAt: fact?.firstAt ?? at, lastAt: at };
  const next = apply(fact, typed, at, event.regionCode);
  return next ? ({ ...next, ...base } as Fact) : 'ignored';
}

type WithoutBase<T> = T extends Fact ? Omit<T, 'key' | 'version' | 'firstAt' | 'lastAt'> : never;
type Folded = WithoutBase<Fact> | undefined;

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
      return caseWith(fact, event.data.caseId, regionCode, {
        unitId: event.data.unitId,
        itemId: event.data.itemId,
        immediate: event.data.immediate,
        statutoryLimitDays: event.data.statutoryLimitDays,
      });
    case 'cases.CaseReceived':
      return caseWith(fact, event.data.caseId, regionCode, {
        unitId: event.data.unitId,
        itemId: event.data.itemId,
        immediate: event.data.immediate,
        statutoryLimitDays: event.data.statutoryLimitDays,
        receivedAt: at,
      });
    case 'cases.MaterialsSupplementRequested': {
      const current = caseWith(fact, event.data.caseId, regionCode, {});
      return { ...current, supplementRequests: [...current.supplementRequests, at] };
    }
    case 'cases.CaseAccepted': {
      const current = caseWith(fact, event.data.caseId, regionCode, { statutoryLimitDays: event.data.statutoryLimitDays });
      return event.data.committedDeadline ? { ...current, deadlines: [...current.deadlines, { at, deadline: event.data.committedDeadline }] } : current;
    }
    case 'cases.ClockResumed': {
      const current = caseWith(fact, event.data.caseId, regionCode, {});
      return event.data.committedDeadline ? { ...current, deadlines: [...current.deadlines, { at, deadline: event.data.committedDeadline }] } : current;
    }
    case 'cases.CaseDecided':
      return caseWith(fact, event.data.caseId, regionCode, {
        decidedAt: at,
        workingDaysUsed: event.data.workingDaysUsed,
        decidedOnTheSpot: event.data.decidedOnTheSpot,
      });
    case 'cases.CaseOverdue': {
      const current = caseWith(fact, event.data.caseId, regionCode, {});
      return { ...current, overdueAt: current.overdueAt ?? at };
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
      return { ...fact, milestones: [...fact.milestones, { at, milestone: MILESTONES[event.data.milestone] ?? '', reachedOn: event.data.reachedOn }] };
    case 'projects.ProjectExcluded':
      if (fact?.kind !== 'project') return undefined;
      return { ...fact, excludedAt: fact.excludedAt ?? at };
    case 'projects.ProjectYearClosed':
      if (fact?.kind !== 'project') return undefined;
      return { ...fact, yearClosed: { at, outcome: YEAR_OUTCOMES[event.data.outcome] ?? '' } };
    case 'projects.ProjectTargetChanged':
      if (fact?.kind !== 'project') return undefined;
      return { ...fact, targets: [...fact.targets, { at, target: targetName(event.data.target) }] };
    case 'projects.ProjectDelisted':
      if (fact?.kind !== 'project') return undefined;
      return { ...fact, delistedAt: fact.delistedAt ?? at };
    case 'projects.IndustrialApprovalChainCompleted':
      if (fact?.kind !== 'project') return undefined;
      return { ...fact, approvalChain: { at, elapsedDays: event.data.elapsedDays, statutoryTotalDays: event.data.statutoryTotalDays } };
    case 'supervision.InspectionPlanned':
      return { kind: 'plan', planId: event.data.planId, level: levelName(event.data.level), regionCode: event.data.regionCode, drawnAt: null, drawnInspections: 0 };
    case 'supervision.InspectionDrawn':
      if (fact?.kind !== 'plan') return undefined;
      return { ...fact, drawnAt: fact.drawnAt ?? at, drawnInspections: event.data.inspections.length };
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
      return { ...fact, answeredAt: fact.answeredAt ?? at };
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

function withRevision(
  fact: Fact | undefined,
  data: { itemId: string; unitId: string; level: number; regionCode: string },
  revision: ItemRevision,
): Omit<ItemFact, 'key' | 'version' | 'firstAt' | 'lastAt'> {
  const revisions = fact?.kind === 'item' ? fact.revisions : [];
  return { kind: 'item', itemId: data.itemId, unitId: data.unitId, level: levelName(data.level), regionCode: data.regionCode, revisions: [...revisions, revision] };
}

type CaseFields = Omit<CaseFact, 'key' | 'version' | 'firstAt' | 'lastAt'>;

/** The case's fact with some fields set; a stream whose first event was not CaseReceived still gets one. */
function caseWith(fact: Fact | undefined, caseId: string, regionCode: string, fields: Partial<CaseFields>): CaseFields {
  const current: CaseFields =
    fact?.kind === 'case'
      ? fact
      : {
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
  return { ...current, ...fields, regionCode: current.regionCode || regionCode };
}
