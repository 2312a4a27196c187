import { CLOCK, ManualClock, type Clock } from '@sangeyipi/platform';
import { testHolidayNotice2027, type ServiceUnderTest } from '@sangeyipi/testing';
import { CatalogApi, startCatalog } from './catalog-test-kit';

/** The arrangement of the test notice without its year, as PUT takes it. */
function correction(reason: string, changes: Parameters<typeof testHolidayNotice2027>[0] = {}) {
  const { year: _year, ...arrangement } = testHolidayNotice2027(changes);
  return { ...arrangement, reason };
}

describe('entering the State Council holiday notices', () => {
  let service: ServiceUnderTest;
  let api: CatalogApi;
  const clock = new ManualClock('2026-11-28T02:00:00Z'); // Saturday 10:00 in Shanghai

  beforeAll(async () => {
    service = await startCatalog();
    service.app.get<Clock>(CLOCK, { strict: false }).now = () => clock.now();
    api = new CatalogApi(service.url);
  });

  afterAll(() => service?.close());

  it('shows the years the package covers, with their days and holidays, and none beyond', async () => {
    const years = await api.expect(200, 'GET', '/calendar/notices');
    expect(years.at(-1)).toMatchObject({ year: 2026, source: 'package', sourceName: expect.stringMatching(/^chinese-days /) });
    const year2026 = await api.expect(200, 'GET', '/calendar/years/2026');
    expect(year2026.restDays).toContainEqual({ date: '2026-02-17', holiday: '春节' });
    expect(year2026.workdays).toContainEqual({ date: '2026-02-14', holiday: '春节' });
    await api.expect(404, 'GET', '/calendar/years/2027');
    await api.expect(400, 'GET', '/calendar/years/next');
  });

  it('refuses a malformed notice with the field and the reason', async () => {
    const notice = testHolidayNotice2027();
    const answer = (body: unknown) => api.call('POST', '/calendar/notices', { as: 'cityReformOffice', body });
    const violations = async (body: unknown) => {
      const { status, body: refusal } = await answer(body);
      expect(status).toBe(400);
      return refusal.violations.map(({ field, rule }: { field: string; rule?: string }) => (rule ? `${field}: ${rule}` : field));
    };

    expect(await violations({ ...notice, restDays: [{ date: '2027-02-30', holiday: '春节' }] })).toEqual(['restDays[0].date']);
    expect(await violations({ ...notice, title: '' })).toEqual(['title']);
    expect(await violations({ ...notice, restDays: [...notice.restDays, { date: '2026-12-31', holiday: '元旦' }] })).toEqual([
      `restDays[${notice.restDays.length}].date: date-in-notice-year`,
    ]);
    expect(await violations({ ...notice, workdays: [{ date: '2027-02-07', holiday: '春节' }] })).toEqual(['workdays[0].date: rest-or-workday']);
    expect(await violations({ ...notice, workdays: [{ date: '2027-02-15', holiday: '春节' }] })).toEqual(['workdays[0].date: workday-on-weekend']);
    expect(await violations({ ...notice, year: 2028 })).toContain('year: notice-year-published');
  });

  it('refuses a year the package covers: that is a correction', async () => {
    const year2026 = { ...testHolidayNotice2027(), year: 2026, restDays: [{ date: '2026-01-01', holiday: '元旦' }], workdays: [] };
    const refusal = await api.expect(409, 'POST', '/calendar/notices', { as: 'operationsAdmin', body: year2026 });
    expect(refusal.message).toContain('already covered (shipped by chinese-days');
  });

  it('enters next year once, then covers it from the notice', async () => {
    const entered = await api.expect(201, 'POST', '/calendar/notices', { as: 'cityReformOffice', body: testHolidayNotice2027() });
    expect(entered).toMatchObject({ year: 2027, source: 'notice', sourceName: '测试通知〔2026〕1号', corrections: [] });
    expect(entered.workdays).toEqual(testHolidayNotice2027().workdays);

    await api.expect(409, 'POST', '/calendar/notices', { as: 'operationsAdmin', body: testHolidayNotice2027({ noticeNumber: '测试通知〔2026〕9号' }) });
    const years = await api.expect(200, 'GET', '/calendar/notices');
    expect(years.at(-1)).toMatchObject({ year: 2027, source: 'notice', title: testHolidayNotice2027().title });
  });

  it('corrects an entered year with a reason before it begins, and refuses once it has begun', async () => {
    const corrected = await api.expect(200, 'PUT', '/calendar/notices/2027', { as: 'operationsAdmin', body: correction('录入时通知文号有误', { noticeNumber: '测试通知〔2026〕2号' }) });
    expect(corrected).toMatchObject({ sourceName: '测试通知〔2026〕2号', corrections: [{ noticeNumber: '测试通知〔2026〕2号', reason: '录入时通知文号有误', replaces: '测试通知〔2026〕1号' }] });
    // The same arrangement again (a retried request) records nothing more.
    const repeated = await api.expect(200, 'PUT', '/calendar/notices/2027', { as: 'operationsAdmin', body: correction('重复提交', { noticeNumber: '测试通知〔2026〕2号' }) });
    expect(repeated.corrections).toHaveLength(1);

    const year2003 = { noticeNumber: 'x', title: 'x', restDays: [{ date: '2003-01-01', holiday: '元旦' }], workdays: [], reason: '补录' };
    await api.expect(404, 'PUT', '/calendar/notices/2003', { as: 'operationsAdmin', body: year2003 });

    clock.set('2027-01-01T00:00:00+08:00');
    const refusal = await api.expect(409, 'PUT', '/calendar/notices/2027', { as: 'cityReformOffice', body: correction('再次更正', { noticeNumber: '测试通知〔2026〕3号' }) });
    expect(refusal.message).toContain('2027 has begun');
  });
});
