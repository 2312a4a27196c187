import { InvalidCalendarDateError } from './calendar.errors';
import { addCalendarDays, isCalendarDate, startOfShanghaiDay, toShanghaiDate } from './calendar-date.util';

describe('Shanghai calendar dates', () => {
  it('turns an instant into its date in Shanghai (UTC+8), not in the machine time zone', () => {
    expect(toShanghaiDate(new Date('2025-09-30T15:59:59.999Z'))).toBe('2025-09-30');
    expect(toShanghaiDate(new Date('2025-09-30T16:00:00.000Z'))).toBe('2025-10-01');
    expect(toShanghaiDate(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
  });

  it('gives the instant a Shanghai date begins', () => {
    expect(startOfShanghaiDay('2025-10-01').toISOString()).toBe('2025-09-30T16:00:00.000Z');
    expect(toShanghaiDate(startOfShanghaiDay('2026-02-28'))).toBe('2026-02-28');
  });

  it('adds calendar days across month, year and leap day', () => {
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('recognises only real dates written YYYY-MM-DD', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-10-1')).toBe(false);
    expect(isCalendarDate('2025-10-01T00:00:00Z')).toBe(false);
    expect(() => toShanghaiDate(new Date('garbage'))).toThrow(InvalidCalendarDateError);
  });
});
