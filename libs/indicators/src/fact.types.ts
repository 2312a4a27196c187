/**
 * The facts the indicators are computed from: one per event stream, folded from that stream's
 * events alone. Because no fact reads another stream, the facts after consuming any set of
 * partition prefixes do not depend on how the partitions interleaved — two consumers splitting the
 * partitions, a rebuild and the auditor's replay all reach the same facts.
 *
 * Every change inside a fact is stamped with the instant its event was recorded (`at`, ISO 8601 UTC),
 * so figures can be taken "as of" any past instant from today's facts: whatever happened later is
 * left out. Facts are plain JSON (stored as jsonb); counts are numbers, instants ISO strings.
 */

/** 市 · 区 · 街镇 · 居村, or '' when unknown. */
export type Level = 'city' | 'district' | 'town' | 'village' | '';

/** The three catalogs, or '' when unknown. */
export type CatalogKindName = 'on_the_spot' | 'advance_service' | 'same_year_landing' | '';

interface FactBase {
  /** `<context>/<stream id>`: the stream the fact is folded from. */
  key: string;
  /** The last stream version folded in; an event at or below it is a repeat and changes nothing. */
  version: number;
  /** When the first folded event was recorded. */
  firstAt: string;
  /** When the last folded event was recorded. */
  lastAt: string;
}

/** A service unit (办事部门) as registered. */
export interface UnitFact extends FactBase {
  kind: 'unit';
  unitId: string;
  name: string;
  level: Level;
  regionCode: string;
}

/** One published state of a catalog item, from the instant it applied. */
export interface ItemRevision {
  at: string;
  catalogKind: CatalogKindName;
  /** 即办件 / 当场办结 mode. */
  immediate: boolean;
  statutoryLimitDays: number;
  /** null when the unit committed to no limit. */
  committedLimitDays: number | null;
  /** false from the withdrawal on. */
  active: boolean;
}

export interface ItemFact extends FactBase {
  kind: 'item';
  itemId: string;
  unitId: string;
  level: Level;
  regionCode: string;
  revisions: ItemRevision[];
}

/** A case (办件): what the case indicators need, each step stamped. */
export interface CaseFact extends FactBase {
  kind: 'case';
  caseId: string;
  unitId: string;
  itemId: string;
  /** The region the case's events were recorded in (envelope), used when the unit is unknown. */
  regionCode: string;
  receivedAt: string | null;
  immediate: boolean;
  statutoryLimitDays: number;
  /** Committed deadline (YYYY-MM-DD) from each change: acceptance, then each resumed clock. */
  deadlines: Array<{ at: string; deadline: string }>;
  /** When each materials-supplement request was recorded (一次告知). */
  supplementRequests: string[];
  decidedAt: string | null;
  workingDaysUsed: number;
  decidedOnTheSpot: boolean;
  /** When the deadline scanner raised CaseOverdue. */
  overdueAt: string | null;
}

export interface ProjectFact extends FactBase {
  kind: 'project';
  projectId: string;
  unitId: string;
  level: Level;
  regionCode: string;
  /** The landing target from each change: the listing, then each approved change. */
  targets: Array<{ at: string; target: LandingTargetName }>;
  listingYear: number;
  industrial: boolean;
  milestones: Array<{ at: string; milestone: 'started' | 'opened' | 'completion_accepted' | ''; reachedOn: string }>;
  excludedAt: string | null;
  /** When the project left its list through an approved change (it no longer counts). */
  delistedAt: string | null;
  yearClosed: { at: string; outcome: 'landed' | 'missed' | 'excluded' | '' } | null;
  /** The industrial approval chain's completion: working days taken against the statutory total. */
  approvalChain: { at: string; elapsedDays: number; statutoryTotalDays: number } | null;
}

export type LandingTargetName = 'start_or_open' | 'completion_acceptance' | '';

/** A 双随机 inspection plan and its draw. */
export interface PlanFact extends FactBase {
  kind: 'plan';
  planId: string;
  level: Level;
  regionCode: string;
  drawnAt: string | null;
  drawnInspections: number;
}

export interface InspectionFact extends FactBase {
  kind: 'inspection';
  inspectionId: string;
  planId: string;
  inspected: boolean;
  inspectedOn: string;
  publishedOn: string;
  publishedAt: string;
}

/** A public rating (好差评). */
export interface RatingFact extends FactBase {
  kind: 'rating';
  ratingId: string;
  caseId: string;
  itemId: string;
  unitId: string;
  /** 1 非常满意 … 5 非常不满意. */
  grade: number;
  ratedAt: string;
  /** When the unit answered a bad rating (差评整改: verified, fixed where justified, answered). */
  answeredAt: string | null;
}

/** One holiday arrangement as the catalog recorded it (entered or corrected), from the instant it was recorded. */
export interface CalendarNotice {
  at: string;
  year: number;
  noticeNumber: string;
  restDays: string[];
  workdays: string[];
}

/**
 * The State Council holiday notices of the catalog's calendar stream: what the working-day calendar of
 * a computation holds beyond the `chinese-days` package, so that a replay of the same history counts
 * working days exactly as the bulletin did.
 */
export interface CalendarFact extends FactBase {
  kind: 'calendar';
  notices: CalendarNotice[];
}

export type Fact = UnitFact | ItemFact | CaseFact | ProjectFact | PlanFact | InspectionFact | RatingFact | CalendarFact;

/** What the fold needs of an event, whichever way it arrived (Kafka, an export, the store). */
export interface FoldableEvent {
  type: string;
  /** The decoded protobuf message of a registered type. */
  data: unknown;
  streamId: string;
  streamVersion: number;
  recordedAt: Date;
  /** The envelope's region code (may be empty). */
  regionCode: string;
}
