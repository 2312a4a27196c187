import { testHolidayNotice2027, type ServiceUnderTest } from '@sangeyipi/testing';
import { earlyFoodLicence } from '../../src/catalog-item/catalog-item.examples';
import { approvedItem, CatalogApi, HUANGPU_MARKET_REGULATION, PEOPLE, publiclyAt, publishBatch, registerUnit, startCatalog, XUHUI_MARKET_REGULATION, type Person } from './catalog-test-kit';

type Caller = Person | 'anonymous';
const CALLERS: readonly Caller[] = ['anonymous', ...(Object.keys(PEOPLE) as Person[])];

/** A change request id that is never open: deciders get past the permission check and meet a 409. */
const UNKNOWN_CHANGE_REQUEST = '00000000-0000-4000-8000-000000000000';

interface Endpoint {
  method: string;
  path: (itemId: string) => string;
  body?: (itemId: string) => unknown;
  /** Who gets past authentication and authorisation; everyone else gets 403 (401 without a token). */
  allowed: readonly Caller[] | 'everyone';
}

const HUANGPU_UNIT_ADMIN: Caller[] = ['huangpuUnitAdmin'];
const HUANGPU_REVIEWERS: Caller[] = ['huangpuReformOffice', 'cityReformOffice'];
const OVERSIGHT: Caller[] = ['huangpuUnitAdmin', 'xuhuiUnitAdmin', 'huangpuReformOffice', 'xuhuiReformOffice', 'cityReformOffice', 'citySupervisor', 'auditor'];
const CALENDAR_KEEPERS: Caller[] = ['operationsAdmin', 'cityReformOffice'];
let registeredUnits = 0;

// Every endpoint of the catalog, applied to a published item of 黄浦区市场监督管理局.
const ENDPOINTS: Record<string, Endpoint> = {
  'POST /units': {
    method: 'POST',
    path: () => '/units',
    body: () => ({ unitId: `unit-310104-matrix-${++registeredUnits}`, name: '徐汇区卫生健康委员会', kind: 'government_department', level: 'district', regionCode: '310104' }),
    allowed: ['operationsAdmin'],
  },
  'POST /items': { method: 'POST', path: () => '/items', body: () => earlyFoodLicence({ name: '食品经营许可（权限测试）' }), allowed: ['huangpuUnitAdmin', 'xuhuiUnitAdmin'] },
  'PUT /items/:id/draft': { method: 'PUT', path: (id) => `/items/${id}/draft`, body: () => earlyFoodLicence(), allowed: HUANGPU_UNIT_ADMIN },
  'POST /items/:id/submission': { method: 'POST', path: (id) => `/items/${id}/submission`, allowed: HUANGPU_UNIT_ADMIN },
  'POST /items/:id/approval': { method: 'POST', path: (id) => `/items/${id}/approval`, body: () => ({}), allowed: HUANGPU_REVIEWERS },
  'POST /items/:id/rejection': { method: 'POST', path: (id) => `/items/${id}/rejection`, body: () => ({ reason: '不同意' }), allowed: HUANGPU_REVIEWERS },
  'POST /items/:id/change-requests': {
    method: 'POST',
    path: (id) => `/items/${id}/change-requests`,
    body: () => ({ change: 'withdrawal', reason: '事项调整' }),
    allowed: HUANGPU_UNIT_ADMIN,
  },
  'POST /items/:id/change-requests/:cr/approval': {
    method: 'POST',
    path: (id) => `/items/${id}/change-requests/${UNKNOWN_CHANGE_REQUEST}/approval`,
    body: () => ({ approvalReference: 'ref' }),
    allowed: HUANGPU_REVIEWERS,
  },
  'POST /items/:id/change-requests/:cr/rejection': {
    method: 'POST',
    path: (id) => `/items/${id}/change-requests/${UNKNOWN_CHANGE_REQUEST}/rejection`,
    body: () => ({ reason: '不同意' }),
    allowed: HUANGPU_REVIEWERS,
  },
  'POST /batches': {
    method: 'POST',
    path: () => '/batches',
    body: (id) => ({ kind: 'on_the_spot', level: 'district', regionCode: '310101', title: '黄浦区当场办结事项目录', itemIds: [id] }),
    allowed: HUANGPU_REVIEWERS,
  },
  'GET /items/:id': {
    method: 'GET',
    path: (id) => `/items/${id}`,
    allowed: ['huangpuUnitAdmin', 'huangpuReformOffice', 'cityReformOffice', 'citySupervisor', 'auditor'],
  },
  'GET /workflow': { method: 'GET', path: () => '/workflow', allowed: OVERSIGHT },
  'GET /compression': { method: 'GET', path: () => '/compression', allowed: OVERSIGHT },
  'GET /public/items': { method: 'GET', path: () => `/public/items?q=${encodeURIComponent('食品')}`, allowed: 'everyone' },
  'GET /public/items/:id': { method: 'GET', path: (id) => `/public/items/${id}`, allowed: 'everyone' },
  'GET /public/batches': { method: 'GET', path: () => '/public/batches?level=district&regionCode=310101', allowed: 'everyone' },
  'GET /public/units': { method: 'GET', path: () => '/public/units', allowed: 'everyone' },
  // The calendar holds for all of Shanghai: a district's reform office may not enter it. The first allowed
  // caller enters 2027, the next meets a 409; a correction meets 200, or 409 once 2027 has begun.
  'POST /calendar/notices': { method: 'POST', path: () => '/calendar/notices', body: () => testHolidayNotice2027(), allowed: CALENDAR_KEEPERS },
  'PUT /calendar/notices/:year': {
    method: 'PUT',
    path: () => '/calendar/notices/2027',
    body: () => {
      const { year: _year, ...arrangement } = testHolidayNotice2027();
      return { ...arrangement, reason: '权限测试' };
    },
    allowed: CALENDAR_KEEPERS,
  },
  'GET /calendar/notices': { method: 'GET', path: () => '/calendar/notices', allowed: 'everyone' },
  'GET /calendar/years/:year': { method: 'GET', path: () => '/calendar/years/2026', allowed: 'everyone' },
};

function expectedOutcome(endpoint: Endpoint, caller: Caller): 'allowed' | 401 | 403 {
  if (endpoint.allowed === 'everyone' || endpoint.allowed.includes(caller)) return 'allowed';
  return caller === 'anonymous' ? 401 : 403;
}

describe('who may call which catalog endpoint', () => {
  let service: ServiceUnderTest;
  let api: CatalogApi;
  let publishedItem: string;

  beforeAll(async () => {
    service = await startCatalog();
    api = new CatalogApi(service.url);
    await registerUnit(api, HUANGPU_MARKET_REGULATION);
    await registerUnit(api, XUHUI_MARKET_REGULATION);
    publishedItem = await approvedItem(api, earlyFoodLicence());
    await publishBatch(api, [publishedItem]);
    await publiclyAt(api, publishedItem, 1);
  });

  afterAll(() => service?.close());

  it.each(Object.entries(ENDPOINTS))('%s', async (_name, endpoint) => {
    const outcomes: Record<string, number | 'allowed'> = {};
    const expected: Record<string, number | 'allowed'> = {};
    for (const caller of CALLERS) {
      const { status, body } = await api.call(endpoint.method, endpoint.path(publishedItem), {
        as: caller === 'anonymous' ? undefined : caller,
        body: endpoint.body?.(publishedItem),
      });
      if (status >= 500) throw new Error(`${endpoint.method} ${endpoint.path(publishedItem)} as ${caller} answered ${status}: ${JSON.stringify(body)}`);
      // Past the permission checks a caller may still meet a 4xx of the item's state (409) or its data.
      outcomes[caller] = status === 401 || status === 403 ? status : 'allowed';
      expected[caller] = expectedOutcome(endpoint, caller);
    }
    expect(outcomes).toEqual(expected);
  });

  it('shows each staff member only the items of their unit or region', async () => {
    const seenBy = async (caller: Person) => (await api.expect(200, 'GET', '/workflow', { as: caller })).items.map((item: { unitId: string }) => item.unitId);

    expect(new Set(await seenBy('huangpuUnitAdmin'))).toEqual(new Set([HUANGPU_MARKET_REGULATION.unitId]));
    expect(await seenBy('xuhuiReformOffice')).not.toContain(HUANGPU_MARKET_REGULATION.unitId);
    expect(await seenBy('cityReformOffice')).toContain(HUANGPU_MARKET_REGULATION.unitId);
    expect(await seenBy('auditor')).toContain(HUANGPU_MARKET_REGULATION.unitId);
    expect((await api.expect(200, 'GET', '/compression', { as: 'xuhuiUnitAdmin' })).units).toEqual([]);
  });
});
