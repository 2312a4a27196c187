import { WorkingDayCalendar } from '@sangeyipi/platform';
import type { ApprovalChain, ApprovalRun, ApprovalState } from '../project/project.state';
import { assessChain, budgetOf } from './chain-assessment';

const calendar = new WorkingDayCalendar();

function approval(approvalId: string, stage: number, statutoryLimitDays: number, committedLimitDays: number, runs: Partial<ApprovalRun>[] = []): ApprovalState {
  return {
    approvalId,
    itemId: `item-${approvalId}`,
    itemName: approvalId,
    unitId: 'unit',
    stage,
    statutoryLimitDays,
    committedLimitDays,
    runs: runs.map((run, index) => ({ caseId: `${approvalId}-${index}`, receivedOn: '2025-11-03', acceptedOn: null, stops: [], committedDeadline: '', endedOn: null, outcome: null, ...run })),
  };
}

function chain(...approvals: ApprovalState[]): ApprovalChain {
  const statutoryTotalDays = approvals.reduce((sum, a) => sum + a.statutoryLimitDays, 0);
  return { approvals, statutoryTotalDays, budgetDays: budgetOf(statutoryTotalDays), flaggedOn: null, completedOn: null, meetings: [] };
}

describe('two thirds of the statutory time (压缩三分之一)', () => {
  it('allows two thirds, rounded down to whole working days', () => {
    expect(budgetOf(30)).toBe(20);
    expect(budgetOf(31)).toBe(20);
    expect(budgetOf(32)).toBe(21);
    expect(budgetOf(35)).toBe(23);
  });
});

// November 2025 has no public holiday: Mon 3 … Fri 7, Mon 10 … Fri 14, Mon 17 …
describe('the working days an approval chain has run', () => {
  it('counts days on which approvals ran in parallel (同步审批) once', () => {
    const parallel = chain(
      approval('A', 1, 20, 15, [{ acceptedOn: '2025-11-03', endedOn: '2025-11-14', outcome: 'approved' }]), // 9 working days
      approval('B', 1, 20, 15, [{ acceptedOn: '2025-11-03', endedOn: '2025-11-12', outcome: 'approved' }]), // 7, inside A's
    );
    expect(assessChain(parallel, '2025-11-20', calendar).elapsedDays).toBe(9);
  });

  it('adds stages that follow each other, and leaves out the gap in between (the enterprise had not applied)', () => {
    const serial = chain(
      approval('A', 1, 20, 15, [{ acceptedOn: '2025-11-03', endedOn: '2025-11-07', outcome: 'approved' }]), // Tue–Fri: 4
      approval('B', 2, 20, 15, [{ acceptedOn: '2025-11-12', endedOn: '2025-11-14', outcome: 'approved' }]), // Thu–Fri: 2
    );
    expect(assessChain(serial, '2025-11-20', calendar).elapsedDays).toBe(6);
  });

  it('leaves out the days a clock stood still (§45), and counts a running case up to today', () => {
    const stopped = chain(approval('A', 1, 20, 15, [{ acceptedOn: '2025-11-03', stops: [{ start: '2025-11-05', end: '2025-11-06' }] }]));
    // Tue 4, [Wed 5, Thu 6 stopped], Fri 7, Mon 10 → 3
    expect(assessChain(stopped, '2025-11-10', calendar).elapsedDays).toBe(3);
    const stillStopped = chain(approval('A', 1, 20, 15, [{ acceptedOn: '2025-11-03', stops: [{ start: '2025-11-05', end: null }] }]));
    expect(assessChain(stillStopped, '2025-11-10', calendar).elapsedDays).toBe(1);
  });
});

describe('the forecast and the risk flag', () => {
  it('adds the slowest open approval of each stage to the elapsed days', () => {
    const planned = chain(approval('A', 1, 20, 10), approval('B', 1, 20, 12), approval('C', 2, 10, 5));
    const assessment = assessChain(planned, '2025-11-03', calendar);
    expect(assessment).toMatchObject({ elapsedDays: 0, forecastDays: 17, budgetDays: 33, atRisk: false, complete: false, openApprovalIds: ['A', 'B', 'C'] });
  });

  it('is not at risk when the forecast equals two thirds, and is one day past it', () => {
    // statutory 30 → budget 20. Committed 15 + 5 = 20: exactly at the limit.
    expect(assessChain(chain(approval('A', 1, 20, 15), approval('B', 2, 10, 5)), '2025-11-03', calendar)).toMatchObject({ forecastDays: 20, atRisk: false });
    expect(assessChain(chain(approval('A', 1, 20, 16), approval('B', 2, 10, 5)), '2025-11-03', calendar)).toMatchObject({ forecastDays: 21, atRisk: true });
  });

  it('counts a running case by the working days left to its committed deadline, then by what is left of its statutory limit', () => {
    // Accepted Mon 3 Nov, committed 10 → deadline Mon 17 Nov; statutory 20.
    const running = (today: string) =>
      assessChain(chain(approval('A', 1, 20, 10, [{ acceptedOn: '2025-11-03', committedDeadline: '2025-11-17' }]), approval('B', 2, 10, 5)), today, calendar);
    expect(running('2025-11-10')).toMatchObject({ elapsedDays: 5, forecastDays: 5 + 5 + 5, atRisk: false });
    // On the deadline day it may still be decided in time: 10 + 0 + 5.
    expect(running('2025-11-17')).toMatchObject({ elapsedDays: 10, forecastDays: 15, atRisk: false });
    // The next working day it is late: 11 used, 20 − 11 = 9 left at most, + 5 → 25 > 20.
    expect(running('2025-11-18')).toMatchObject({ elapsedDays: 11, forecastDays: 25, atRisk: true });
  });

  it('counts a denied approval again in full: the project must apply anew', () => {
    const denied = chain(approval('A', 1, 20, 10, [{ acceptedOn: '2025-11-03', endedOn: '2025-11-13', outcome: 'denied' }]), approval('B', 2, 10, 5));
    expect(assessChain(denied, '2025-11-13', calendar)).toMatchObject({ elapsedDays: 8, forecastDays: 8 + 10 + 5, atRisk: true });
  });

  it('is complete when every approval has been granted', () => {
    const done = chain(approval('A', 1, 20, 10, [{ acceptedOn: '2025-11-03', endedOn: '2025-11-07', outcome: 'approved' }]));
    expect(assessChain(done, '2025-12-01', calendar)).toMatchObject({ complete: true, openApprovalIds: [], elapsedDays: 4, forecastDays: 4 });
  });
});
