// The package's raw data, not its functions: isWorkday() parses dates in the machine's time zone and
// hides which years are known. The JSON ships in the package (no network at run time).
import data from 'chinese-days/dist/chinese-days.json';
import packageJson from 'chinese-days/package.json';
import type { CalendarDate, HolidayDataSource } from './calendar.types';

interface ChineseDaysData {
  /** date → 'English name,中文名,days' */
  holidays: Record<CalendarDate, string>;
  workdays: Record<CalendarDate, string>;
  /** Subset of holidays: days off that are made up on an adjustment working day. */
  inLieuDays: Record<CalendarDate, string>;
}

let cached: HolidayDataSource | undefined;

/** The State Council arrangements shipped by the `chinese-days` package (2004–2026 in 1.5.7). */
export function chineseDaysSource(): HolidayDataSource {
  if (!cached) {
    const { holidays, workdays } = data as ChineseDaysData;
    const restDays = Object.keys(holidays);
    // A year is known when the package lists its holidays: every notice has at least New Year's Day.
    const years = [...new Set(restDays.map((date) => Number(date.slice(0, 4))))].sort((a, b) => a - b);
    cached = Object.freeze({
      name: `chinese-days ${packageJson.version}`,
      years: Object.freeze(years),
      restDays: Object.freeze(restDays),
      workdays: Object.freeze(Object.keys(workdays)),
    });
  }
  return cached;
}

/** The package's Chinese name of the holiday a rest day or an adjustment working day belongs to, e.g. '春节'. */
export function chineseDaysHolidayName(date: CalendarDate): string | undefined {
  const { holidays, workdays } = data as ChineseDaysData;
  return (holidays[date] ?? workdays[date])?.split(',')[1];
}
