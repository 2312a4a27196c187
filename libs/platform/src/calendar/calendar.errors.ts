/** Base of every calendar error, so callers can catch the family. */
export abstract class CalendarError extends Error {
  abstract readonly code: string;

  protected constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidCalendarDateError extends CalendarError {
  readonly code = 'CALENDAR_INVALID_DATE';

  constructor(readonly value: unknown) {
    super(`not a calendar date 'YYYY-MM-DD': ${JSON.stringify(value)}`);
  }
}

/**
 * The answer depends on a year for which no holiday arrangement is known. Thrown rather than guessing
 * "weekends only", which would put a deadline on a public holiday.
 */
export class CalendarYearNotCoveredError extends CalendarError {
  readonly code = 'CALENDAR_YEAR_NOT_COVERED';

  constructor(
    readonly year: number,
    readonly coveredYears: readonly number[],
  ) {
    const range = coveredYears.length ? `${coveredYears[0]}–${coveredYears[coveredYears.length - 1]}` : 'none';
    super(
      `no holiday arrangement for ${year} (covered: ${range}); ` +
        `an administrator must enter the State Council notice for ${year}`,
    );
  }
}

export class InvalidCalendarArgumentError extends CalendarError {
  readonly code = 'CALENDAR_INVALID_ARGUMENT';

  constructor(message: string) {
    super(message);
  }
}

/** Two overrides for the same date disagree; the administrator has to withdraw one. */
export class ConflictingCalendarOverridesError extends CalendarError {
  readonly code = 'CALENDAR_CONFLICTING_OVERRIDES';

  constructor(readonly date: string) {
    super(`conflicting overrides for ${date}: one says workday, another rest`);
  }
}
