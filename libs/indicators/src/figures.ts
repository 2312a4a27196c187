import { analytics } from '@sangeyipi/contracts';
import { findRegion, isWithinRegion, levelOfRegion, parentRegion, toShanghaiDate, WorkingDayCalendar } from '@sangeyipi/platform';
import type { CaseFact, CalendarNotice, CatalogKindName, Fact, InspectionFact, ItemFact, ItemRevision, Level, PlanFact, ProjectFact, RatingFact, UnitFact } from './fact.types';
import { INDICATORS, type IndicatorDefinition } from './indicators';
import { periodInstants, type Period } from './period';

const I = analytics.Indicator;

/** Whom and what a set of figures covers. */
export interface FigureQuery {
  /** Units of this level ('' for every level) in this region's subtree. */
  scope: { level: Level; regionCode: string };
  period: Period;
  /** Only events recorded up to this instant count. */
  asOf: Date;
  /** Only items, cases and ratings of this catalog (and, for same_year_landing, projects). */
  catalogKind?: CatalogKindName;
}

/** One figure: for the whole scope (unitId and regionCode empty), a sub-region, or a unit. */
export interface FigureRow {
  indicator: analytics.Indicator;
  unitId: string;
  regionCode: string;
  numerator: bigint;
  denominator: bigint;
  complement: boolean;
}

/** Results of 双随机 inspections published within this many working days count as timely. */
export const RESULT_PUBLICATION_LIMIT_DAYS = 20;
/** Grades 1–3 (非常满意, 满意, 基本满意) are good; 4–5 (不满意, 非常不满意) are bad (国办发〔2019〕51号). */
const LAST_GOOD_GRADE = 3;

/** The facts of one computation, by kind. */
class FactIndex {
  readonly units = new Map<string, UnitFact>();
  readonly items = new Map<string, ItemFact>();
  readonly plans = new Map<string, PlanFact>();
  readonly cases: CaseFact[] = [];
  readonly projects: ProjectFact[] = [];
  readonly inspections: InspectionFact[] = [];
  readonly ratings: RatingFact[] = [];
  /** The working-day calendar of the history as of the instant: the package and the notices recorded by then. */
  readonly calendar: WorkingDayCalendar;
  /** Where each unit sits, from its registration or, failing that, from one of its items. */
  private readonly itemHomes = new Map<string, { itemId: string; level: Level; regionCode: string }>();

  constructor(facts: Iterable<Fact>, asOf: string) {
    const notices: CalendarNotice[] = [];
    for (const fact of facts) {
      if (fact.firstAt > asOf) continue; // the stream did not exist yet
      switch (fact.kind) {
        case 'unit':
          this.units.set(fact.unitId, fact);
          break;
        case 'item':
          this.items.set(fact.itemId, fact);
          // Several items may name the unit; the one with the smallest id decides, whatever the order.
          if ((this.itemHomes.get(fact.unitId)?.itemId ?? '\uffff') > fact.itemId) {
            this.itemHomes.set(fact.unitId, { itemId: fact.itemId, level: fact.level, regionCode: fact.regionCode });
          }
          break;
        case 'plan':
          this.plans.set(fact.planId, fact);
          break;
        case 'case':
          this.cases.push(fact);
          break;
        case 'project':
          this.projects.push(fact);
          break;
        case 'inspection':
          this.inspections.push(fact);
          break;
        case 'rating':
          this.ratings.push(fact);
          break;
        case 'calendar':
          notices.push(...fact.notices.filter((notice) => notice.at <= asOf));
          break;
      }
    }
    // In stream order (the catalog keeps one calendar stream), so a correction replaces what it corrects.
    this.calendar = new WorkingDayCalendar({ notices });
  }

  homeOf(unitId: string, fallbackRegion = ''): { level: Level; regionCode: string } {
    const unit = this.units.get(unitId);
    if (unit) return { level: unit.level, regionCode: unit.regionCode };
    const home = this.itemHomes.get(unitId);
    if (home) return { level: home.level, regionCode: home.regionCode };
    return { level: (levelOfRegion(knownRegion(fallbackRegion)) ?? '') as Level, regionCode: fallbackRegion };
  }
}

/** The item's published state at an instant (the last revision recorded by then). */
export function itemStateAt(item: ItemFact | undefined, at: string): ItemRevision | undefined {
  if (!item) return undefined;
  let state: ItemRevision | undefined;
  for (const revision of item.revisions) if (revision.at <= at) state = revision;
  return state;
}

/** The closest region the tree knows: the code itself, or its town or district (village codes are sampled). */
function knownRegion(code: string): string {
  if (!code) return '';
  if (findRegion(code)) return code;
  for (const length of [9, 6]) if (code.length > length && findRegion(code.slice(0, length))) return code.slice(0, length);
  return '';
}

/**
 * Computes every indicator of DOMAIN.md for a scope and period from the facts, as of an instant:
 * one row for the whole scope per indicator, plus a row per unit and per direct sub-region that
 * contributed. Pure: the same facts and query always give the same rows, in the same order. Working
 * days are counted with the holiday notices the facts hold (the history's, never a service's own).
 */
export function computeFigures(facts: Iterable<Fact>, query: FigureQuery): FigureRow[] {
  const asOf = query.asOf.toISOString();
  const { start, end } = periodInstants(query.period);
  const index = new FactIndex(facts, asOf);
  const scopeRegion = knownRegion(query.scope.regionCode) || query.scope.regionCode;
  /** Recorded inside the period, and by the as-of instant. */
  const inWindow = (at: string | null): at is string => at !== null && at >= start && at < end && at <= asOf;
  /** Recorded by the end of the period, and by the as-of instant. */
  const byCut = (at: string | null): at is string => at !== null && at < end && at <= asOf;
  const cut = end <= asOf ? new Date(Date.parse(end) - 1).toISOString() : asOf;
  const kindMatches = (kind: CatalogKindName | undefined) => !query.catalogKind || kind === query.catalogKind;

  const sums = new Map<string, { numerator: bigint; denominator: bigint }>();
  const add = (indicator: analytics.Indicator, unitId: string, home: { level: Level; regionCode: string }, numerator: number, denominator: number) => {
    if (query.scope.level && home.level !== query.scope.level) return;
    const region = knownRegion(home.regionCode);
    if (!region || !isWithinRegion(region, scopeRegion)) return;
    const keys = [`${indicator}||`];
    const child = childOf(region, scopeRegion);
    if (child) keys.push(`${indicator}|${child}|`);
    if (unitId) keys.push(`${indicator}||${unitId}`);
    for (const key of keys) {
      const sum = sums.get(key) ?? { numerator: 0n, denominator: 0n };
      sum.numerator += BigInt(numerator);
      sum.denominator += BigInt(denominator);
      sums.set(key, sum);
    }
  };

  // Catalog items in force at the end of the period (承诺时限压缩比, 即办件占比).
  for (const item of index.items.values()) {
    const state = itemStateAt(item, cut);
    if (!state?.active || !kindMatches(state.catalogKind)) continue;
    const home = index.homeOf(item.unitId, item.regionCode);
    if (state.statutoryLimitDays > 0 && state.committedLimitDays !== null) {
      add(I.COMMITTED_LIMIT_COMPRESSION, item.unitId, home, state.committedLimitDays, state.statutoryLimitDays);
    }
    add(I.IMMEDIATE_ITEM_SHARE, item.unitId, home, state.immediate ? 1 : 0, 1);
  }

  for (const fact of index.cases) {
    if (!kindMatches(itemStateAt(index.items.get(fact.itemId), cut)?.catalogKind)) continue;
    const home = index.homeOf(fact.unitId, fact.regionCode);
    const decidedAt = byCut(fact.decidedAt) ? fact.decidedAt : null;
    const overdueAt = byCut(fact.overdueAt) ? fact.overdueAt : null;
    const deadline = decidedAt ? deadlineAt(fact, decidedAt) : undefined;
    const decidedLate = decidedAt !== null && ((overdueAt !== null && overdueAt <= decidedAt) || (deadline !== undefined && toShanghaiDate(new Date(decidedAt)) > deadline));
    if (inWindow(decidedAt)) {
      if (fact.statutoryLimitDays > 0) add(I.ACTUAL_TIME_COMPRESSION, fact.unitId, home, fact.workingDaysUsed, fact.statutoryLimitDays);
      if (fact.immediate) add(I.ON_THE_SPOT_COMPLETION_RATE, fact.unitId, home, fact.decidedOnTheSpot ? 1 : 0, 1);
      add(I.ON_TIME_COMPLETION_RATE, fact.unitId, home, decidedLate ? 0 : 1, 1);
    }
    // 超期: counted once, when the deadline passed (the overdue event) or, failing one, at a late decision.
    const overdueSince = overdueAt ?? (decidedLate ? decidedAt : null);
    if (inWindow(overdueSince)) add(I.OVERDUE_CASES, fact.unitId, home, 1, 0);
    const firstRequest = fact.supplementRequests[0] ?? null;
    if (inWindow(firstRequest)) {
      const requests = fact.supplementRequests.filter((at) => byCut(at)).length;
      add(I.ONE_TIME_NOTIFICATION_RATE, fact.unitId, home, requests <= 1 ? 1 : 0, 1);
    }
  }

  // Same-year projects: the rate for the year the period ends in, up to the period's end.
  if (kindMatches('same_year_landing')) {
    const year = Number(query.period.endOn.slice(0, 4));
    for (const project of index.projects) {
      const home = { level: project.level, regionCode: project.regionCode };
      // 产业项目审批压缩率: industrial approval chains completed in the period.
      if (project.industrial && project.approvalChain && inWindow(project.approvalChain.at) && project.approvalChain.statutoryTotalDays > 0) {
        add(I.INDUSTRIAL_APPROVAL_COMPRESSION, project.unitId, home, project.approvalChain.elapsedDays, project.approvalChain.statutoryTotalDays);
      }
      if (project.listingYear !== year || byCut(project.delistedAt)) continue;
      const closed = project.yearClosed && byCut(project.yearClosed.at) ? project.yearClosed.outcome : null;
      if (byCut(project.excludedAt) || closed === 'excluded') continue;
      let target: ProjectFact['targets'][number]['target'] = '';
      for (const change of project.targets) if (change.at <= cut) target = change.target;
      const wanted = target === 'start_or_open' ? ['started', 'opened'] : ['completion_accepted'];
      const reached = project.milestones.some((m) => byCut(m.at) && wanted.includes(m.milestone) && m.reachedOn.startsWith(`${year}-`));
      const landed = closed === 'landed' || (closed === null && reached);
      const indicator = target === 'start_or_open' ? I.SAME_YEAR_START_RATE : target === 'completion_acceptance' ? I.SAME_YEAR_COMPLETION_RATE : null;
      if (indicator !== null) add(indicator, project.unitId, home, landed ? 1 : 0, 1);
    }
  }

  // 双随机: plans drawn in the period and the results published for them; results published in the period.
  if (!query.catalogKind) {
    const inspectedByPlan = new Map<string, number>();
    for (const inspection of index.inspections) {
      // A result comes after its plan's draw, so one of a plan drawn in the period is published in it or
      // later; counting only those keeps the figure a function of the facts with activity from the
      // period's start on, which is all a bulletin loads.
      if (inspection.inspected && byCut(inspection.publishedAt) && inspection.publishedAt >= start) {
        inspectedByPlan.set(inspection.planId, (inspectedByPlan.get(inspection.planId) ?? 0) + 1);
      }
      const plan = index.plans.get(inspection.planId);
      if (plan && inWindow(inspection.publishedAt)) {
        add(I.RESULT_PUBLICATION_TIMELINESS, '', plan, publishedInTime(index.calendar, inspection) ? 1 : 0, 1);
      }
    }
    for (const plan of index.plans.values()) {
      if (inWindow(plan.drawnAt)) add(I.INSPECTION_COVERAGE, '', plan, Math.min(inspectedByPlan.get(plan.planId) ?? 0, plan.drawnInspections), plan.drawnInspections);
    }
  }

  for (const rating of index.ratings) {
    if (!inWindow(rating.ratedAt) || !kindMatches(itemStateAt(index.items.get(rating.itemId), cut)?.catalogKind)) continue;
    const home = index.homeOf(rating.unitId);
    const good = rating.grade >= 1 && rating.grade <= LAST_GOOD_GRADE;
    add(I.GOOD_RATING_RATE, rating.unitId, home, good ? 1 : 0, 1);
    // 差评整改: the unit's answer (BadRatingAnswered: verified, fixed where justified, answered) by the cut.
    if (!good) add(I.BAD_RATING_RECTIFICATION_RATE, rating.unitId, home, byCut(rating.answeredAt) ? 1 : 0, 1);
  }

  return rowsOf(sums);
}

function rowsOf(sums: Map<string, { numerator: bigint; denominator: bigint }>): FigureRow[] {
  const rows: FigureRow[] = [];
  const forms = new Map<number, IndicatorDefinition['form']>(INDICATORS.map((d) => [d.indicator, d.form]));
  for (const definition of INDICATORS) {
    if (!sums.has(`${definition.indicator}||`)) sums.set(`${definition.indicator}||`, { numerator: 0n, denominator: 0n });
  }
  for (const [key, sum] of sums) {
    const [indicator, regionCode, unitId] = key.split('|');
    const form = forms.get(Number(indicator));
    rows.push({
      indicator: Number(indicator),
      unitId,
      regionCode,
      numerator: sum.numerator,
      denominator: form === 'count' ? 1n : sum.denominator,
      complement: form === 'complement',
    });
  }
  return rows.sort(compareRows);
}

export function compareRows(a: Pick<FigureRow, 'indicator' | 'regionCode' | 'unitId'>, b: Pick<FigureRow, 'indicator' | 'regionCode' | 'unitId'>): number {
  if (a.indicator !== b.indicator) return a.indicator - b.indicator;
  if (a.regionCode !== b.regionCode) return a.regionCode < b.regionCode ? -1 : 1;
  if (a.unitId !== b.unitId) return a.unitId < b.unitId ? -1 : 1;
  return 0;
}

/** The committed deadline in force when the case was decided. */
function deadlineAt(fact: CaseFact, at: string): string | undefined {
  let deadline: string | undefined;
  for (const change of fact.deadlines) if (change.at <= at) deadline = change.deadline;
  return deadline;
}

/** The direct sub-region of `scope` that contains `region`; undefined when region is the scope itself. */
function childOf(region: string, scope: string): string | undefined {
  let current = findRegion(region);
  while (current && current.parentCode !== scope) current = parentRegion(current.code);
  return current?.code;
}

/** Published within 20 working days of the inspection; a date the calendar cannot count is not in time. */
function publishedInTime(calendar: WorkingDayCalendar, inspection: InspectionFact): boolean {
  try {
    return calendar.countWorkingDays(inspection.inspectedOn, inspection.publishedOn) <= RESULT_PUBLICATION_LIMIT_DAYS;
  } catch {
    return false;
  }
}
