import { addDays as addCalendarDays } from '../shared/calendar-days';
import type { ApprovalChain, ApprovalRun, ApprovalState } from '../project/project.state';

/** The working-day arithmetic the assessment needs (WorkingDayCalendar provides it). */
export interface WorkingDays {
  /** Working days in (from, to]: `from` not counted, `to` counted. */
  countWorkingDays(from: string, to: string): number;
}

/** 压缩三分之一: an industrial project's approvals may take at most two thirds of the statutory time. */
export function budgetOf(statutoryTotalDays: number): number {
  return Math.floor((statutoryTotalDays * 2) / 3);
}

export interface ChainAssessment {
  statutoryTotalDays: number;
  budgetDays: number;
  /** Working days on which at least one approval's clock ran (parallel approvals count once). */
  elapsedDays: number;
  /** Elapsed plus what the open approvals will take, stage after stage, at their committed limits. */
  forecastDays: number;
  /** forecast > budget: the chain will not finish within two thirds of the statutory time. */
  atRisk: boolean;
  openApprovalIds: string[];
  complete: boolean;
}

type DayRange = [first: string, last: string];

/** The days a run's clock ran, up to `today` while it is open: from the day after acceptance, minus stops. */
function runningDays(run: ApprovalRun, today: string): DayRange[] {
  if (run.acceptedOn === null) return [];
  const end = run.endedOn ?? today;
  let ranges: DayRange[] = [[addCalendarDays(run.acceptedOn, 1), end]];
  for (const stop of run.stops) {
    const stopEnd = stop.end ?? end;
    ranges = ranges.flatMap(([first, last]): DayRange[] => {
      if (stopEnd < first || stop.start > last) return [[first, last]];
      const kept: DayRange[] = [];
      if (stop.start > first) kept.push([first, addCalendarDays(stop.start, -1)]);
      if (stopEnd < last) kept.push([addCalendarDays(stopEnd, 1), last]);
      return kept;
    });
  }
  return ranges.filter(([first, last]) => first <= last);
}

function workingDaysIn(ranges: DayRange[], calendar: WorkingDays): number {
  return ranges.reduce((sum, [first, last]) => sum + calendar.countWorkingDays(addCalendarDays(first, -1), last), 0);
}

/** Joins overlapping and adjacent ranges, so that a day two approvals share is counted once. */
function union(ranges: DayRange[]): DayRange[] {
  const sorted = [...ranges].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const merged: DayRange[] = [];
  for (const [first, last] of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && first <= addCalendarDays(previous[1], 1)) {
      if (last > previous[1]) previous[1] = last;
    } else merged.push([first, last]);
  }
  return merged;
}

export function isApproved(approval: ApprovalState): boolean {
  return approval.runs.some((run) => run.outcome === 'approved');
}

/**
 * What an open approval still needs, in working days: a running case its days to the committed deadline;
 * past the deadline, what is left of its statutory limit (at least one day, as it is not decided yet);
 * an approval not yet accepted (or to apply for again after a denial) its whole committed limit.
 */
function remainingDays(approval: ApprovalState, today: string, calendar: WorkingDays): number {
  const run = approval.runs[approval.runs.length - 1];
  if (!run || run.endedOn !== null || run.acceptedOn === null) return approval.committedLimitDays;
  if (run.committedDeadline && today <= run.committedDeadline) return calendar.countWorkingDays(today, run.committedDeadline);
  const used = workingDaysIn(runningDays(run, today), calendar);
  return Math.max(1, approval.statutoryLimitDays - used);
}

/** The chain as of `today`: elapsed and forecast working days against two thirds of the statutory total. */
export function assessChain(chain: ApprovalChain, today: string, calendar: WorkingDays): ChainAssessment {
  const elapsedDays = workingDaysIn(
    union(chain.approvals.flatMap((approval) => approval.runs.flatMap((run) => runningDays(run, today)))),
    calendar,
  );
  const open = chain.approvals.filter((approval) => !isApproved(approval));
  // Stages follow each other; inside a stage the approvals run at once, so the slowest one counts.
  const slowestPerStage = new Map<number, number>();
  for (const approval of open) {
    const remaining = remainingDays(approval, today, calendar);
    slowestPerStage.set(approval.stage, Math.max(slowestPerStage.get(approval.stage) ?? 0, remaining));
  }
  const forecastDays = elapsedDays + [...slowestPerStage.values()].reduce((sum, days) => sum + days, 0);
  return {
    statutoryTotalDays: chain.statutoryTotalDays,
    budgetDays: chain.budgetDays,
    elapsedDays,
    forecastDays,
    atRisk: forecastDays > chain.budgetDays,
    openApprovalIds: open.map((approval) => approval.approvalId),
    complete: open.length === 0,
  };
}
