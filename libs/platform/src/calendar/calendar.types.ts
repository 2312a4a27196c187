/** A calendar date in China Standard Time, written 'YYYY-MM-DD' (e.g. '2025-10-11'). */
export type CalendarDate = string;

export type DayKind = 'workday' | 'rest';

/**
 * An administrator's ruling on one date; it wins over the package data and the weekend rule.
 * Used to enter a new State Council notice before the package ships it, or a local decision.
 */
export interface CalendarOverride {
  date: CalendarDate;
  kind: DayKind;
  reason: string;
  /** The notice the ruling comes from, e.g. '国办发明电〔2024〕12号'. */
  source: string;
}

/**
 * A year's complete State Council arrangement (国务院办公厅关于…年部分节假日安排的通知), as an operator
 * entered it. It replaces whatever the source holds for its year: rest days and adjustment working days
 * not listed here are not kept from the source.
 */
export interface HolidayNotice {
  year: number;
  /** The notice's number, e.g. '国办发明电〔2025〕7号'. */
  noticeNumber: string;
  /** Statutory holidays and the days taken in lieu (放假), weekend days inside a holiday included. */
  restDays: readonly CalendarDate[];
  /** Weekend days made working days (调休上班). */
  workdays: readonly CalendarDate[];
}

/** What entering a notice did to the calendar. */
export interface NoticeEntry {
  /** False when the calendar already held exactly this notice (a redelivered event, a restart). */
  changed: boolean;
  /** True when the source has the year too and says otherwise: the notice wins, and callers log it. */
  disagreesWithSource: boolean;
}

/**
 * Dates during which the time limit is stopped (行政许可法 §45: hearing, tender, inspection, testing,
 * quarantine, appraisal, expert review), both ends included.
 */
export interface Suspension {
  start: CalendarDate;
  end: CalendarDate;
}

export interface SuspensionOptions {
  suspensions?: readonly Suspension[];
}

/** Holiday data as published by the State Council, year by year. */
export interface HolidayDataSource {
  /** For audit: where the data comes from, e.g. 'chinese-days 1.5.7'. */
  name: string;
  /** Years whose arrangement the source holds in full. */
  years: readonly number[];
  /** Statutory holidays and the days taken in lieu (放假), weekend days inside a holiday included. */
  restDays: readonly CalendarDate[];
  /** Weekend days made working days (调休上班). */
  workdays: readonly CalendarDate[];
}

export type DayBasis = 'override' | 'notice' | 'weekday' | 'weekend';

/** Why a date is or is not a working day: shown to applicants and auditors. */
export interface DayExplanation {
  date: CalendarDate;
  isWorkingDay: boolean;
  basis: DayBasis;
  /** The override that decided, when basis is 'override'. */
  override?: CalendarOverride;
}
