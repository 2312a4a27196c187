import { analytics, catalog, common, projects, supervision } from '@sangeyipi/contracts';
import { FactFolder } from './fact-folder';
import { computeFigures, type FigureQuery, type FigureRow } from './figures';
import { HistoryBuilder } from './indicator-history.fixture';
import { parsePeriod, periodInstants } from './period';

const I = analytics.Indicator;
const DISTRICT = common.AdministrativeLevel.DISTRICT;

// Units: 黄浦区 (310101) unit U1, a 南京东路街道 (310101002) unit T1, and 徐汇区 (310104) unit X1,
// which lies outside every scope below.
function definition(kind: catalog.CatalogKind, statutory: number, committed: number | 'absent', immediate = false) {
  return {
    catalogKind: kind,
    completionMode: immediate ? catalog.CompletionMode.IMMEDIATE : kind === catalog.CatalogKind.ON_THE_SPOT ? catalog.CompletionMode.EARLY : 0,
    statutoryLimitDays: statutory,
    committedLimitDays: committed === 'absent' ? 0 : committed,
    committedLimitAbsent: committed === 'absent',
  };
}
const ON_THE_SPOT = catalog.CatalogKind.ON_THE_SPOT;

function history(): HistoryBuilder {
  const h = new HistoryBuilder();
  h.add('unit-U1', 'catalog.ServiceUnitRegistered', '2026-01-05', { unitId: 'U1', level: DISTRICT, regionCode: '310101' });
  h.add('unit-T1', 'catalog.ServiceUnitRegistered', '2026-01-05', { unitId: 'T1', level: common.AdministrativeLevel.TOWN, regionCode: '310101002' });
  h.add('unit-X1', 'catalog.ServiceUnitRegistered', '2026-01-05', { unitId: 'X1', level: DISTRICT, regionCode: '310104' });
  const item = (id: string, unitId: string, on: string, d: ReturnType<typeof definition>, region = '310101') =>
    h.add(`item-${id}`, 'catalog.CatalogItemPublished', on, { itemId: id, unitId, level: DISTRICT, regionCode: region, definition: d, revision: 1 });
  item('A', 'U1', '2026-09-01', definition(ON_THE_SPOT, 20, 0, true)); // immediate, statutory 20, committed 0
  item('B', 'U1', '2026-09-01', definition(ON_THE_SPOT, 20, 10)); // statutory 20, committed 10
  item('C', 'U1', '2026-09-01', definition(catalog.CatalogKind.ADVANCE_SERVICE, 0, 'absent')); // no limits
  item('D', 'U1', '2026-09-01', definition(ON_THE_SPOT, 30, 15)); // withdrawn in October
  h.add('item-D', 'catalog.CatalogItemWithdrawn', '2026-10-15', { itemId: 'D', unitId: 'U1', level: DISTRICT, regionCode: '310101', definition: definition(ON_THE_SPOT, 30, 15) });
  item('E', 'U1', '2026-11-03', definition(ON_THE_SPOT, 20, 5)); // published after October
  item('F', 'X1', '2026-09-01', definition(ON_THE_SPOT, 10, 5), '310104'); // another district

  const received = (id: string, itemId: string, on: string, immediate: boolean, unitId = 'U1') =>
    h.add(`case-${id}`, 'cases.CaseReceived', on, { caseId: id, itemId, unitId, immediate, statutoryLimitDays: 20, receivedOn: on });
  const decided = (id: string, on: string, used: number, onTheSpot = false) =>
    h.add(`case-${id}`, 'cases.CaseDecided', on, { caseId: id, workingDaysUsed: used, decidedOnTheSpot: onTheSpot });
  const accepted = (id: string, on: string, deadline: string) => h.add(`case-${id}`, 'cases.CaseAccepted', on, { caseId: id, committedDeadline: deadline, statutoryLimitDays: 20 });
  const supplement = (id: string, on: string, n: number) => h.add(`case-${id}`, 'cases.MaterialsSupplementRequested', on, { caseId: id, requestNumber: n });
  // c1: immediate, decided on the spot, 0 days used.
  received('c1', 'A', '2026-10-08', true);
  decided('c1', '2026-10-08', 0, true);
  // c2: immediate but decided the next day, 1 day used.
  received('c2', 'A', '2026-10-09', true);
  decided('c2', '2026-10-10', 1);
  // c3: one supplement request, decided before its deadline after 8 days.
  received('c3', 'B', '2026-10-09', false);
  supplement('c3', '2026-10-09', 1);
  accepted('c3', '2026-10-09', '2026-10-23');
  decided('c3', '2026-10-20', 8);
  // c4: two supplement requests, overdue on 10-26, decided on 10-28 after 14 days.
  received('c4', 'B', '2026-10-10', false);
  supplement('c4', '2026-10-10', 1);
  supplement('c4', '2026-10-12', 2);
  accepted('c4', '2026-10-12', '2026-10-24');
  h.add('case-c4', 'cases.CaseOverdue', '2026-10-26', { caseId: 'c4', unitId: 'U1', committedDeadline: '2026-10-24' });
  decided('c4', '2026-10-28', 14);
  // c5: decided in November; c6: decided in September; c7: another district.
  received('c5', 'B', '2026-10-20', false);
  accepted('c5', '2026-10-20', '2026-11-03');
  decided('c5', '2026-11-02', 9);
  received('c6', 'B', '2026-09-25', false);
  decided('c6', '2026-09-28', 2);
  received('c7', 'F', '2026-10-09', false, 'X1');
  decided('c7', '2026-10-12', 2);

  const listed = (id: string, target: projects.LandingTarget, year = 2026, industrial = false) =>
    h.add(`project-${id}`, 'projects.ProjectListed', '2026-03-01', { projectId: id, unitId: 'U1', level: DISTRICT, regionCode: '310101', target, listingYear: year, industrial });
  const START = projects.LandingTarget.START_OR_OPEN;
  const COMPLETION = projects.LandingTarget.COMPLETION_ACCEPTANCE;
  listed('P1', START);
  h.add('project-P1', 'projects.MilestoneReached', '2026-05-10', { projectId: 'P1', milestone: projects.Milestone.CONSTRUCTION_STARTED, reachedOn: '2026-05-10' });
  listed('P2', START); // not started
  listed('P3', START);
  h.add('project-P3', 'projects.ProjectExcluded', '2026-06-01', { projectId: 'P3', reason: projects.ExclusionReason.POLICY_CHANGE });
  listed('P4', COMPLETION);
  h.add('project-P4', 'projects.MilestoneReached', '2026-10-20', { projectId: 'P4', milestone: projects.Milestone.COMPLETION_ACCEPTED, reachedOn: '2026-10-20' });
  listed('P5', COMPLETION);
  h.add('project-P5', 'projects.MilestoneReached', '2026-11-05', { projectId: 'P5', milestone: projects.Milestone.COMPLETION_ACCEPTED, reachedOn: '2026-11-05' });
  listed('P6', START, 2025); // last year's catalog
  listed('P9', START);
  h.add('project-P9', 'projects.ProjectDelisted', '2026-07-01', { projectId: 'P9', listingYear: 2026 }); // left the list
  listed('P10', COMPLETION); // its target became 开工开业, and it started
  h.add('project-P10', 'projects.ProjectTargetChanged', '2026-09-01', { projectId: 'P10', previousTarget: COMPLETION, target: START });
  h.add('project-P10', 'projects.MilestoneReached', '2026-09-10', { projectId: 'P10', milestone: projects.Milestone.CONSTRUCTION_STARTED, reachedOn: '2026-09-10' });
  // Industrial approval chains: P11 completed in October after 40 of 90 statutory working days, P12 in September.
  listed('P11', START, 2026, true);
  h.add('project-P11', 'projects.IndustrialApprovalChainCompleted', '2026-10-16', { projectId: 'P11', statutoryTotalDays: 90, elapsedDays: 40, withinTwoThirds: true });
  listed('P12', START, 2026, true);
  h.add('project-P12', 'projects.IndustrialApprovalChainCompleted', '2026-09-16', { projectId: 'P12', statutoryTotalDays: 60, elapsedDays: 50 });

  // PL0 drawn in September; PL1 drawn in October with three inspections.
  h.add('plan-PL0', 'supervision.InspectionPlanned', '2026-08-20', { planId: 'PL0', level: DISTRICT, regionCode: '310101' });
  h.add('plan-PL0', 'supervision.InspectionDrawn', '2026-08-25', { planId: 'PL0', inspections: [{ inspectionId: 'I4' }] });
  h.add('plan-PL1', 'supervision.InspectionPlanned', '2026-10-01', { planId: 'PL1', level: DISTRICT, regionCode: '310101' });
  h.add('plan-PL1', 'supervision.InspectionDrawn', '2026-10-05', { planId: 'PL1', inspections: [{ inspectionId: 'I1' }, { inspectionId: 'I2' }, { inspectionId: 'I3' }] });
  const result = (id: string, planId: string, outcome: supervision.InspectionOutcome, inspectedOn: string, publishedOn: string) =>
    h.add(`inspection-${id}`, 'supervision.InspectionResultPublished', publishedOn, { inspectionId: id, planId, outcome, inspectedOn, publishedOn });
  result('I1', 'PL1', supervision.InspectionOutcome.COMPLIANT, '2026-10-09', '2026-10-15'); // in time
  result('I2', 'PL1', supervision.InspectionOutcome.NOT_INSPECTED, '2026-10-09', '2026-10-20'); // in time, not inspected
  result('I4', 'PL0', supervision.InspectionOutcome.NON_COMPLIANT, '2026-09-01', '2026-10-20'); // over 20 working days later

  const rated = (id: string, unitId: string, grade: supervision.RatingGrade, on: string) =>
    h.add(`rating-${id}`, 'supervision.CaseRated', on, { ratingId: id, caseId: 'c1', itemId: 'A', unitId, grade });
  rated('R1', 'U1', supervision.RatingGrade.VERY_SATISFIED, '2026-10-09');
  rated('R2', 'U1', supervision.RatingGrade.SATISFIED, '2026-10-11');
  rated('R3', 'U1', supervision.RatingGrade.BASICALLY_SATISFIED, '2026-10-12');
  rated('R4', 'U1', supervision.RatingGrade.DISSATISFIED, '2026-10-13');
  h.add('rating-R4', 'supervision.BadRatingAnswered', '2026-10-20', { ratingId: 'R4', unitId: 'U1', justified: true, fix: '窗口补充告知' });
  rated('R5', 'U1', supervision.RatingGrade.VERY_DISSATISFIED, '2026-11-01'); // after October
  rated('R6', 'T1', supervision.RatingGrade.DISSATISFIED, '2026-10-14'); // the town unit
  return h;
}

const OCTOBER: FigureQuery = {
  scope: { level: 'district', regionCode: '310101' },
  period: parsePeriod('month', '2026-10'),
  asOf: new Date('2026-11-30T00:00:00+08:00'),
};

function figures(query: FigureQuery = OCTOBER): FigureRow[] {
  const folder = new FactFolder();
  for (const event of history().events) folder.add(event);
  return computeFigures(folder.facts.values(), query);
}

/** The whole scope's figure: [numerator, denominator]. */
function overall(rows: FigureRow[], indicator: analytics.Indicator): [number, number] {
  const row = rows.find((r) => r.indicator === indicator && !r.unitId && !r.regionCode);
  if (!row) throw new Error(`no overall row for indicator ${indicator}`);
  return [Number(row.numerator), Number(row.denominator)];
}

describe('indicators of 黄浦区 in October 2026, on a hand-computed history', () => {
  const rows = figures();

  it('承诺时限压缩比 = 1 − Σ committed / Σ statutory over items in force with both limits: A 0/20, B 10/20', () => {
    // D was withdrawn on 10-15, E published in November, C has no limits, F is in 徐汇.
    expect(overall(rows, I.COMMITTED_LIMIT_COMPRESSION)).toEqual([10, 40]);
    expect(rows.find((r) => r.indicator === I.COMMITTED_LIMIT_COMPRESSION && !r.unitId)?.complement).toBe(true);
  });

  it('即办件占比 = immediate items / items in force: A of A, B, C', () => {
    expect(overall(rows, I.IMMEDIATE_ITEM_SHARE)).toEqual([1, 3]);
  });

  it('实际办理压缩比 = 1 − Σ days used / Σ statutory over cases decided in October: c1..c4 used 0+1+8+14 of 4×20', () => {
    expect(overall(rows, I.ACTUAL_TIME_COMPRESSION)).toEqual([23, 80]);
  });

  it('当场办结率 = decided on the spot / decided cases of immediate items: c1 of c1, c2', () => {
    expect(overall(rows, I.ON_THE_SPOT_COMPLETION_RATE)).toEqual([1, 2]);
  });

  it('按期办结率 = decided by the committed deadline / decided: all but c4', () => {
    expect(overall(rows, I.ON_TIME_COMPLETION_RATE)).toEqual([3, 4]);
  });

  it('超期件数 counts c4, overdue on 10-26', () => {
    expect(overall(rows, I.OVERDUE_CASES)).toEqual([1, 1]);
  });

  it('一次告知率 = cases with at most one supplement request / cases with any: c3 of c3, c4', () => {
    expect(overall(rows, I.ONE_TIME_NOTIFICATION_RATE)).toEqual([1, 2]);
  });

  it('当年开工开业率 = started or opened / listed for 2026: P1, P10 of P1, P2, P10, P11, P12 (P3 excluded, P6 of 2025, P9 delisted)', () => {
    // P10's target changed from 竣工验收 to 开工开业 before it started; P11 and P12 have not started.
    expect(overall(rows, I.SAME_YEAR_START_RATE)).toEqual([2, 5]);
  });

  it('当年竣工验收率 = accepted / listed: P4 of P4, P5 (P5 accepted only in November)', () => {
    expect(overall(rows, I.SAME_YEAR_COMPLETION_RATE)).toEqual([1, 2]);
  });

  it('双随机覆盖率 = inspected / drawn in October: I1 of I1, I2, I3 (I2 could not be inspected, I3 has no result)', () => {
    expect(overall(rows, I.INSPECTION_COVERAGE)).toEqual([1, 3]);
  });

  it('结果公示及时率 = results published within 20 working days / results published in October: I1, I2 of I1, I2, I4', () => {
    expect(overall(rows, I.RESULT_PUBLICATION_TIMELINESS)).toEqual([2, 3]);
  });

  it('好评率 = 非常满意, 满意 or 基本满意 / ratings in October of district units: R1..R3 of R1..R4', () => {
    expect(overall(rows, I.GOOD_RATING_RATE)).toEqual([3, 4]);
  });

  it('差评整改率 = bad ratings the unit answered / bad ratings: R4, answered on 10-20', () => {
    expect(overall(rows, I.BAD_RATING_RECTIFICATION_RATE)).toEqual([1, 1]);
  });

  it('产业项目审批压缩率 = 1 − Σ working days taken / Σ statutory over chains completed in October: P11 40 of 90', () => {
    expect(overall(rows, I.INDUSTRIAL_APPROVAL_COMPRESSION)).toEqual([40, 90]);
  });

  it('gives each unit its own row', () => {
    const unitRow = rows.find((r) => r.indicator === I.ON_TIME_COMPLETION_RATE && r.unitId === 'U1');
    expect([unitRow?.numerator, unitRow?.denominator]).toEqual([3n, 4n]);
    expect(rows.some((r) => r.unitId === 'X1' || r.unitId === 'T1')).toBe(false);
  });
});

describe('scopes, periods and the as-of instant', () => {
  it('rolls a town unit up into its district when the scope takes every level, with a row for the town', () => {
    const rows = figures({ ...OCTOBER, scope: { level: '', regionCode: '310101' } });
    expect(overall(rows, I.GOOD_RATING_RATE)).toEqual([3, 5]);
    expect(overall(rows, I.BAD_RATING_RECTIFICATION_RATE)).toEqual([1, 2]); // R6 of the town is not answered
    const town = rows.find((r) => r.indicator === I.GOOD_RATING_RATE && r.regionCode === '310101002');
    expect([town?.numerator, town?.denominator]).toEqual([0n, 1n]);
  });

  it('rolls districts up into the city, with a row per district', () => {
    const rows = figures({ ...OCTOBER, scope: { level: 'district', regionCode: '310000' } });
    expect(overall(rows, I.ON_TIME_COMPLETION_RATE)).toEqual([4, 5]); // c1..c4 of 黄浦 (c4 late) and c7 of 徐汇
    const xuhui = rows.find((r) => r.indicator === I.ON_TIME_COMPLETION_RATE && r.regionCode === '310104');
    expect([xuhui?.numerator, xuhui?.denominator]).toEqual([1n, 1n]);
  });

  it('takes figures as of an earlier instant from the same facts: on 10-15 at 08:00 only c1, c2 were decided', () => {
    const rows = figures({ ...OCTOBER, asOf: new Date('2026-10-15T08:00:00+08:00') });
    expect(overall(rows, I.ON_TIME_COMPLETION_RATE)).toEqual([2, 2]);
    expect(overall(rows, I.OVERDUE_CASES)).toEqual([0, 1]);
    expect(overall(rows, I.IMMEDIATE_ITEM_SHARE)).toEqual([1, 4]); // D not yet withdrawn
    expect(overall(rows, I.BAD_RATING_RECTIFICATION_RATE)).toEqual([0, 1]); // R4 not yet answered
  });

  it('counts a quarter as its three months and a year as its days', () => {
    const q4 = figures({ ...OCTOBER, period: parsePeriod('quarter', '2026-Q4') });
    expect(overall(q4, I.ON_TIME_COMPLETION_RATE)).toEqual([4, 5]); // c1..c5 (c5 in November), c4 late
    const year = figures({ ...OCTOBER, period: parsePeriod('year', '2026') });
    expect(overall(year, I.ON_TIME_COMPLETION_RATE)).toEqual([5, 6]); // and c6 in September
    const day = figures({ ...OCTOBER, period: parsePeriod('day', '2026-10-08') });
    expect(overall(day, I.ON_THE_SPOT_COMPLETION_RATE)).toEqual([1, 1]);
  });

  it('narrows to one catalog kind', () => {
    const rows = figures({ ...OCTOBER, catalogKind: 'advance_service' });
    expect(overall(rows, I.IMMEDIATE_ITEM_SHARE)).toEqual([0, 1]);
    expect(overall(rows, I.ON_TIME_COMPLETION_RATE)).toEqual([0, 0]);
  });
});

describe('what a bulletin loads', () => {
  it('gives the same figures from the facts with activity since the period began (plus every unit, item, project and plan) as from all facts', () => {
    const folder = new FactFolder();
    for (const event of history().events) folder.add(event);
    const all = [...folder.facts.values()];
    for (const period of [parsePeriod('month', '2026-10'), parsePeriod('month', '2026-11'), parsePeriod('day', '2026-10-20'), parsePeriod('quarter', '2026-Q4')]) {
      const query = { ...OCTOBER, period };
      const { start } = periodInstants(period);
      // The rule of IndicatorFactStore.snapshotFor.
      const loaded = all.filter((fact) => ['unit', 'item', 'project', 'plan', 'calendar'].includes(fact.kind) || fact.lastAt >= start);
      expect(loaded.length).toBeLessThan(all.length);
      expect(computeFigures(loaded, query)).toEqual(computeFigures(all, query));
    }
  });

  describe('working days counted with the holiday notices of the history', () => {
    // Inspected Monday 2026-12-21, published Monday 2027-01-18: 19 working days if 1–3 January 2027 are
    // holidays; uncountable (so not in time) while nothing covers 2027.
    function january(notice: 'none' | 'before' | 'after'): [number, number] {
      const h = new HistoryBuilder();
      h.add('plan-PL9', 'supervision.InspectionPlanned', '2026-12-01', { planId: 'PL9', level: DISTRICT, regionCode: '310101' });
      h.add('plan-PL9', 'supervision.InspectionDrawn', '2026-12-02', { planId: 'PL9', inspections: [{ inspectionId: 'I9' }] });
      h.add('inspection-I9', 'supervision.InspectionResultPublished', '2027-01-18', {
        inspectionId: 'I9',
        planId: 'PL9',
        outcome: supervision.InspectionOutcome.COMPLIANT,
        inspectedOn: '2026-12-21',
        publishedOn: '2027-01-18',
      });
      if (notice !== 'none') {
        // A test arrangement, not the State Council's.
        h.add('holiday-calendar', 'catalog.HolidayNoticeEntered', notice === 'before' ? '2026-12-01' : '2027-02-02', {
          year: 2027,
          noticeNumber: '测试通知〔2026〕1号',
          restDays: ['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => ({ date, holiday: '元旦' })),
        });
      }
      const folder = new FactFolder();
      for (const event of h.events) folder.add(event);
      const query = { scope: { level: 'district' as const, regionCode: '310101' }, period: parsePeriod('month', '2027-01'), asOf: new Date('2027-02-01T00:00:00+08:00') };
      return overall(computeFigures(folder.facts.values(), query), I.RESULT_PUBLICATION_TIMELINESS);
    }

    it('counts into a year the package lacks once a notice for it was recorded by the as-of instant', () => {
      expect(january('before')).toEqual([1, 1]);
    });

    it('does not count what it cannot know: without a notice, or with one recorded later', () => {
      expect(january('none')).toEqual([0, 1]);
      expect(january('after')).toEqual([0, 1]);
    });
  });
});
