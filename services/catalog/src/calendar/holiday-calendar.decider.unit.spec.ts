import { CatalogRulesViolated, HolidayYearAlreadyCovered, HolidayYearBegun, HolidayYearNotCovered } from '../catalog.errors';
import {
  decideCorrection,
  decideEntry,
  evolveHolidayCalendar,
  initialHolidayCalendarState,
  type HolidayCalendarState,
  type HolidayNotice,
  type HolidayNoticeEntered,
} from './holiday-calendar.decider';

const PACKAGE = { name: 'chinese-days 1.5.7', years: [2025, 2026] };
const TODAY = '2026-11-28';

// Not the State Council's 2027 arrangement: a test notice shaped like one.
function notice2027(changes: Partial<HolidayNotice> = {}): HolidayNotice {
  return {
    year: 2027,
    noticeNumber: '测试通知〔2026〕1号',
    title: '关于2027年部分节假日安排的通知（测试）',
    restDays: [
      { date: '2027-01-01', holiday: '元旦' },
      { date: '2027-02-05', holiday: '春节' },
      { date: '2027-02-08', holiday: '春节' },
    ],
    workdays: [{ date: '2027-02-13', holiday: '春节' }],
    ...changes,
  };
}

const given = (...events: HolidayNoticeEntered[]): HolidayCalendarState => events.reduce(evolveHolidayCalendar, initialHolidayCalendarState());
const enter = (notice: HolidayNotice, state = given(), today = TODAY) => decideEntry({ type: 'EnterHolidayNotice', data: { notice, today, package: PACKAGE } }, state);
const correct = (notice: HolidayNotice, state: HolidayCalendarState, today = TODAY) =>
  decideCorrection({ type: 'CorrectHolidayNotice', data: { notice, reason: '录入有误', today, package: PACKAGE } }, state);

function violationsOf(act: () => unknown): Array<{ field: string; rule: string }> {
  try {
    act();
  } catch (error) {
    if (error instanceof CatalogRulesViolated) return error.violations.map(({ field, rule }) => ({ field, rule }));
    throw error;
  }
  throw new Error('no violation');
}

describe('entering a holiday notice', () => {
  it('records the arrangement of a year nothing covers', () => {
    expect(enter(notice2027())).toEqual([{ type: 'catalog.HolidayNoticeEntered', data: notice2027() }]);
  });

  it('also records it once the year has begun: until then nothing could be counted in it', () => {
    expect(enter(notice2027(), given(), '2027-01-04')).toHaveLength(1);
  });

  it('refuses a year the package ships or an earlier entry covers (409: a correction is the way)', () => {
    expect(() => enter(notice2027({ year: 2026, restDays: [{ date: '2026-01-01', holiday: '元旦' }], workdays: [] }))).toThrow(HolidayYearAlreadyCovered);
    expect(() => enter(notice2027(), given({ type: 'catalog.HolidayNoticeEntered', data: notice2027() }))).toThrow('already covered (entered from 测试通知〔2026〕1号)');
  });

  it('names each mistake of the arrangement with its field and rule', () => {
    const mistyped = notice2027({
      restDays: [
        { date: '2027-02-06', holiday: '春节' },
        { date: '2026-02-08', holiday: '春节' },
        { date: '2027-02-06', holiday: '春节' },
      ],
      workdays: [
        { date: '2027-02-06', holiday: '春节' },
        { date: '2027-02-15', holiday: '春节' },
        { date: '2027-02-13', holiday: '端午节' },
      ],
    });
    expect(violationsOf(() => enter(mistyped))).toEqual([
      { field: 'restDays[1].date', rule: 'date-in-notice-year' },
      { field: 'restDays[2].date', rule: 'date-listed-once' },
      { field: 'workdays[0].date', rule: 'rest-or-workday' },
      { field: 'workdays[1].date', rule: 'workday-on-weekend' }, // Monday: a working day anyway
      { field: 'workdays[2].holiday', rule: 'workday-makes-up-for-a-holiday' },
      { field: 'restDays', rule: 'new-years-day-rest' },
    ]);
  });

  it('refuses a year whose notice cannot have been published yet', () => {
    expect(violationsOf(() => enter(notice2027({ year: 2028, restDays: [{ date: '2028-01-01', holiday: '元旦' }], workdays: [] })))).toEqual([
      { field: 'year', rule: 'notice-year-published' },
    ]);
  });
});

describe('correcting a holiday notice', () => {
  const entered = given({ type: 'catalog.HolidayNoticeEntered', data: notice2027() });
  const corrected = notice2027({ noticeNumber: '测试通知〔2026〕2号', workdays: [] });

  it('replaces the arrangement of an entered year before it begins, naming what it replaces', () => {
    expect(correct(corrected, entered)).toEqual([{ type: 'catalog.HolidayNoticeCorrected', data: { ...corrected, reason: '录入有误', replaces: '测试通知〔2026〕1号' } }]);
    expect(evolveHolidayCalendar(entered, correct(corrected, entered)[0]).notices.get(2027)).toEqual(corrected);
  });

  it('may correct a year the package ships, before it begins', () => {
    const package2027 = { ...PACKAGE, years: [2027] };
    const events = decideCorrection({ type: 'CorrectHolidayNotice', data: { notice: corrected, reason: '补充通知', today: TODAY, package: package2027 } }, given());
    expect(events[0].data.replaces).toBe('chinese-days 1.5.7');
  });

  it('refuses once the year has begun: its deadlines are committed', () => {
    expect(() => correct(corrected, entered, '2027-01-01')).toThrow(HolidayYearBegun);
  });

  it('refuses a year nothing covers (404: enter it instead)', () => {
    expect(() => correct(corrected, given())).toThrow(HolidayYearNotCovered);
  });

  it('records nothing when the arrangement is already the one in force', () => {
    expect(correct(notice2027({ restDays: [...notice2027().restDays].reverse() }), entered)).toEqual([]);
  });

  it('checks the corrected arrangement like an entry', () => {
    expect(violationsOf(() => correct(notice2027({ workdays: [{ date: '2027-02-12', holiday: '春节' }] }), entered))).toEqual([
      { field: 'workdays[0].date', rule: 'workday-on-weekend' },
    ]);
  });
});
