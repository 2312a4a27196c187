import { catalog, common, projects, supervision } from '@sangeyipi/contracts';
import type { SourceService } from './analytics-test-kit';

const DISTRICT = common.AdministrativeLevel.DISTRICT;

export interface Sources {
  catalog: SourceService;
  cases: SourceService;
  projects: SourceService;
  supervision: SourceService;
}

const item = (kind: catalog.CatalogKind, statutory: number, committed: number, immediate = false) => ({
  name: '事项',
  catalogKind: kind,
  completionMode: immediate ? catalog.CompletionMode.IMMEDIATE : catalog.CompletionMode.EARLY,
  statutoryLimitDays: statutory,
  committedLimitDays: committed,
});

/**
 * October 2026 in 黄浦区, across the four contexts analytics folds (figures worked out in the test):
 * items A (immediate, 20/0) and B (20/10) of unit U1; cases c1 (on the spot), c2 (immediate, a day
 * later), c3 (one supplement request, in time), c4 (two requests, overdue, late); two good ratings
 * and one bad; project P1 started, P2 not; plan PL1 drew two targets, one inspected and published in time.
 */
export async function appendOctober({ catalog: cat, cases, projects: proj, supervision: sup }: Sources): Promise<void> {
  await cat.append('service-unit-U1', 'catalog.ServiceUnitRegistered', '2026-01-05', { unitId: 'U1', name: '黄浦区市场监督管理局', level: DISTRICT, regionCode: '310101' });
  await cat.append('service-unit-U2', 'catalog.ServiceUnitRegistered', '2026-01-05', { unitId: 'U2', name: '黄浦区人力资源和社会保障局', level: DISTRICT, regionCode: '310101' });
  for (const [id, unitId, definition] of [
    ['A', 'U1', item(catalog.CatalogKind.ON_THE_SPOT, 20, 0, true)],
    ['B', 'U1', item(catalog.CatalogKind.ON_THE_SPOT, 20, 10)],
    ['C', 'U2', item(catalog.CatalogKind.ON_THE_SPOT, 10, 5)],
  ] as const) {
    await cat.append(`catalog-item-${id}`, 'catalog.CatalogItemDrafted', '2026-08-20', { itemId: id, unitId, level: DISTRICT, regionCode: '310101', definition });
    await cat.append(`catalog-item-${id}`, 'catalog.CatalogItemPublished', '2026-09-01', { itemId: id, unitId, level: DISTRICT, regionCode: '310101', definition, revision: 1 });
  }

  const received = (id: string, itemId: string, on: string, immediate: boolean, unitId = 'U1') =>
    cases.append(`case-${id}`, 'cases.CaseReceived', on, { caseId: id, itemId, unitId, immediate, statutoryLimitDays: 20, receivedOn: on });
  const decided = (id: string, on: string, used: number, onTheSpot = false) =>
    cases.append(`case-${id}`, 'cases.CaseDecided', on, { caseId: id, decision: 1, workingDaysUsed: used, decidedOnTheSpot: onTheSpot });
  await received('c1', 'A', '2026-10-08', true);
  await decided('c1', '2026-10-08', 0, true);
  await received('c2', 'A', '2026-10-09', true);
  await cases.append('case-c2', 'cases.StepCompleted', '2026-10-09', { caseId: 'c2', step: common.ApprovalStep.HANDLE }); // feeds no indicator
  await decided('c2', '2026-10-10', 1);
  await received('c3', 'B', '2026-10-09', false);
  await cases.append('case-c3', 'cases.MaterialsSupplementRequested', '2026-10-09', { caseId: 'c3', requestNumber: 1 });
  await cases.append('case-c3', 'cases.CaseAccepted', '2026-10-09', { caseId: 'c3', committedDeadline: '2026-10-23', statutoryLimitDays: 20 });
  await decided('c3', '2026-10-20', 8);
  await received('c4', 'B', '2026-10-10', false);
  await cases.append('case-c4', 'cases.MaterialsSupplementRequested', '2026-10-10', { caseId: 'c4', requestNumber: 1 });
  await cases.append('case-c4', 'cases.MaterialsSupplementRequested', '2026-10-12', { caseId: 'c4', requestNumber: 2 });
  await cases.append('case-c4', 'cases.CaseAccepted', '2026-10-12', { caseId: 'c4', committedDeadline: '2026-10-24', statutoryLimitDays: 20 });
  await cases.append('case-c4', 'cases.CaseOverdue', '2026-10-26', { caseId: 'c4', unitId: 'U1', committedDeadline: '2026-10-24' });
  await decided('c4', '2026-10-28', 14);
  await received('c5', 'C', '2026-10-15', false, 'U2');
  await decided('c5', '2026-10-16', 1);

  const rated = (id: string, unitId: string, caseId: string, grade: supervision.RatingGrade, on: string) =>
    sup.append(`rating-${id}`, 'supervision.CaseRated', on, { ratingId: id, caseId, itemId: 'A', unitId, grade });
  await rated('R1', 'U1', 'c1', supervision.RatingGrade.VERY_SATISFIED, '2026-10-09');
  await rated('R2', 'U1', 'c2', supervision.RatingGrade.SATISFIED, '2026-10-11');
  await rated('R3', 'U1', 'c3', supervision.RatingGrade.DISSATISFIED, '2026-10-21');
  await sup.append('plan-PL1', 'supervision.InspectionPlanned', '2026-10-01', { planId: 'PL1', level: DISTRICT, regionCode: '310101' });
  await sup.append('plan-PL1', 'supervision.InspectionDrawn', '2026-10-05', { planId: 'PL1', inspections: [{ inspectionId: 'I1' }, { inspectionId: 'I2' }] });
  await sup.append('inspection-I1', 'supervision.InspectionResultPublished', '2026-10-15', {
    inspectionId: 'I1',
    planId: 'PL1',
    outcome: supervision.InspectionOutcome.COMPLIANT,
    inspectedOn: '2026-10-09',
    publishedOn: '2026-10-15',
  });

  await proj.append('project-P1', 'projects.ProjectListed', '2026-03-01', { projectId: 'P1', unitId: 'U1', level: DISTRICT, regionCode: '310101', target: projects.LandingTarget.START_OR_OPEN, listingYear: 2026 });
  await proj.append('project-P1', 'projects.MilestoneReached', '2026-10-12', { projectId: 'P1', milestone: projects.Milestone.CONSTRUCTION_STARTED, reachedOn: '2026-10-12' });
  await proj.append('project-P2', 'projects.ProjectListed', '2026-03-01', { projectId: 'P2', unitId: 'U1', level: DISTRICT, regionCode: '310101', target: projects.LandingTarget.START_OR_OPEN, listingYear: 2026 });
}

/** November: more cases and ratings, all recorded after October's bulletin was published. */
export async function appendNovember({ cases, supervision: sup }: Sources): Promise<void> {
  await cases.append('case-c6', 'cases.CaseReceived', '2026-11-03', { caseId: 'c6', itemId: 'B', unitId: 'U1', statutoryLimitDays: 20, receivedOn: '2026-11-03' });
  await cases.append('case-c6', 'cases.CaseDecided', '2026-11-05', { caseId: 'c6', decision: 1, workingDaysUsed: 2 });
  await sup.append('rating-R4', 'supervision.CaseRated', '2026-11-06', { ratingId: 'R4', caseId: 'c6', itemId: 'B', unitId: 'U1', grade: supervision.RatingGrade.VERY_DISSATISFIED });
}
