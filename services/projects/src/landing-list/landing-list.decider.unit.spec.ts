import { RulesViolated, StateConflict } from '../shared/projects.errors';
import { refusal } from '../project/project.examples';
import type { LandingListRef } from '../project/project.decider';
import { decideLandingList, evolveLandingList, initialLandingListState, landingListStreamId, type LandingListState } from './landing-list.decider';

const list: LandingListRef = { level: 'ADMINISTRATIVE_LEVEL_DISTRICT', regionCode: '310115', listingYear: 2025 };
const publish = (projectIds: string[], state: LandingListState) => decideLandingList({ type: 'PublishBatch', data: { list, batchId: 'b', title: '第一批', projectIds, publishedOn: '2025-09-26' } }, state);

describe('a same-year landing list', () => {
  it('has one stream per level, region and year', () => {
    expect(landingListStreamId(list)).toBe('landing-list-ADMINISTRATIVE_LEVEL_DISTRICT-310115-2025');
  });

  it('numbers its batches 1, 2, … and collects their projects', () => {
    const first = publish(['p1', 'p2'], initialLandingListState());
    expect(first[0].data).toMatchObject({ batchNumber: 1, projectIds: ['p1', 'p2'] });
    const after = first.reduce(evolveLandingList, initialLandingListState());
    const second = publish(['p3'], after);
    expect(second[0].data).toMatchObject({ batchNumber: 2 });
    expect(second.reduce(evolveLandingList, after).projectIds).toEqual(['p1', 'p2', 'p3']);
  });

  it('refuses an empty batch and a project named twice', () => {
    expect((refusal(() => publish([], initialLandingListState())) as RulesViolated).violations[0].rule).toBe('at-least-one-project');
    expect((refusal(() => publish(['p1', 'p1'], initialLandingListState())) as RulesViolated).violations[0]).toMatchObject({ field: 'projectIds[1]', rule: 'distinct-projects' });
  });

  it('counts the outcomes when the year closes, and takes no batch afterwards', () => {
    const [closed] = decideLandingList(
      { type: 'RecordYearClosed', data: { list, outcomes: ['YEAR_OUTCOME_LANDED', 'YEAR_OUTCOME_MISSED', 'YEAR_OUTCOME_EXCLUDED', 'YEAR_OUTCOME_LANDED'], closedOn: '2026-01-05' } },
      initialLandingListState(),
    );
    expect(closed.data).toMatchObject({ listed: 4, landed: 2, missed: 1, excluded: 1, closedOn: '2026-01-05' });
    expect((refusal(() => publish(['p9'], evolveLandingList(initialLandingListState(), closed))) as StateConflict).code).toBe('year-closed');
  });
});
