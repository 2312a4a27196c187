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
 * A year whose complete State Council arrangement an administrator has entered as overrides.
 * Declared separately because a single override (a local closure) says nothing about the rest of its year.
 */
export interface EnteredNotice {
  year: number;
  source: string;
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
