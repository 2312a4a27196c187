import { InvalidCalendarDateError } from './calendar.errors';
import type { CalendarDate } from './calendar.types';

const MS_PER_DAY = 86_400_000;
// China Standard Time has been UTC+8 all year since 1992 (no daylight saving), so a fixed offset is
// exact for every date the calendar covers and does not depend on the machine's TZ or ICU data.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01: the calendar computes on integers and formats only at the edges. */
export type DayNumber = number;

export function toDayNumber(date: CalendarDate): DayNumber {
  const match = typeof date === 'string' ? DATE_PATTERN.exec(date) : null;
  if (!match) throw new InvalidCalendarDateError(date);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const millis = Date.UTC(year, month - 1, day);
  const check = new Date(millis);
  // Date.UTC rolls 2025-02-30 over to March; reject instead.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new InvalidCalendarDateError(date);
  }
  return millis / MS_PER_DAY;
}

export function fromDayNumber(day: DayNumber): CalendarDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOfDayNumber(day: DayNumber): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

export function firstDayOfYear(year: number): DayNumber {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDayNumber(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function isCalendarDate(value: unknown): value is CalendarDate {
  try {
    toDayNumber(value as CalendarDate);
    return true;
  } catch {
    return false;
  }
}

/** The calendar date in Shanghai at an instant, whatever the machine's time zone. */
export function toShanghaiDate(instant: Date): CalendarDate {
  const millis = instant.getTime();
  if (Number.isNaN(millis)) throw new InvalidCalendarDateError(instant);
  return new Date(millis + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai calendar date begins (00:00 CST). */
export function startOfShanghaiDay(date: CalendarDate): Date {
  return new Date(toDayNumber(date) * MS_PER_DAY - SHANGHAI_OFFSET_MS);
}

export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}
