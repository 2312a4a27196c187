import type { WorkingDays } from '../case/case.decider';

/**
 * The deadline light of a case: red past the committed deadline, yellow at or below the warning
 * threshold of working days left, green otherwise; paused while the clock is suspended; none before
 * acceptance and once decided.
 */
export type DeadlineLight = 'green' | 'yellow' | 'red' | 'paused' | 'none';

export function deadlineLight(
  c: { status: string; committedDeadline: string | null; suspended: boolean },
  today: string,
  warningDays: number,
  calendar: WorkingDays,
): { light: DeadlineLight; workingDaysLeft: number | null } {
  if (c.status !== 'in-progress' || !c.committedDeadline) return { light: 'none', workingDaysLeft: null };
  const left = c.committedDeadline < today ? -calendar.countWorkingDays(c.committedDeadline, today) : calendar.countWorkingDays(today, c.committedDeadline);
  if (c.suspended) return { light: 'paused', workingDaysLeft: left };
  if (c.committedDeadline < today) return { light: 'red', workingDaysLeft: left };
  return { light: left <= warningDays ? 'yellow' : 'green', workingDaysLeft: left };
}
