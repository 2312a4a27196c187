import { common, supervision } from '@sangeyipi/contracts';
import { testHolidayNotice2027, testInfrastructure, type ServiceUnderTest } from '@sangeyipi/testing';
import { SourceService, audit, call, createTopics, processed, startAnalytics, testKafka, uniquePrefix } from './analytics-test-kit';

/**
 * A 双随机 result inspected on Monday 2026-12-21 and published on Monday 2027-01-18: 19 working days
 * with the (test) 2027 notice the catalog recorded on 2026-12-01, so in time; without it 2027 cannot be
 * counted and the result would count as late. The bulletin and the auditor's replay must agree.
 */
describe('a bulletin counted with the holiday notices of its history', () => {
  const prefix = uniquePrefix('an-notice');
  let catalog: SourceService;
  let inspections: SourceService;
  let analytics: ServiceUnderTest;

  beforeAll(async () => {
    const kafka = testKafka();
    await createTopics(kafka, [prefix]);
    catalog = await SourceService.open('catalog', kafka, [prefix]);
    inspections = await SourceService.open('supervision', kafka, [prefix]);
    analytics = await startAnalytics(prefix, { clock: { now: () => new Date('2027-02-02T12:00:00+08:00') } });

    const { year, noticeNumber, title, restDays, workdays } = testHolidayNotice2027();
    await catalog.append('holiday-calendar', 'catalog.HolidayNoticeEntered', '2026-12-01', { year, noticeNumber, title, restDays, workdays }, '310000');
    await inspections.append('plan-PL9', 'supervision.InspectionPlanned', '2026-12-01', { planId: 'PL9', level: common.AdministrativeLevel.DISTRICT, regionCode: '310101' });
    await inspections.append('plan-PL9', 'supervision.InspectionDrawn', '2026-12-02', { planId: 'PL9', inspections: [{ inspectionId: 'I9' }] });
    await inspections.append('inspection-I9', 'supervision.InspectionResultPublished', '2027-01-18', {
      inspectionId: 'I9',
      planId: 'PL9',
      outcome: supervision.InspectionOutcome.COMPLIANT,
      inspectedOn: '2026-12-21',
      publishedOn: '2027-01-18',
    });
    await catalog.publish();
    await inspections.publish();
    await processed(analytics, 4);
  }, 300_000);

  afterAll(async () => {
    await analytics?.close();
    for (const source of [catalog, inspections]) await source?.close();
  });

  it('counts January 2027 with the notice, and the auditor replays it from Kafka to the same digest', async () => {
    const published = await call(analytics.url, 'POST', '/bulletins', 'huangpuSupervisor', { periodKind: 'month', period: '2027-01', regionCode: '310101' });
    expect(published.status).toBe(201);
    const timeliness = published.body.content.values.find((v: { indicator: string; unitId: string; regionCode: string }) => v.indicator === 'result_publication_timeliness' && !v.unitId && !v.regionCode);
    expect(timeliness).toMatchObject({ numerator: '1', denominator: '1' });

    const replay = await audit(['replay', '--bulletin', `${analytics.url}/bulletins/${published.body.bulletinId}`, '--brokers', testInfrastructure().kafkaBrokers.join(',')]);
    expect(replay.stdout).toContain(`replayed  digest ${published.body.digest}`);
    expect(replay.code).toBe(0);
  });
});
