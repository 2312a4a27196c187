import { WorkingDayCalendar } from '@sangeyipi/platform';
import { rectificationReminderAt } from './rectification-reminder.policy';

const calendar = new WorkingDayCalendar();
const EARLY = new Date('2025-09-01T00:00:00Z');

describe('when a rectification reminder goes out', () => {
  it('at 09:00 Shanghai on the second working day before the due date', () => {
    // Due Friday 2025-03-14: Thursday 13th is the first working day before, Wednesday 12th the second.
    expect(rectificationReminderAt('2025-03-14', 2, calendar, new Date('2025-03-03T00:00:00Z'))).toEqual(new Date('2025-03-12T09:00:00+08:00'));
  });

  it('skips weekends and the National Day holiday (国庆 2025: 1–8 October)', () => {
    // Due Friday 10 October: the 9th is worked, then 1–8 are holidays, so the second is 30 September.
    expect(rectificationReminderAt('2025-10-10', 2, calendar, EARLY)).toEqual(new Date('2025-09-30T09:00:00+08:00'));
    // Due Monday 13 October with one day: Saturday 11 October is a 调休 working day.
    expect(rectificationReminderAt('2025-10-13', 1, calendar, EARLY)).toEqual(new Date('2025-10-11T09:00:00+08:00'));
  });

  it('none when that instant is already past: the order itself names the date', () => {
    expect(rectificationReminderAt('2025-03-14', 2, calendar, new Date('2025-03-12T09:00:00+08:00'))).toBeUndefined();
  });

  it('falls back to calendar days for a year the calendar does not cover yet', () => {
    const covered = new WorkingDayCalendar({ source: { name: 'test', years: [2025], restDays: [], workdays: [] } });

    expect(rectificationReminderAt('2030-03-14', 2, covered, EARLY)).toEqual(new Date('2030-03-12T09:00:00+08:00'));
  });

  it('none for a due date that is not a date', () => {
    expect(rectificationReminderAt('', 2, calendar, EARLY)).toBeUndefined();
  });
});
