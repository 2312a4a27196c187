import {
  ConflictingCalendarOverridesError,
  CalendarYearNotCoveredError,
  InvalidCalendarArgumentError,
} from './calendar.errors';
import type {
  CalendarDate,
  CalendarOverride,
  DayExplanation,
  HolidayDataSource,
  HolidayNotice,
  NoticeEntry,
  Suspension,
  SuspensionOptions,
} from './calendar.types';
import {
  type DayNumber,
  firstDayOfYear,
  fromDayNumber,
  toDayNumber,
  weekdayOfDayNumber,
  yearOfDayNumber,
} from './calendar-date.util';
import { chineseDaysSource } from './chinese-days.source';

export interface WorkingDayCalendarOptions {
  /** Defaults to the `chinese-days` package. */
  source?: HolidayDataSource;
  /** Administrator rulings; they win over the source. */
  overrides?: readonly CalendarOverride[];
  /** State Council notices an operator entered; each replaces the source's data for its year. */
  notices?: readonly HolidayNotice[];
}

/** An entered notice, indexed for lookups. */
interface IndexedNotice {
  notice: HolidayNotice;
  restDays: ReadonlySet<DayNumber>;
  workdays: ReadonlySet<DayNumber>;
}

/** One year's answers, built on first use: O(1) lookups and O(1) counts inside the year. */
interface YearTable {
  first: DayNumber;
  working: Uint8Array;
  /** cumulative[k] = working days among the first k days of the year. */
  cumulative: Uint16Array;
}

interface DayInterval {
  start: DayNumber;
  end: DayNumber;
}

/**
 * Working-day arithmetic for time limits (行政许可法 §82: 期限以工作日计算，不含法定节假日), on Shanghai
 * calendar dates. A date is a working day when an administrator override says so; otherwise when the
 * State Council made it one (调休上班); otherwise when it is Monday–Friday and not a holiday.
 *
 * Any answer that depends on a year with no known arrangement throws CalendarYearNotCoveredError:
 * treating only weekends as rest days would silently put deadlines on public holidays. Callers check
 * `isYearCovered` to warn early (notices appear in November for the next year).
 *
 * The source and the overrides are fixed at construction. Entered notices are the one thing that
 * changes: a service that learns of a new notice while running calls `enterNotice`, which replaces
 * that year's answers at once. It is synchronous, so under Node's single thread no computation ever
 * sees half a notice, and every computation after it sees the whole of it. Tables are built lazily,
 * per year, and a notice drops only its own year's table.
 */
export class WorkingDayCalendar {
  readonly sourceName: string;
  private readonly sourceYears: ReadonlySet<number>;
  private readonly covered = new Set<number>();
  private readonly restDays: ReadonlySet<DayNumber>;
  private readonly workdays: ReadonlySet<DayNumber>;
  private readonly overrides: ReadonlyMap<DayNumber, CalendarOverride>;
  private readonly notices = new Map<number, IndexedNotice>();
  private readonly tables = new Map<number, YearTable>();
  private lastTable: YearTable | undefined;

  constructor(options: WorkingDayCalendarOptions = {}) {
    const source = options.source ?? chineseDaysSource();
    this.sourceName = source.name;
    this.restDays = new Set(source.restDays.map(toDayNumber));
    this.workdays = new Set(source.workdays.map(toDayNumber));
    for (const day of this.workdays) {
      if (this.restDays.has(day)) {
        throw new InvalidCalendarArgumentError(`${source.name} lists ${fromDayNumber(day)} as both rest and workday`);
      }
    }
    this.overrides = indexOverrides(options.overrides ?? []);
    for (const year of source.years) {
      if (!Number.isInteger(year)) throw new InvalidCalendarArgumentError(`${source.name}: not a year: ${year}`);
      this.covered.add(year);
    }
    this.sourceYears = new Set(source.years);
    for (const notice of options.notices ?? []) this.enterNotice(notice);
  }

  /**
   * Takes a year's complete arrangement: from now on the year is covered, by the notice alone (the
   * source's data for the year, if any, no longer counts). Entering the same notice again changes
   * nothing; a different one for the same year replaces it (a correction).
   */
  enterNotice(notice: HolidayNotice): NoticeEntry {
    const indexed = indexNotice(notice);
    const year = notice.year;
    const previous = this.notices.get(year);
    const changed = !previous || !sameNotice(previous, indexed);
    const disagreesWithSource = this.sourceYears.has(year) && !this.sourceAgreesWith(indexed);
    if (changed) {
      this.notices.set(year, indexed);
      this.covered.add(year);
      this.tables.delete(year);
      this.lastTable = undefined;
    }
    return { changed, disagreesWithSource };
  }

  coveredYears(): number[] {
    return [...this.covered].sort((a, b) => a - b);
  }

  isYearCovered(year: number): boolean {
    return this.covered.has(year);
  }

  isWorkingDay(date: CalendarDate): boolean {
    return this.isWorkingDayNumber(toDayNumber(date));
  }

  /** Whether a date is a working day, and which rule decided. */
  explainDay(date: CalendarDate): DayExplanation {
    const day = toDayNumber(date);
    const isWorkingDay = this.isWorkingDayNumber(day); // also checks coverage
    const override = this.overrides.get(day);
    if (override) return { date, isWorkingDay, basis: 'override', override };
    const { restDays, workdays } = this.daysOf(yearOfDayNumber(day));
    if (workdays.has(day) || restDays.has(day)) return { date, isWorkingDay, basis: 'notice' };
    return { date, isWorkingDay, basis: isWorkingDay ? 'weekday' : 'weekend' };
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: CalendarDate): CalendarDate {
    return this.addWorkingDays(date, 1);
  }

  /**
   * The date of the n-th working day after `start`, `start` itself not counted (the limit runs from the
   * day after acceptance), skipping working days inside suspensions. n = 0 returns `start`.
   * E.g. addWorkingDays('2025-09-26', 20) === '2025-10-30'.
   */
  addWorkingDays(start: CalendarDate, n: number, options: SuspensionOptions = {}): CalendarDate {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new InvalidCalendarArgumentError(`working days to add must be a whole number ≥ 0, got ${n}`);
    }
    const suspensions = mergeSuspensions(options.suspensions ?? []);
    let day = toDayNumber(start);
    let remaining = n;
    let next = 0; // first suspension not yet behind `day`
    while (remaining > 0) {
      day += 1;
      while (next < suspensions.length && suspensions[next].end < day) next += 1;
      if (next < suspensions.length && suspensions[next].start <= day) {
        day = suspensions[next].end; // the clock is stopped: jump over the whole interval
        continue;
      }
      if (this.isWorkingDayNumber(day)) remaining -= 1;
    }
    return fromDayNumber(day);
  }

  /**
   * Working days in (from, to] — `from` not counted, `to` counted — minus those inside suspensions.
   * Consistent with addWorkingDays: countWorkingDays(s, addWorkingDays(s, n, o), o) === n.
   * Negative when `to` is before `from` (e.g. working days left until a deadline, once it has passed).
   */
  countWorkingDays(from: CalendarDate, to: CalendarDate, options: SuspensionOptions = {}): number {
    const a = toDayNumber(from);
    const b = toDayNumber(to);
    const suspensions = mergeSuspensions(options.suspensions ?? []);
    if (b < a) return -this.countBetween(b, a, suspensions);
    return this.countBetween(a, b, suspensions);
  }

  private countBetween(from: DayNumber, to: DayNumber, suspensions: readonly DayInterval[]): number {
    let count = this.workingDaysIn(from + 1, to);
    for (const { start, end } of suspensions) {
      count -= this.workingDaysIn(Math.max(start, from + 1), Math.min(end, to));
    }
    return count;
  }

  /** Working days in [first, last], both included; 0 when empty. */
  private workingDaysIn(first: DayNumber, last: DayNumber): number {
    if (first > last) return 0;
    const firstYear = yearOfDayNumber(first);
    const lastYear = yearOfDayNumber(last);
    let count = 0;
    for (let year = firstYear; year <= lastYear; year += 1) {
      const table = this.table(year);
      const from = year === firstYear ? first - table.first : 0;
      const to = year === lastYear ? last - table.first + 1 : table.working.length;
      count += table.cumulative[to] - table.cumulative[from];
    }
    return count;
  }

  private isWorkingDayNumber(day: DayNumber): boolean {
    let table = this.lastTable;
    // Consecutive lookups mostly fall in the same year: skip the year computation.
    if (!table || day < table.first || day >= table.first + table.working.length) {
      table = this.lastTable = this.table(yearOfDayNumber(day));
    }
    return table.working[day - table.first] === 1;
  }

  private table(year: number): YearTable {
    const existing = this.tables.get(year);
    if (existing) return existing;
    if (!this.covered.has(year)) throw new CalendarYearNotCoveredError(year, this.coveredYears());

    const first = firstDayOfYear(year);
    const length = firstDayOfYear(year + 1) - first;
    const working = new Uint8Array(length);
    const cumulative = new Uint16Array(length + 1);
    const days = this.daysOf(year);
    for (let i = 0; i < length; i += 1) {
      working[i] = this.decide(first + i, days) ? 1 : 0;
      cumulative[i + 1] = cumulative[i] + working[i];
    }
    const table = { first, working, cumulative };
    this.tables.set(year, table);
    return table;
  }

  /** The rest days and adjustment working days that decide a year: its entered notice's, else the source's. */
  private daysOf(year: number): Pick<IndexedNotice, 'restDays' | 'workdays'> {
    return this.notices.get(year) ?? { restDays: this.restDays, workdays: this.workdays };
  }

  private decide(day: DayNumber, { restDays, workdays }: Pick<IndexedNotice, 'restDays' | 'workdays'>): boolean {
    const override = this.overrides.get(day);
    if (override) return override.kind === 'workday';
    if (workdays.has(day)) return true;
    if (restDays.has(day)) return false;
    const weekday = weekdayOfDayNumber(day);
    return weekday !== 0 && weekday !== 6;
  }

  private sourceAgreesWith({ notice, restDays, workdays }: IndexedNotice): boolean {
    const first = firstDayOfYear(notice.year);
    const end = firstDayOfYear(notice.year + 1);
    const inYear = (days: ReadonlySet<DayNumber>) => [...days].filter((day) => day >= first && day < end);
    const sourceRest = inYear(this.restDays);
    const sourceWork = inYear(this.workdays);
    return (
      sourceRest.length === restDays.size && sourceRest.every((day) => restDays.has(day)) && sourceWork.length === workdays.size && sourceWork.every((day) => workdays.has(day))
    );
  }
}

/** Checks a notice as a whole before anything of it is used: a half-valid notice would shift deadlines silently. */
function indexNotice(notice: HolidayNotice): IndexedNotice {
  if (!Number.isInteger(notice.year)) throw new InvalidCalendarArgumentError(`notice ${notice.noticeNumber}: not a year: ${notice.year}`);
  const first = firstDayOfYear(notice.year);
  const end = firstDayOfYear(notice.year + 1);
  const index = (dates: readonly CalendarDate[]) =>
    new Set(
      dates.map((date) => {
        const day = toDayNumber(date);
        if (day < first || day >= end) throw new InvalidCalendarArgumentError(`notice ${notice.noticeNumber} for ${notice.year} lists ${date}`);
        return day;
      }),
    );
  const restDays = index(notice.restDays);
  const workdays = index(notice.workdays);
  for (const day of workdays) {
    if (restDays.has(day)) throw new InvalidCalendarArgumentError(`notice ${notice.noticeNumber} lists ${fromDayNumber(day)} as both rest and workday`);
  }
  return { notice, restDays, workdays };
}

function sameNotice(a: IndexedNotice, b: IndexedNotice): boolean {
  const same = (x: ReadonlySet<DayNumber>, y: ReadonlySet<DayNumber>) => x.size === y.size && [...x].every((day) => y.has(day));
  return a.notice.noticeNumber === b.notice.noticeNumber && same(a.restDays, b.restDays) && same(a.workdays, b.workdays);
}

function indexOverrides(overrides: readonly CalendarOverride[]): Map<DayNumber, CalendarOverride> {
  const byDay = new Map<DayNumber, CalendarOverride>();
  for (const override of overrides) {
    if (override.kind !== 'workday' && override.kind !== 'rest') {
      throw new InvalidCalendarArgumentError(`override for ${override.date}: unknown kind ${String(override.kind)}`);
    }
    const day = toDayNumber(override.date);
    const existing = byDay.get(day);
    if (existing && existing.kind !== override.kind) throw new ConflictingCalendarOverridesError(override.date);
    if (!existing) byDay.set(day, override);
  }
  return byDay;
}

/** Sorted, with overlapping and adjacent intervals joined, so no day is subtracted twice. */
function mergeSuspensions(suspensions: readonly Suspension[]): DayInterval[] {
  const intervals = suspensions.map(({ start, end }) => {
    const interval = { start: toDayNumber(start), end: toDayNumber(end) };
    if (interval.end < interval.start) {
      throw new InvalidCalendarArgumentError(`suspension ends (${end}) before it starts (${start})`);
    }
    return interval;
  });
  intervals.sort((x, y) => x.start - y.start);
  const merged: DayInterval[] = [];
  for (const interval of intervals) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end + 1) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}
