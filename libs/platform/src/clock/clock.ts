/**
 * The source of "now". Domain code never calls `Date.now()` or `new Date()`: it is given a clock, so
 * that deadlines and timers can be tested at any instant.
 */
export interface Clock {
  now(): Date;
}

/** Injection token for frameworks that need a runtime value (an interface has none). */
export const CLOCK = Symbol.for('sangeyipi.platform.Clock');

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

const MS_PER_DAY = 86_400_000;

/** A clock that moves only when told to: for tests and replays. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string) {
    this.current = ManualClock.toMillis(start);
  }

  now(): Date {
    // A fresh Date each time, so a caller mutating it cannot move the clock.
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    this.current = ManualClock.toMillis(instant);
  }

  advance(milliseconds: number): void {
    if (!Number.isFinite(milliseconds)) throw new RangeError(`cannot advance the clock by ${milliseconds} ms`);
    this.current += milliseconds;
  }

  /** Advances by whole 24-hour days (Shanghai has no daylight saving time, so these are calendar days there). */
  advanceDays(days: number): void {
    this.advance(days * MS_PER_DAY);
  }

  private static toMillis(instant: Date | string): number {
    const millis = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
    if (Number.isNaN(millis)) throw new RangeError(`not an instant: ${String(instant)}`);
    return millis;
  }
}
