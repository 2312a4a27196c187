import { common } from '@sangeyipi/contracts';
import type { FoldableEvent } from './fact.types';
import { FactFolder } from './fact-folder';
import { HistoryBuilder, noon } from './indicator-history.fixture';

function twoStreams(): FoldableEvent[] {
  return new HistoryBuilder()
    .add('case-1', 'cases.CaseReceived', '2026-10-08', { caseId: '1', unitId: 'U1', itemId: 'A', statutoryLimitDays: 20 })
    .add('case-2', 'cases.CaseReceived', '2026-10-08', { caseId: '2', unitId: 'U1', itemId: 'A', statutoryLimitDays: 20 })
    .add('case-1', 'cases.CaseAccepted', '2026-10-09', { caseId: '1', committedDeadline: '2026-10-20' })
    .add('item-A', 'catalog.CatalogItemPublished', '2026-09-01', { itemId: 'A', unitId: 'U1', level: common.AdministrativeLevel.DISTRICT, regionCode: '310101' })
    .add('case-2', 'cases.CaseDecided', '2026-10-10', { caseId: '2', workingDaysUsed: 2 })
    .add('case-1', 'cases.CaseDecided', '2026-10-12', { caseId: '1', workingDaysUsed: 3 }).events;
}

function fold(events: readonly FoldableEvent[]): FactFolder {
  const folder = new FactFolder();
  for (const event of events) folder.add(event);
  return folder;
}

describe('folding events into per-stream facts', () => {
  it('reaches the same facts whatever the interleaving of streams (as two consumers of different partitions would)', () => {
    const events = twoStreams();
    const byStream = [...events].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : a.streamVersion - b.streamVersion));
    expect([...fold(byStream).facts.entries()].sort()).toEqual([...fold(events).facts.entries()].sort());
  });

  it('leaves a fact unchanged by a repeated event (the relay publishes at least once)', () => {
    const events = twoStreams();
    const once = fold(events);
    const twice = fold([...events, events[2], events[0]]);
    expect([...twice.facts.entries()].sort()).toEqual([...once.facts.entries()].sort());
    expect(twice.counts.repeats).toBe(2);
  });

  it('stamps every change with its instant and keeps the case stream\'s own facts only', () => {
    const fact = fold(twoStreams()).facts.get('cases/case-1');
    expect(fact).toMatchObject({
      kind: 'case',
      unitId: 'U1',
      receivedAt: noon('2026-10-08').toISOString(),
      deadlines: [{ at: noon('2026-10-09').toISOString(), deadline: '2026-10-20' }],
      decidedAt: noon('2026-10-12').toISOString(),
      workingDaysUsed: 3,
      version: 3,
    });
  });

  it('ignores, and counts, types that feed no indicator and types it does not know', () => {
    const folder = fold([
      ...new HistoryBuilder().add('case-3', 'cases.StepCompleted', '2026-10-08', { caseId: '3' }).events,
      { type: 'cases.SomethingNew', data: {}, streamId: 'case-3', streamVersion: 2, recordedAt: noon('2026-10-09'), regionCode: '' },
    ]);
    expect(folder.facts.size).toBe(0);
    expect(folder.counts).toEqual({ folded: 0, repeats: 0, ignored: 2 });
  });

  it('changes a fact in place, but starts it anew on an event that starts it (a project listed again loses its milestones)', () => {
    const folder = fold(
      new HistoryBuilder()
        .add('project-P1', 'projects.ProjectListed', '2026-03-01', { projectId: 'P1', unitId: 'U1', listingYear: 2026, target: 1 })
        .add('project-P1', 'projects.MilestoneReached', '2026-04-01', { projectId: 'P1', milestone: 1, reachedOn: '2026-04-01' }).events,
    );
    const listed = folder.facts.get('projects/project-P1');
    expect(listed).toMatchObject({ milestones: [{ milestone: 'started' }], version: 2, firstAt: noon('2026-03-01').toISOString() });
    const relisting = new HistoryBuilder().add('project-P1', 'projects.ProjectListed', '2026-05-01', { projectId: 'P1', unitId: 'U2', listingYear: 2026, target: 1 }).events[0];
    const relisted = folder.add({ ...relisting, streamVersion: 3 });
    expect(relisted).not.toBe(listed);
    expect(relisted).toMatchObject({ unitId: 'U2', milestones: [], version: 3, firstAt: noon('2026-03-01').toISOString(), lastAt: noon('2026-05-01').toISOString() });
    expect(folder.add(new HistoryBuilder().add('project-P1', 'projects.ProjectExcluded', '2026-06-01', { projectId: 'P1' }).events[0])).toBeUndefined(); // a repeat (version 1)
  });
});
