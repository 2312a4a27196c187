import { ManualClock } from '@sangeyipi/platform';
import { eventually, type ServiceUnderTest } from '@sangeyipi/testing';
import { call, createTopics, startAnalytics, testKafka, uniquePrefix } from './analytics-test-kit';

describe('the monthly bulletins', () => {
  const clock = new ManualClock('2026-11-01T01:00:00+08:00');
  let replicas: ServiceUnderTest[] = [];

  beforeAll(async () => {
    const prefix = uniquePrefix('anmonth');
    await createTopics(testKafka(), [prefix]);
    const env = { ANALYTICS_SCHEDULE_MS: '50', ANALYTICS_MONTHLY_HOUR: '2', ANALYTICS_MONTHLY_REGIONS: '310000,310101' };
    const first = await startAnalytics(prefix, { clock, env });
    replicas = [first, await startAnalytics(prefix, { clock, env, database: first.database })];
  });

  afterAll(async () => {
    // The second replica uses the first one's database, which the first drops when it closes: close it last.
    for (const replica of [...replicas].reverse()) await replica.close();
  });

  it('publishes last month\'s bulletin of each configured region once, from the publishing hour of the 1st, whichever replica comes first', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300)); // several checks of both replicas before 02:00
    expect((await call(replicas[0].url, 'GET', '/bulletins')).body).toEqual([]);

    clock.set('2026-11-01T02:00:00+08:00');
    const bulletins = await eventually(async () => {
      const { body } = await call(replicas[1].url, 'GET', '/bulletins');
      return body.length === 2 ? body : false;
    });
    await new Promise((resolve) => setTimeout(resolve, 300)); // and several more checks after
    expect((await call(replicas[0].url, 'GET', '/bulletins')).body).toHaveLength(2);
    expect(bulletins.map((b: { scope: { regionCode: string }; period: { key: string }; origin: string }) => [b.scope.regionCode, b.period.key, b.origin]).sort()).toEqual([
      ['310000', '2026-10', 'scheduled'],
      ['310101', '2026-10', 'scheduled'],
    ]);
    const city = (await call(replicas[0].url, 'GET', `/bulletins/${bulletins.find((b: { scope: { regionCode: string } }) => b.scope.regionCode === '310000').bulletinId}`)).body;
    expect(city.title).toBe('上海市2026年10月“三个一批”统计通报');
    expect(city.content.asOf).toBe('2026-10-31T16:00:00.000Z');
  });
});
