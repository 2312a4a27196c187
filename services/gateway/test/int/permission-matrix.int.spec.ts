import { testHolidayNotice2027 } from '@sangeyipi/testing';
import { HUANGPU_UNIT, PEOPLE, type Person, type PlatformUnderTest, publishItemThroughGateway, receiveCase, SETUP_TIMEOUT_MS, startPlatform, threeStepItem, tokensFor } from './gateway-test-kit';

type Caller = Person | 'anonymous';
const CALLERS: readonly Caller[] = ['anonymous', ...(Object.keys(PEOPLE) as Person[])];
const EVERYONE = 'everyone' as const;
const SIGNED_IN: readonly Caller[] = Object.keys(PEOPLE) as Person[];

/** A change request id that is never open: those allowed get past the checks and meet a 409. */
const UNKNOWN_CHANGE_REQUEST = '00000000-0000-4000-8000-000000000000';

interface Route {
  method: string;
  path: (ids: { itemId: string; caseId: string; requestId: string }) => string;
  body?: unknown;
  /** Who gets past the gateway and the service's permission checks; everyone else gets 403, or 401 without a token. */
  allowed: readonly Caller[] | typeof EVERYONE;
}

const HUANGPU_CASE_READERS: Caller[] = ['clerk', 'reviewer', 'decider', 'unit_admin', 'reform_office', 'supervisor', 'auditor'];
const CATALOG_OVERSIGHT_310101: Caller[] = ['unit_admin', 'reform_office', 'supervisor', 'auditor'];
const decision = { outcome: 'DECISION_APPROVED', reasons: ['符合条件'], legalBasis: '《食品安全法》第三十五条' };
let registered = 0;

/**
 * The gateway's own routes and every route of catalog, cases and analytics, called
 * through the gateway as every role of Huangpu, the same roles of Xuhui, and nobody — on a Huangpu item
 * and case. (Sign-in itself is in sign-in-and-tokens.int.spec.ts.)
 */
const ROUTES: Record<string, Route> = {
  'gateway GET /auth/me': { method: 'GET', path: () => '/auth/me', allowed: SIGNED_IN },
  'gateway GET /auth/options': { method: 'GET', path: () => '/auth/options', allowed: EVERYONE },
  'gateway GET /api/docs-json': { method: 'GET', path: () => '/api/docs-json', allowed: EVERYONE },
  'catalog GET /public/items?q=': { method: 'GET', path: () => '/api/catalog/public/items?q=%E9%A3%9F%E5%93%81', allowed: EVERYONE },
  'catalog GET /public/items/:id': { method: 'GET', path: ({ itemId }) => `/api/catalog/public/items/${itemId}`, allowed: EVERYONE },
  'catalog GET /public/batches': { method: 'GET', path: () => '/api/catalog/public/batches?level=district&regionCode=310101', allowed: EVERYONE },
  'catalog GET /public/units': { method: 'GET', path: () => '/api/catalog/public/units', allowed: EVERYONE },
  'catalog POST /units': {
    method: 'POST',
    path: () => '/api/catalog/units',
    get body() {
      return { unitId: `unit-310101-matrix-${++registered}`, name: '黄浦区卫生健康委员会', kind: 'government_department', level: 'district', regionCode: '310101' };
    },
    allowed: ['operations_admin'],
  },
  'catalog POST /items': { method: 'POST', path: () => '/api/catalog/items', body: threeStepItem({ name: '权限测试事项' }), allowed: ['unit_admin', 'xuhui_unit_admin'] },
  'catalog PUT /items/:id/draft': { method: 'PUT', path: ({ itemId }) => `/api/catalog/items/${itemId}/draft`, body: threeStepItem(), allowed: ['unit_admin'] },
  'catalog POST /items/:id/submission': { method: 'POST', path: ({ itemId }) => `/api/catalog/items/${itemId}/submission`, allowed: ['unit_admin'] },
  'catalog POST /items/:id/approval': { method: 'POST', path: ({ itemId }) => `/api/catalog/items/${itemId}/approval`, body: {}, allowed: ['reform_office'] },
  'catalog POST /items/:id/rejection': { method: 'POST', path: ({ itemId }) => `/api/catalog/items/${itemId}/rejection`, body: { reason: '不同意' }, allowed: ['reform_office'] },
  'catalog POST /items/:id/change-requests/:cr/approval': {
    method: 'POST',
    path: ({ itemId }) => `/api/catalog/items/${itemId}/change-requests/${UNKNOWN_CHANGE_REQUEST}/approval`,
    body: { approvalReference: 'ref' },
    allowed: ['reform_office'],
  },
  'catalog POST /items/:id/change-requests/:cr/rejection': {
    method: 'POST',
    path: ({ itemId }) => `/api/catalog/items/${itemId}/change-requests/${UNKNOWN_CHANGE_REQUEST}/rejection`,
    body: { reason: '不同意' },
    allowed: ['reform_office'],
  },
  'catalog POST /batches (Huangpu)': {
    method: 'POST',
    path: () => '/api/catalog/batches',
    body: { kind: 'on_the_spot', level: 'district', regionCode: '310101', title: '黄浦区当场办结事项目录', itemIds: [UNKNOWN_CHANGE_REQUEST] },
    allowed: ['reform_office'],
  },
  'catalog GET /items/:id': { method: 'GET', path: ({ itemId }) => `/api/catalog/items/${itemId}`, allowed: CATALOG_OVERSIGHT_310101 },
  'catalog GET /workflow?regionCode=310101': { method: 'GET', path: () => '/api/catalog/workflow?regionCode=310101', allowed: CATALOG_OVERSIGHT_310101 },
  'catalog GET /compression?regionCode=310101': { method: 'GET', path: () => '/api/catalog/compression?regionCode=310101', allowed: CATALOG_OVERSIGHT_310101 },
  // The city's calendar: only the operations team here (this reform office is Huangpu's, not the city's).
  'catalog POST /calendar/notices': { method: 'POST', path: () => '/api/catalog/calendar/notices', body: testHolidayNotice2027(), allowed: ['operations_admin'] },
  'catalog PUT /calendar/notices/:year': {
    method: 'PUT',
    path: () => '/api/catalog/calendar/notices/2027',
    body: (({ year: _year, ...arrangement }) => ({ ...arrangement, reason: '权限测试' }))(testHolidayNotice2027()),
    allowed: ['operations_admin'],
  },
  'catalog GET /calendar/notices': { method: 'GET', path: () => '/api/catalog/calendar/notices', allowed: EVERYONE },
  'catalog GET /calendar/years/:year': { method: 'GET', path: () => '/api/catalog/calendar/years/2026', allowed: EVERYONE },
  'catalog POST /items/:id/change-requests': {
    method: 'POST',
    path: ({ itemId }) => `/api/catalog/items/${itemId}/change-requests`,
    body: { change: 'withdrawal', reason: '事项调整' },
    allowed: ['unit_admin'],
  },

  'analytics GET /bulletins': { method: 'GET', path: () => '/api/analytics/bulletins', allowed: EVERYONE },
  'analytics GET /bulletins/:id': { method: 'GET', path: () => '/api/analytics/bulletins/no-such-bulletin', allowed: EVERYONE },
  'analytics GET /figures (Huangpu)': {
    method: 'GET',
    path: () => '/api/analytics/figures?periodKind=month&period=2026-10&regionCode=310101',
    allowed: ['reform_office', 'supervisor', 'auditor', 'operations_admin'],
  },
  'analytics GET /assessments (Huangpu)': {
    method: 'GET',
    path: () => '/api/analytics/assessments?periodKind=month&period=2026-10&regionCode=310101',
    allowed: ['reform_office', 'supervisor', 'auditor', 'operations_admin'],
  },
  'analytics POST /bulletins/recomputation (Huangpu)': {
    method: 'POST',
    path: () => '/api/analytics/bulletins/recomputation',
    body: { periodKind: 'month', period: '2026-10', regionCode: '310101' },
    allowed: ['reform_office', 'supervisor', 'auditor'],
  },
  'analytics POST /bulletins (Huangpu)': {
    method: 'POST',
    path: () => '/api/analytics/bulletins',
    body: { periodKind: 'month', period: '2026-10', regionCode: '310101', title: '权限测试通报' },
    allowed: ['reform_office', 'supervisor'],
  },
  'cases GET /public/commitments': { method: 'GET', path: () => '/api/cases/public/commitments', allowed: EVERYONE },
  'cases GET /cases/mine': { method: 'GET', path: () => '/api/cases/cases/mine', allowed: SIGNED_IN },
  // Xuhui's staff were asked for assistance on the case (beforeAll), so they may read it too.
  'cases GET /cases/:id': { method: 'GET', path: ({ caseId }) => `/api/cases/cases/${caseId}`, allowed: [...HUANGPU_CASE_READERS, 'xuhui_clerk', 'xuhui_reviewer', 'xuhui_decider', 'xuhui_unit_admin'] },
  'cases POST /cases/:id/amendments': { method: 'POST', path: ({ caseId }) => `/api/cases/cases/${caseId}/amendments`, body: { description: '变更', materials: [] }, allowed: ['clerk'] },
  'cases POST /cases/:id/supplement-requests': {
    method: 'POST',
    path: ({ caseId }) => `/api/cases/cases/${caseId}/supplement-requests`,
    body: { missingMaterials: [{ materialId: 'M02', name: '营业执照', reason: '未提交' }] },
    allowed: ['clerk'],
  },
  'cases POST /cases/:id/acceptance': { method: 'POST', path: ({ caseId }) => `/api/cases/cases/${caseId}/acceptance`, body: {}, allowed: ['clerk'] },
  'cases POST /cases/:id/steps 承办': { method: 'POST', path: ({ caseId }) => `/api/cases/cases/${caseId}/steps`, body: { step: 'APPROVAL_STEP_HANDLE', badge: 'B', opinion: '' }, allowed: ['clerk'] },
  'cases POST /cases/:id/steps 审核': { method: 'POST', path: ({ caseId }) => `/api/cases/cases/${caseId}/steps`, body: { step: 'APPROVAL_STEP_REVIEW', badge: 'B', opinion: '' }, allowed: ['reviewer'] },
  'cases POST /cases/:id/steps 决定': {
    method: 'POST',
    path: ({ caseId }) => `/api/cases/cases/${caseId}/steps`,
    body: { step: 'APPROVAL_STEP_DECIDE', badge: 'B', opinion: '', decision },
    allowed: ['decider'],
  },
  'cases POST /cases/:id/suspensions': {
    method: 'POST',
    path: ({ caseId }) => `/api/cases/cases/${caseId}/suspensions`,
    body: { reason: 'SUSPENSION_REASON_TESTING', description: '检测', applicantNotified: true },
    allowed: ['clerk'],
  },
  'cases POST /cases/:id/resumption': { method: 'POST', path: ({ caseId }) => `/api/cases/cases/${caseId}/resumption`, body: {}, allowed: ['clerk'] },
  'cases POST /cases/:id/acceptance-refusal': { method: 'POST', path: ({ caseId }) => `/api/cases/cases/${caseId}/acceptance-refusal`, body: { reason: 'r', legalBasis: 'b' }, allowed: ['clerk'] },
  'cases POST /cases/:id/documents': { method: 'POST', path: ({ caseId }) => `/api/cases/cases/${caseId}/documents`, body: { documentNumber: 'N' }, allowed: ['clerk'] },
  'cases POST /cases/:id/deliveries': { method: 'POST', path: ({ caseId }) => `/api/cases/cases/${caseId}/deliveries`, body: { documentId: 'doc', method: 'DELIVERY_METHOD_POST' }, allowed: ['clerk'] },
  'cases POST /cases/:id/charges': { method: 'POST', path: ({ caseId }) => `/api/cases/cases/${caseId}/charges`, body: { charge: 'FORBIDDEN_CHARGE_EXPEDITE_FEE', description: '加急费' }, allowed: ['clerk'] },
  'cases POST /cases/:id/handover': { method: 'POST', path: ({ caseId }) => `/api/cases/cases/${caseId}/handover`, body: { toUserId: 'someone', note: 'n' }, allowed: ['clerk', 'unit_admin'] },
  'cases POST /cases/:id/assistance-requests': {
    method: 'POST',
    path: ({ caseId }) => `/api/cases/cases/${caseId}/assistance-requests`,
    body: { toUnitId: 'unit-310104-scjgj', question: '请提供意见', limitDays: 5 },
    allowed: ['clerk'],
  },
  'cases POST /cases/:id/assistance-requests/:rid/answer': {
    method: 'POST',
    path: ({ caseId, requestId }) => `/api/cases/cases/${caseId}/assistance-requests/${requestId}/answer`,
    body: { opinion: '同意' },
    // Only staff of the asked unit (Xuhui) answer: the first answer lands, the others meet a 409.
    allowed: ['xuhui_clerk', 'xuhui_reviewer', 'xuhui_decider', 'xuhui_unit_admin'],
  },
  'cases POST /consultations': { method: 'POST', path: () => '/api/cases/consultations', body: { topic: '需要哪些材料', answer: '申请书' }, allowed: ['clerk', 'reviewer', 'decider', 'unit_admin', 'xuhui_clerk', 'xuhui_reviewer', 'xuhui_decider', 'xuhui_unit_admin'] },
  'cases GET /assistance-requests': { method: 'GET', path: () => '/api/cases/assistance-requests', allowed: ['clerk', 'reviewer', 'decider', 'unit_admin', 'xuhui_clerk', 'xuhui_reviewer', 'xuhui_decider', 'xuhui_unit_admin'] },
  'cases GET /consultations': { method: 'GET', path: () => '/api/cases/consultations', allowed: ['clerk', 'reviewer', 'decider', 'unit_admin', 'xuhui_clerk', 'xuhui_reviewer', 'xuhui_decider', 'xuhui_unit_admin'] },
  'cases POST /online-applications': { method: 'POST', path: () => '/api/cases/online-applications', body: { itemId: 'unknown-item', materials: [] }, allowed: ['applicant'] },
  'cases PUT /units/:unit/handlers/:user/backup': { method: 'PUT', path: () => `/api/cases/units/${HUANGPU_UNIT.unitId}/handlers/h-1/backup`, body: { backupUserId: 'h-2' }, allowed: ['unit_admin'] },
  'cases POST /units/:unit/handlers/:user/absence': { method: 'POST', path: () => `/api/cases/units/${HUANGPU_UNIT.unitId}/handlers/h-1/absence`, allowed: ['unit_admin'] },
  'cases POST /cases (receive)': {
    method: 'POST',
    path: () => '/api/cases/cases',
    body: { itemId: 'unknown-item', applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId: 'someone' }, channel: 'CHANNEL_WINDOW', materials: [], badge: 'B' },
    allowed: ['clerk', 'xuhui_clerk'],
  },
};

describe('the permission matrix through the gateway: every route × every role, Xuhui staff and nobody included', () => {
  let platform: PlatformUnderTest;
  let tokens: Record<Person, string>;
  const ids = { itemId: '', caseId: '', requestId: '' };

  beforeAll(async () => {
    platform = await startPlatform({ services: ['catalog', 'cases', 'analytics'] });
    tokens = await tokensFor();
    ids.itemId = await publishItemThroughGateway(platform, tokens);
    ids.caseId = await receiveCase(platform, tokens.clerk, ids.itemId, 'someone-else');
    const asked = await platform.call('POST', `/api/cases/cases/${ids.caseId}/assistance-requests`, {
      token: tokens.clerk,
      body: { toUnitId: 'unit-310104-scjgj', question: '请徐汇区提供意见', limitDays: 5 },
    });
    expect(asked.status).toBe(201);
    const state = await platform.call('GET', `/api/cases/cases/${ids.caseId}`, { token: tokens.clerk });
    ids.requestId = state.body.assistance[0].requestId;
  }, SETUP_TIMEOUT_MS);
  afterAll(() => platform?.close());

  it.each(Object.entries(ROUTES))('%s', async (_name, route) => {
    const outcomes: Partial<Record<Caller, number>> = {};
    for (const caller of CALLERS) {
      const answer = await platform.call(route.method, route.path(ids), { token: caller === 'anonymous' ? undefined : tokens[caller], body: route.body });
      outcomes[caller] = answer.status;
    }
    const allowed = route.allowed === EVERYONE ? CALLERS : route.allowed;
    const refused = CALLERS.filter((caller) => !allowed.includes(caller));
    // Those allowed are never refused for who they are (the record's state may still say 404/409/422).
    expect(Object.fromEntries(allowed.map((caller) => [caller, outcomes[caller] === 401 || outcomes[caller] === 403]))).toEqual(Object.fromEntries(allowed.map((caller) => [caller, false])));
    expect(Object.fromEntries(refused.map((caller) => [caller, outcomes[caller]]))).toEqual(Object.fromEntries(refused.map((caller) => [caller, caller === 'anonymous' ? 401 : 403])));
  });

  it('refuses at the edge a region or unit outside the caller’s scope, before the service sees it', async () => {
    const workflow = await platform.call('GET', '/api/catalog/workflow?regionCode=310104', { token: tokens.supervisor });
    const backup = await platform.call('PUT', '/api/cases/units/unit-310104-scjgj/handlers/h-1/backup', { token: tokens.unit_admin, body: { backupUserId: 'h-2' } });
    const batch = await platform.call('POST', '/api/catalog/batches', {
      token: tokens.reform_office,
      body: { kind: 'on_the_spot', level: 'district', regionCode: '310104', title: '徐汇区', itemIds: [ids.itemId] },
    });

    expect([workflow.body, backup.body, batch.body]).toEqual([
      { statusCode: 403, error: 'Forbidden', message: 'region 310104 is outside your region 310101' },
      { statusCode: 403, error: 'Forbidden', message: 'unit unit-310104-scjgj is not your unit' },
      { statusCode: 403, error: 'Forbidden', message: 'region 310104 is outside your region 310101' },
    ]);
    expect((await platform.call('GET', '/api/catalog/workflow?regionCode=310104', { token: tokens.auditor })).status).toBe(200);
  });

  it('answers 503 naming a service that is not running, and 404 for one it does not route', async () => {
    const down = await platform.call('GET', '/api/supervision/public/inspection-results');
    const unknown = await platform.call('GET', '/api/nothing/here');

    expect(down.status).toBe(503);
    expect(down.body.message).toBe('the supervision service is not reachable');
    expect(unknown.status).toBe(404);
  });
});
