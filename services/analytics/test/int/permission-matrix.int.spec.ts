import type { ServiceUnderTest } from '@sangeyipi/testing';
import { PEOPLE, call, createTopics, startAnalytics, testKafka, uniquePrefix, type Person } from './analytics-test-kit';

const HUANGPU_OCTOBER = { periodKind: 'month', period: '2026-10', regionCode: '310101' };
const QUERY = 'periodKind=month&period=2026-10&regionCode=310101';
type Caller = Person | 'anonymous';
const CALLERS: Caller[] = ['anonymous', ...(Object.keys(PEOPLE) as Person[])];

/** Who may do what (xuhuiSupervisor asks about 黄浦区, outside its region). */
const MATRIX: Array<{ route: string; method: string; path: string; body?: unknown; allowed: Partial<Record<Caller, number>> }> = [
  {
    route: 'GET /figures',
    method: 'GET',
    path: `/figures?${QUERY}`,
    allowed: { huangpuSupervisor: 200, huangpuReformOffice: 200, auditor: 200, operationsAdmin: 200 },
  },
  {
    route: 'GET /assessments',
    method: 'GET',
    path: `/assessments?${QUERY}`,
    allowed: { huangpuSupervisor: 200, huangpuReformOffice: 200, auditor: 200, operationsAdmin: 200 },
  },
  {
    route: 'POST /bulletins',
    method: 'POST',
    path: '/bulletins',
    body: HUANGPU_OCTOBER,
    allowed: { huangpuSupervisor: 201, huangpuReformOffice: 201 },
  },
  {
    route: 'POST /bulletins/recomputation',
    method: 'POST',
    path: '/bulletins/recomputation',
    body: HUANGPU_OCTOBER,
    allowed: { huangpuSupervisor: 200, huangpuReformOffice: 200, auditor: 200 },
  },
  { route: 'GET /bulletins', method: 'GET', path: '/bulletins', allowed: Object.fromEntries(CALLERS.map((c) => [c, 200])) },
];

describe('who may call which analytics endpoint', () => {
  let service: ServiceUnderTest;
  let bulletinId: string;

  beforeAll(async () => {
    const prefix = uniquePrefix('anperm');
    await createTopics(testKafka(), [prefix]);
    service = await startAnalytics(prefix);
    bulletinId = (await call(service.url, 'POST', '/bulletins', 'huangpuSupervisor', HUANGPU_OCTOBER)).body.bulletinId;
  });

  afterAll(async () => {
    await service?.close();
  });

  for (const { route, method, path, body, allowed } of MATRIX) {
    it(`${route}: ${Object.keys(allowed).join(', ')} allowed; others 401 without a token, 403 otherwise`, async () => {
      for (const caller of CALLERS) {
        const expected = allowed[caller] ?? (caller === 'anonymous' ? 401 : 403);
        const { status } = await call(service.url, method, path, caller === 'anonymous' ? undefined : caller, body);
        expect(`${caller}: ${status}`).toBe(`${caller}: ${expected}`);
      }
    });
  }

  it('serves a published bulletin, as JSON and as a page, to anyone; an unknown one is 404', async () => {
    for (const caller of CALLERS) {
      const as = caller === 'anonymous' ? undefined : caller;
      expect((await call(service.url, 'GET', `/bulletins/${bulletinId}`, as)).status).toBe(200);
      expect((await call(service.url, 'GET', `/bulletins/${bulletinId}/page`, as)).status).toBe(200);
    }
    expect((await call(service.url, 'GET', '/bulletins/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await call(service.url, 'GET', '/bulletins/not-a-bulletin')).status).toBe(404);
    // Served from Redis after the first read: a bulletin never changes.
    const metrics = (await call(service.url, 'GET', '/metrics')).text;
    expect(Number(/analytics_bulletin_cache_lookups_total\{[^}]*outcome="hit"[^}]*\} (\d+)/.exec(metrics)?.[1] ?? 0)).toBeGreaterThan(10);
  });

  it('answers 400 naming the field for a bad period, an unknown period kind, a future as-of instant or a bad region', async () => {
    const cases: Array<[string, string]> = [
      ['periodKind=month&period=2026-13&regionCode=310101', 'period'],
      ['periodKind=week&period=2026-10&regionCode=310101', 'periodKind'],
      ['periodKind=day&period=2026-02-30&regionCode=310101', 'period'],
      [`${QUERY}&asOf=2999-01-01T00:00:00Z`, 'asOf'],
      ['periodKind=month&period=2026-10&regionCode=110101', 'regionCode'],
      [`${QUERY}&catalogKind=everything`, 'catalogKind'],
    ];
    for (const [query, field] of cases) {
      const { status, body } = await call(service.url, 'GET', `/figures?${query}`, 'auditor');
      expect([query, status, body.violations?.[0]?.field]).toEqual([query, 400, field]);
    }
  });
});
