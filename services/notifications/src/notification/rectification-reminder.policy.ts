import { addCalendarDays, CalendarYearNotCoveredError, isCalendarDate, startOfShanghaiDay, type WorkingDayCalendar } from '@sangeyipi/platform';

/** The reminder goes out at this hour, Asia/Shanghai: the start of the working day. */
const REMINDER_HOUR = 9;
const MS_PER_HOUR = 3_600_000;

/**
 * When a unit is reminded of a rectification due on `dueOn`: at 09:00 on the `workingDaysBefore`-th
 * working day before it (the due date not counted). When the calendar does not cover those days
 * yet (no State Council notice), the same number of calendar days before is used rather than
 * guessing which days are worked. No reminder (undefined) when that instant is not after `now`:
 * the order, just sent, already names the date.
 */
export function rectificationReminderAt(dueOn: string, workingDaysBefore: number, calendar: WorkingDayCalendar, now: Date): Date | undefined {
  if (!isCalendarDate(dueOn)) return undefined;
  let day: string;
  try {
    day = workingDaysBeforeDate(dueOn, workingDaysBefore, calendar);
  } catch (error) {
    if (!(error instanceof CalendarYearNotCoveredError)) throw error;
    day = addCalendarDays(dueOn, -workingDaysBefore);
  }
  const at = new Date(startOfShanghaiDay(day).getTime() + REMINDER_HOUR * MS_PER_HOUR);
  return at > now ? at : undefined;
}

function workingDaysBeforeDate(date: string, n: number, calendar: WorkingDayCalendar): string {
  let day = date;
  for (let found = 0; found < n; ) {
    day = addCalendarDays(day, -1);
    if (calendar.isWorkingDay(day)) found += 1;
  }
  return day;
}
