import type { RuleViolation } from '../catalog-item/catalog-item.rules';
import { CatalogRulesViolated, HolidayYearAlreadyCovered, HolidayYearBegun, HolidayYearNotCovered } from '../catalog.errors';

/**
 * The working-day calendar's one source of truth beyond the `chinese-days` package: the State
 * Council's holiday notices (国务院办公厅关于…年部分节假日安排的通知) as the city's reform office entered
 * them, one stream for all years, in the order they were entered.
 */
export const HOLIDAY_CALENDAR_STREAM = 'holiday-calendar';

/** One day of a notice, with the holiday it belongs to (for a 调休上班 day, the holiday it makes up for). */
export interface NoticeDay {
  date: string;
  holiday: string;
}

/** A year's complete arrangement, as the notice publishes it. */
export interface HolidayNotice {
  year: number;
  /** e.g. 国办发明电〔2025〕7号 */
  noticeNumber: string;
  title: string;
  restDays: NoticeDay[];
  workdays: NoticeDay[];
}

export interface HolidayNoticeEntered {
  type: 'catalog.HolidayNoticeEntered';
  data: HolidayNotice;
}

export interface HolidayNoticeCorrected {
  type: 'catalog.HolidayNoticeCorrected';
  /** `replaces`: the previous notice number, or the package's name when the year had not been entered. */
  data: HolidayNotice & { reason: string; replaces: string };
}

export type HolidayCalendarEvent = HolidayNoticeEntered | HolidayNoticeCorrected;

/** The notices entered so far, by year; each year's latest arrangement. */
export interface HolidayCalendarState {
  notices: ReadonlyMap<number, HolidayNotice>;
}

/** What the package ships, for the commands to know which years it already covers. */
export interface PackageCoverage {
  name: string;
  years: readonly number[];
}

export interface EnterHolidayNotice {
  type: 'EnterHolidayNotice';
  data: { notice: HolidayNotice; today: string; package: PackageCoverage };
}

export interface CorrectHolidayNotice {
  type: 'CorrectHolidayNotice';
  data: { notice: HolidayNotice; reason: string; today: string; package: PackageCoverage };
}

export const initialHolidayCalendarState = (): HolidayCalendarState => ({ notices: new Map() });

/**
 * Enters a year that nothing covers yet. A year the package or an earlier entry covers is refused:
 * changing it is a correction, with a reason, and only before the year begins. Entering a year that
 * has already begun is allowed: until then every deadline reaching into it was refused (503), so no
 * committed deadline depends on the year.
 */
export function decideEntry(command: EnterHolidayNotice, state: HolidayCalendarState): HolidayNoticeEntered[] {
  const { notice, today, package: shipped } = command.data;
  const violations = checkNotice(notice, today);
  if (violations.length > 0) throw new CatalogRulesViolated(violations);
  const entered = state.notices.get(notice.year);
  if (entered) throw new HolidayYearAlreadyCovered(notice.year, `entered from ${entered.noticeNumber}`);
  if (shipped.years.includes(notice.year)) throw new HolidayYearAlreadyCovered(notice.year, `shipped by ${shipped.name}`);
  return [{ type: 'catalog.HolidayNoticeEntered', data: notice }];
}

/**
 * Replaces the arrangement of a covered year (entered, or shipped by the package) that has not begun.
 * Once the year has begun, deadlines inside it have been committed to applicants and recorded in
 * events; changing the days under them is refused (see docs/catalog.md). The same arrangement again
 * is a repeat and records nothing.
 */
export function decideCorrection(command: CorrectHolidayNotice, state: HolidayCalendarState): HolidayNoticeCorrected[] {
  const { notice, reason, today, package: shipped } = command.data;
  const violations = checkNotice(notice, today);
  if (violations.length > 0) throw new CatalogRulesViolated(violations);
  const entered = state.notices.get(notice.year);
  if (!entered && !shipped.years.includes(notice.year)) throw new HolidayYearNotCovered(notice.year);
  if (today >= `${notice.year}-01-01`) throw new HolidayYearBegun(notice.year, today);
  if (entered && sameArrangement(entered, notice)) return [];
  return [{ type: 'catalog.HolidayNoticeCorrected', data: { ...notice, reason, replaces: entered?.noticeNumber ?? shipped.name } }];
}

export function evolveHolidayCalendar(state: HolidayCalendarState, event: HolidayCalendarEvent): HolidayCalendarState {
  const { year, noticeNumber, title, restDays, workdays } = event.data;
  const notices = new Map(state.notices);
  notices.set(year, { year, noticeNumber, title, restDays, workdays });
  return { notices };
}

/**
 * The rules a complete arrangement follows. Each names the offending field as the request wrote it
 * (e.g. `workdays[1].date`), so the operator can find the line of the notice that was mistyped.
 */
export function checkNotice(notice: HolidayNotice, today: string): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const thisYear = Number(today.slice(0, 4));
  if (notice.year > thisYear + 1) {
    violations.push({
      field: 'year',
      rule: 'notice-year-published',
      message: `the State Council publishes a year's arrangement in the year before; ${notice.year} cannot have been published by ${today}`,
    });
  }
  const restDates = new Set(notice.restDays.map((day) => day.date));
  const holidays = new Set(notice.restDays.map((day) => day.holiday));
  const seen = new Set<string>();
  const check = (list: 'restDays' | 'workdays', days: readonly NoticeDay[]) =>
    days.forEach((day, index) => {
      const field = `${list}[${index}].date`;
      if (!day.date.startsWith(`${notice.year}-`)) {
        violations.push({ field, rule: 'date-in-notice-year', message: `${day.date} is not in ${notice.year}, the year of the notice` });
      }
      if (seen.has(`${list}:${day.date}`)) violations.push({ field, rule: 'date-listed-once', message: `${day.date} is listed twice` });
      seen.add(`${list}:${day.date}`);
      if (list === 'restDays') return;
      if (restDates.has(day.date)) violations.push({ field, rule: 'rest-or-workday', message: `${day.date} is listed both as a rest day and as a working day` });
      if (!isWeekend(day.date)) {
        violations.push({ field, rule: 'workday-on-weekend', message: `${day.date} is a weekday, a working day anyway; an adjustment working day (调休上班) is a Saturday or Sunday` });
      }
      if (!holidays.has(day.holiday)) {
        violations.push({
          field: `workdays[${index}].holiday`,
          rule: 'workday-makes-up-for-a-holiday',
          message: `${day.holiday} is not a holiday of this notice; an adjustment working day makes up for one of its holidays`,
        });
      }
    });
  check('restDays', notice.restDays);
  check('workdays', notice.workdays);
  // Every notice begins with 元旦; a list without it is most likely cut short.
  if (!restDates.has(`${notice.year}-01-01`)) {
    violations.push({ field: 'restDays', rule: 'new-years-day-rest', message: `${notice.year}-01-01 (元旦) is missing: is the arrangement complete?` });
  }
  return violations;
}

function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

function sameArrangement(a: HolidayNotice, b: HolidayNotice): boolean {
  const days = (list: readonly NoticeDay[]) => JSON.stringify([...list].sort((x, y) => x.date.localeCompare(y.date)));
  return a.noticeNumber === b.noticeNumber && a.title === b.title && days(a.restDays) === days(b.restDays) && days(a.workdays) === days(b.workdays);
}
