import { addCalendarDays } from './calendar-date.util';
import {
  CalendarYearNotCoveredError,
  ConflictingCalendarOverridesError,
  InvalidCalendarArgumentError,
  InvalidCalendarDateError,
} from './calendar.errors';
import type { CalendarOverride, HolidayDataSource, Suspension } from './calendar.types';
import { chineseDaysSource } from './chinese-days.source';
import { WorkingDayCalendar } from './working-day-calendar';

// Expectations come from the State Council notices, counted by hand, not from the package.
//
// 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）:
//   一、元旦：1月1日（周三）放假1天，不调休。
//   二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
//   三、清明节：4月4日（周五）至6日（周日）放假，共3天。
//   四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
//   五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
//   六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
//
// 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）:
//   一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
//   二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
//   三、清明节：4月4日（周六）至6日（周一）放假，共3天。
//   四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
//   五、端午节：6月19日（周五）至21日（周日）放假，共3天。
//   六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
//   七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。

function range(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let date = first; date <= last; date = addCalendarDays(date, 1)) dates.push(date);
  return dates;
}

const NOTICE_2025 = {
  rest: [
    '2025-01-01',
    ...range('2025-01-28', '2025-02-04'),
    ...range('2025-04-04', '2025-04-06'),
    ...range('2025-05-01', '2025-05-05'),
    ...range('2025-05-31', '2025-06-02'),
    ...range('2025-10-01', '2025-10-08'),
  ],
  work: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
};

const NOTICE_2026 = {
  rest: [
    ...range('2026-01-01', '2026-01-03'),
    ...range('2026-02-15', '2026-02-23'),
    ...range('2026-04-04', '2026-04-06'),
    ...range('2026-05-01', '2026-05-05'),
    ...range('2026-06-19', '2026-06-21'),
    ...range('2026-09-25', '2026-09-27'),
    ...range('2026-10-01', '2026-10-07'),
  ],
  work: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

/** The package's data cut after `lastYear`, to play the year before a notice reaches the package. */
function sourceThrough(lastYear: number): HolidayDataSource {
  const full = chineseDaysSource();
  const keep = (date: string) => Number(date.slice(0, 4)) <= lastYear;
  return {
    name: `${full.name} through ${lastYear}`,
    years: full.years.filter((year) => year <= lastYear),
    restDays: full.restDays.filter(keep),
    workdays: full.workdays.filter(keep),
  };
}

describe('WorkingDayCalendar', () => {
  const calendar = new WorkingDayCalendar();

  describe('days of the State Council notices', () => {
    it.each([
      ['2025', NOTICE_2025],
      ['2026', NOTICE_2026],
    ])('follows every rest day and adjustment working day of the %s notice', (_year, notice) => {
      expect(notice.rest.filter((date) => calendar.isWorkingDay(date))).toEqual([]);
      expect(notice.work.filter((date) => !calendar.isWorkingDay(date))).toEqual([]);
    });

    it('counts a date on an adjustment Saturday as a working day', () => {
      expect(calendar.isWorkingDay('2025-10-11')).toBe(true); // 10月11日（周六）上班
      expect(calendar.isWorkingDay('2025-10-12')).toBe(false); // the Sunday after stays a rest day
      expect(calendar.explainDay('2025-10-11')).toEqual({ date: '2025-10-11', isWorkingDay: true, basis: 'notice' });
      // A deadline may fall on it: the 2nd working day after Thursday 10-09 is Saturday 10-11.
      expect(calendar.addWorkingDays('2025-10-09', 2)).toBe('2025-10-11');
    });

    it('treats ordinary weekdays and weekends by the weekday rule', () => {
      expect(calendar.explainDay('2025-11-05')).toEqual({ date: '2025-11-05', isWorkingDay: true, basis: 'weekday' });
      expect(calendar.explainDay('2025-11-08')).toEqual({ date: '2025-11-08', isWorkingDay: false, basis: 'weekend' });
    });

    it.each([
      // 2025 begins on a Wednesday: 261 weekdays, 18 of them holidays, plus 5 adjustment working days.
      ['2024-12-31', '2025-12-31', 248],
      // 2026 begins on a Thursday: 261 weekdays, 19 of them holidays, plus 6 adjustment working days.
      ['2025-12-31', '2026-12-31', 248],
    ])('counts the working days of a whole year (%s, %s] = %i', (from, to, expected) => {
      expect(calendar.countWorkingDays(from, to)).toBe(expected);
    });
  });

  describe('addWorkingDays', () => {
    it('gives 2025-10-30 for 20 working days from Friday 2025-09-26, across National Day', () => {
      // 09-28 Sun (1), 09-29 (2), 09-30 (3), [10-01..10-08 off], 10-09 (4), 10-10 (5), 10-11 Sat (6),
      // 10-13..17 (7-11), 10-20..24 (12-16), 10-27..30 (17-20).
      expect(calendar.addWorkingDays('2025-09-26', 20)).toBe('2025-10-30');
      expect(calendar.addWorkingDays('2025-09-26', 19)).toBe('2025-10-29');
      expect(calendar.countWorkingDays('2025-09-26', '2025-10-30')).toBe(20);
    });

    it('does not count the start date, even when it is a working day', () => {
      expect(calendar.addWorkingDays('2025-11-03', 1)).toBe('2025-11-04');
      expect(calendar.nextWorkingDay('2025-11-03')).toBe('2025-11-04');
      expect(calendar.addWorkingDays('2025-11-03', 0)).toBe('2025-11-03');
    });

    it('crosses the 2025 Spring Festival and its adjustment Sunday', () => {
      // Fri 01-24 start; 01-26 Sun (1), 01-27 (2), [01-28..02-04 off], 02-05 Wed (3).
      expect(calendar.addWorkingDays('2025-01-24', 3)).toBe('2025-02-05');
    });

    it('finds the next working day after a holiday starts', () => {
      expect(calendar.nextWorkingDay('2025-09-30')).toBe('2025-10-09');
      expect(calendar.nextWorkingDay('2025-09-27')).toBe('2025-09-28'); // 9月28日（周日）上班
    });

    it('crosses into 2026 and its New Year adjustment Sunday', () => {
      // Wed 2025-12-31 start; [2026-01-01..03 off], 01-04 Sun (1), 01-05 Mon (2).
      expect(calendar.addWorkingDays('2025-12-31', 2)).toBe('2026-01-05');
    });

    it('crosses the 2026 Spring Festival', () => {
      // Thu 02-12 start; 02-13 Fri (1), 02-14 Sat (2), [02-15..02-23 off], 02-24 Tue (3).
      expect(calendar.addWorkingDays('2026-02-12', 3)).toBe('2026-02-24');
    });

    it('crosses 2026 Mid-Autumn and National Day with their adjustment days', () => {
      // Fri 09-18 start; 09-20 Sun (1), 09-21..24 (2-5), [09-25..27 off], 09-28..30 (6-8),
      // [10-01..07 off], 10-08 (9), 10-09 (10), 10-10 Sat (11), 10-12..16 (12-16), 10-19..22 (17-20).
      expect(calendar.addWorkingDays('2026-09-18', 20)).toBe('2026-10-22');
    });

    it('rejects a negative or fractional number of days', () => {
      expect(() => calendar.addWorkingDays('2025-09-26', -1)).toThrow(InvalidCalendarArgumentError);
      expect(() => calendar.addWorkingDays('2025-09-26', 1.5)).toThrow(InvalidCalendarArgumentError);
    });

    it('rejects a date that does not exist or is not written YYYY-MM-DD', () => {
      expect(() => calendar.addWorkingDays('2025-02-29', 1)).toThrow(InvalidCalendarDateError);
      expect(() => calendar.isWorkingDay('2025-9-1')).toThrow(InvalidCalendarDateError);
    });
  });

  describe('suspensions (§45: the clock stops)', () => {
    it('removes only the working days of a suspension that spans a weekend', () => {
      // Suspended Fri 11-07 to Mon 11-10: two working days lost, not four calendar days.
      const suspensions: Suspension[] = [{ start: '2025-11-07', end: '2025-11-10' }];
      expect(calendar.addWorkingDays('2025-11-03', 5)).toBe('2025-11-10');
      // 11-04 (1), 11-05 (2), 11-06 (3), [11-07..10 stopped], 11-11 (4), 11-12 (5).
      expect(calendar.addWorkingDays('2025-11-03', 5, { suspensions })).toBe('2025-11-12');
      expect(calendar.countWorkingDays('2025-11-03', '2025-11-12')).toBe(7);
      expect(calendar.countWorkingDays('2025-11-03', '2025-11-12', { suspensions })).toBe(5);
    });

    it('loses nothing to a suspension lying wholly inside a holiday', () => {
      const suspensions = [{ start: '2025-10-01', end: '2025-10-08' }];
      expect(calendar.addWorkingDays('2025-09-26', 20, { suspensions })).toBe('2025-10-30');
    });

    it('stops the clock across National Day for an expert review', () => {
      // Review 09-29..10-10: 09-29, 09-30, 10-09, 10-10 are lost. 09-28 Sun (1), 10-11 Sat (2),
      // 10-13..17 (3-7), 10-20..24 (8-12), 10-27..31 (13-17), 11-03 (18), 11-04 (19), 11-05 (20).
      const suspensions = [{ start: '2025-09-29', end: '2025-10-10' }];
      expect(calendar.addWorkingDays('2025-09-26', 20, { suspensions })).toBe('2025-11-05');
      expect(calendar.countWorkingDays('2025-09-26', '2025-11-05', { suspensions })).toBe(20);
    });

    it('only counts the part of a suspension after the start date', () => {
      // Suspended 09-20..09-29 while the limit runs from 09-26: 09-28 and 09-29 are lost.
      // 09-30 (1), 10-09 (2), 10-10 (3), 10-11 (4), 10-13..17 (5-9), 10-20..24 (10-14), 10-27..31 (15-19), 11-03 (20).
      const suspensions = [{ start: '2025-09-20', end: '2025-09-29' }];
      expect(calendar.addWorkingDays('2025-09-26', 20, { suspensions })).toBe('2025-11-03');
    });

    it('merges overlapping suspensions so that no day is lost twice', () => {
      // Together 11-04..11-07: four working days lost; 11-10..14 are the five counted.
      const suspensions = [
        { start: '2025-11-05', end: '2025-11-07' },
        { start: '2025-11-04', end: '2025-11-06' },
      ];
      expect(calendar.countWorkingDays('2025-11-03', '2025-11-14', { suspensions })).toBe(5);
      expect(calendar.addWorkingDays('2025-11-03', 5, { suspensions })).toBe('2025-11-14');
    });

    it('rejects a suspension that ends before it starts', () => {
      const suspensions = [{ start: '2025-11-10', end: '2025-11-07' }];
      expect(() => calendar.addWorkingDays('2025-11-03', 5, { suspensions })).toThrow(InvalidCalendarArgumentError);
    });
  });

  describe('countWorkingDays', () => {
    it('counts (from, to]: the end date counts, the start date does not', () => {
      expect(calendar.countWorkingDays('2025-11-03', '2025-11-03')).toBe(0);
      expect(calendar.countWorkingDays('2025-11-03', '2025-11-04')).toBe(1);
      expect(calendar.countWorkingDays('2025-11-07', '2025-11-09')).toBe(0); // only the weekend follows Friday
    });

    it('is negative when the end is before the start (days past a deadline)', () => {
      expect(calendar.countWorkingDays('2025-10-30', '2025-09-26')).toBe(-20);
    });

    it('agrees with addWorkingDays for many starts, lengths and suspensions', () => {
      // Deterministic pseudo-random walk over 2024-2026 (a failure is reproducible).
      let seed = 20250926;
      const random = (limit: number) => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % limit;
      };
      const mismatches: string[] = [];
      for (let i = 0; i < 600; i += 1) {
        const start = addCalendarDays('2024-01-01', random(1000));
        const n = random(45);
        const suspensions: Suspension[] = [];
        for (let k = random(3); k > 0; k -= 1) {
          const first = addCalendarDays(start, random(60) - 5);
          suspensions.push({ start: first, end: addCalendarDays(first, random(20)) });
        }
        const deadline = calendar.addWorkingDays(start, n, { suspensions });
        const counted = calendar.countWorkingDays(start, deadline, { suspensions });
        // The deadline itself is a counted day: one day earlier falls short by exactly one.
        const dayBefore = n > 0 ? calendar.countWorkingDays(start, addCalendarDays(deadline, -1), { suspensions }) : -1;
        if (counted !== n || dayBefore !== n - 1) {
          mismatches.push(`${start} +${n} ${JSON.stringify(suspensions)} → ${deadline} counted ${counted}`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  });

  describe('administrator overrides', () => {
    const override = (date: string, kind: 'workday' | 'rest'): CalendarOverride => ({
      date,
      kind,
      reason: 'test ruling',
      source: 'test notice',
    });

    it('makes a working day a rest day, moving the deadline', () => {
      const withOverride = new WorkingDayCalendar({ overrides: [override('2025-10-30', 'rest')] });
      expect(withOverride.addWorkingDays('2025-09-26', 20)).toBe('2025-10-31');
      expect(withOverride.explainDay('2025-10-30')).toMatchObject({ isWorkingDay: false, basis: 'override' });
    });

    it('makes a rest day a working day, over a weekend or over the notice', () => {
      const sunday = new WorkingDayCalendar({ overrides: [override('2025-10-12', 'workday')] });
      expect(sunday.addWorkingDays('2025-09-26', 20)).toBe('2025-10-29');
      const holiday = new WorkingDayCalendar({ overrides: [override('2025-10-08', 'workday')] });
      expect(holiday.addWorkingDays('2025-09-26', 20)).toBe('2025-10-29');
      expect(holiday.countWorkingDays('2025-09-26', '2025-10-29')).toBe(20);
    });

    it('rejects two overrides that disagree about the same date', () => {
      expect(
        () => new WorkingDayCalendar({ overrides: [override('2025-10-30', 'rest'), override('2025-10-30', 'workday')] }),
      ).toThrow(ConflictingCalendarOverridesError);
    });
  });

  describe('years without data', () => {
    it('covers 2004 to 2026 from the chinese-days package', () => {
      const years = calendar.coveredYears();
      expect(years[0]).toBe(2004);
      expect(years).toEqual(expect.arrayContaining([2025, 2026]));
      expect(years).toEqual(Array.from({ length: years.length }, (_, i) => 2004 + i)); // no gap
      expect(calendar.sourceName).toMatch(/^chinese-days \d+\.\d+\.\d+$/);
    });

    it('fails loudly instead of treating only weekends as rest days', () => {
      expect(() => calendar.isWorkingDay('2099-01-05')).toThrow(CalendarYearNotCoveredError);
      const before2026 = new WorkingDayCalendar({ source: sourceThrough(2025) });
      expect(before2026.isYearCovered(2026)).toBe(false);
      // The 10th working day after Sat 2025-12-20 lies in 2026, whose holidays are unknown here.
      expect(() => before2026.addWorkingDays('2025-12-20', 10)).toThrow(
        expect.objectContaining({ code: 'CALENDAR_YEAR_NOT_COVERED', year: 2026 }),
      );
      expect(() => before2026.countWorkingDays('2025-12-01', '2026-01-05')).toThrow(CalendarYearNotCoveredError);
    });

    it('answers when the uncovered year is not needed', () => {
      const before2026 = new WorkingDayCalendar({ source: sourceThrough(2025) });
      expect(before2026.addWorkingDays('2025-12-20', 5)).toBe('2025-12-26');
    });

    it('covers a year once an operator enters its notice, before the package does', () => {
      const before2026 = new WorkingDayCalendar({ source: sourceThrough(2025) });
      expect(before2026.isYearCovered(2026)).toBe(false);
      const entry = before2026.enterNotice({ year: 2026, noticeNumber: '国务院办公厅关于2026年部分节假日安排的通知', restDays: NOTICE_2026.rest, workdays: NOTICE_2026.work });
      expect(entry).toEqual({ changed: true, disagreesWithSource: false });
      // 12-22..26 (1-5), 12-29..31 (6-8), [01-01..03 off], 01-04 Sun (9), 01-05 (10) — as with the package.
      expect(before2026.addWorkingDays('2025-12-20', 10)).toBe('2026-01-05');
      expect(calendar.addWorkingDays('2025-12-20', 10)).toBe('2026-01-05');
    });
  });

  describe('entered notices', () => {
    // Not the State Council's 2027 arrangement (unpublished when this was written): a test notice shaped like one.
    const TEST_2027 = {
      year: 2027,
      noticeNumber: '测试通知〔2026〕1号',
      restDays: [...range('2027-01-01', '2027-01-03'), ...range('2027-02-05', '2027-02-12'), ...range('2027-10-01', '2027-10-07')],
      workdays: ['2027-02-13', '2027-09-26', '2027-10-09'],
    };

    it('computes a deadline reaching into the entered year instead of refusing it', () => {
      const running = new WorkingDayCalendar();
      expect(() => running.addWorkingDays('2026-12-28', 20)).toThrow(CalendarYearNotCoveredError);
      running.enterNotice(TEST_2027);
      // 12-29..31 (1-3), [01-01..03 off], 01-04..08 (8), 01-11..15 (13), 01-18..22 (18), 01-25 (19), 01-26 (20).
      expect(running.addWorkingDays('2026-12-28', 20)).toBe('2027-01-26');
      expect(running.countWorkingDays('2026-12-28', '2027-01-26')).toBe(20);
      expect(running.explainDay('2027-02-13')).toEqual({ date: '2027-02-13', isWorkingDay: true, basis: 'notice' });
      expect(running.coveredYears().at(-1)).toBe(2027);
    });

    it('takes a notice given at construction like one entered later', () => {
      expect(new WorkingDayCalendar({ notices: [TEST_2027] }).addWorkingDays('2027-02-04', 1)).toBe('2027-02-13');
    });

    it('changes nothing when the same notice comes again, and replaces it with a corrected one', () => {
      const running = new WorkingDayCalendar({ notices: [TEST_2027] });
      expect(running.addWorkingDays('2027-09-30', 1)).toBe('2027-10-08'); // builds the year's table
      expect(running.enterNotice({ ...TEST_2027, restDays: [...TEST_2027.restDays].reverse() })).toEqual({ changed: false, disagreesWithSource: false });
      const corrected = { ...TEST_2027, noticeNumber: '测试通知〔2026〕2号', restDays: [...TEST_2027.restDays, '2027-10-08'] };
      expect(running.enterNotice(corrected)).toEqual({ changed: true, disagreesWithSource: false });
      expect(running.addWorkingDays('2027-09-30', 1)).toBe('2027-10-09'); // the cached table was dropped
    });

    it('lets the notice replace the package for its year, and says when they disagree', () => {
      const running = new WorkingDayCalendar();
      const same = running.enterNotice({ year: 2025, noticeNumber: '国办发明电〔2024〕12号', restDays: NOTICE_2025.rest, workdays: NOTICE_2025.work });
      expect(same).toEqual({ changed: true, disagreesWithSource: false });
      // Without the National Day arrangement: its days follow the weekday rule, nothing is kept from the package.
      const withoutNationalDay = {
        year: 2025,
        noticeNumber: 'test',
        restDays: NOTICE_2025.rest.filter((date) => date < '2025-10-01'),
        workdays: NOTICE_2025.work.filter((date) => date < '2025-09-01'),
      };
      expect(running.enterNotice(withoutNationalDay)).toEqual({ changed: true, disagreesWithSource: true });
      expect(running.isWorkingDay('2025-10-02')).toBe(true);
      expect(running.isWorkingDay('2025-09-28')).toBe(false);
      expect(running.isWorkingDay('2026-01-04')).toBe(true); // other years keep the package's data
    });

    it('refuses a notice with a date outside its year or a date both rest and workday, keeping what it had', () => {
      const running = new WorkingDayCalendar();
      expect(() => running.enterNotice({ ...TEST_2027, restDays: [...TEST_2027.restDays, '2026-12-31'] })).toThrow(InvalidCalendarArgumentError);
      expect(() => running.enterNotice({ ...TEST_2027, workdays: [...TEST_2027.workdays, '2027-01-02'] })).toThrow(InvalidCalendarArgumentError);
      expect(() => running.enterNotice({ ...TEST_2027, restDays: ['2027-02-30'] })).toThrow(InvalidCalendarDateError);
      expect(running.isYearCovered(2027)).toBe(false);
    });
  });
});
