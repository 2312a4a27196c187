import { addDays, yearOf } from '../shared/calendar-days';

/**
 * The first day the system closes a list year the reform office has left open: 1 January of the next year
 * plus the grace days, which leave units time to record milestones reached in the last days of December.
 */
export function automaticClosingDay(listingYear: number, graceDays: number): string {
  return addDays(`${listingYear + 1}-01-01`, graceDays);
}

/** The latest list year whose automatic closing is due on `today` (every earlier year is due too). */
export function latestYearDueForClosing(today: string, graceDays: number): number {
  const lastYear = yearOf(today) - 1;
  return today >= automaticClosingDay(lastYear, graceDays) ? lastYear : lastYear - 1;
}
