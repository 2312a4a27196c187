import { randomUUID } from 'node:crypto';
import { eventually, signTestToken } from '@sangeyipi/testing';
import { publishedItem, startCases, type CasesUnderTest } from './cases-test-kit';

const UNIT = `unit-${randomUUID().slice(0, 8)}`;
const ITEM = randomUUID();

/** Every role of the platform in the case's unit (region 310101), plus staff of another unit. */
const PEOPLE = {
  applicant: { roles: ['applicant'] },
  clerk: { roles: ['clerk'], unitId: UNIT },
  reviewer: { roles: ['reviewer'], unitId: UNIT },
  decider: { roles: ['decider'], unitId: UNIT },
  unit_admin: { roles: ['unit_admin'], unitId: UNIT },
  reform_office: { roles: ['reform_office'], regionCode: '310000' },
  supervisor: { roles: ['supervisor'], regionCode: '310101' },
  auditor: { roles: ['auditor'] },
  operations_admin: { roles: ['operations_admin'] },
  other_unit_clerk: { roles: ['clerk'], unitId: 'unit-other', regionCode: '310104' },
  other_unit_reviewer: { roles: ['reviewer'], unitId: 'unit-other', regionCode: '310104' },
  other_unit_decider: { roles: ['decider'], unitId: 'unit-other', regionCode: '310104' },
  other_unit_admin: { roles: ['unit_admin'], unitId: 'unit-other', regionCode: '310104' },
  other_district_supervisor: { roles: ['supervisor'], regionCode: '310104' },
} as const;
type Person = keyof typeof PEOPLE;

interface Endpoint {
  name: string;
  method: 'GET' | 'POST' | 'PUT';
  path: (caseId: string) => string;
  body?: object;
  allowed: Person[];
}

const decision = { outcome: 'DECISION_APPROVED', reasons: ['符合条件'], legalBasis: '第三十八条' };
const ENDPOINTS: Endpoint[] = [
  {
    name: 'receive',
    method: 'POST',
    path: () => '/cases',
    body: { itemId: ITEM, applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId: 'a-1' }, channel: 'CHANNEL_WINDOW', materials: [], badge: 'B' },
    allowed: ['clerk'],
  },
  { name: 'read', method: 'GET', path: (id) => `/cases/${id}`, allowed: ['clerk', 'reviewer', 'decider', 'unit_admin', 'reform_office', 'supervisor', 'auditor'] },
  { name: 'amend', method: 'POST', path: (id) => `/cases/${id}/amendments`, body: { description: '变更', materials: [] }, allowed: ['clerk'] },
  { name: 'supplement', method: 'POST', path: (id) => `/cases/${id}/supplement-requests`, body: { missingMaterials: [{ materialId: 'M', name: 'n', reason: 'r' }] }, allowed: ['clerk'] },
  { name: 'refuse acceptance', method: 'POST', path: (id) => `/cases/${id}/acceptance-refusal`, body: { reason: 'r', legalBasis: 'b' }, allowed: ['clerk'] },
  { name: 'accept', method: 'POST', path: (id) => `/cases/${id}/acceptance`, body: {}, allowed: ['clerk'] },
  { name: 'step 承办', method: 'POST', path: (id) => `/cases/${id}/steps`, body: { step: 'APPROVAL_STEP_HANDLE', badge: 'B', opinion: '' }, allowed: ['clerk'] },
  { name: 'step 审核', method: 'POST', path: (id) => `/cases/${id}/steps`, body: { step: 'APPROVAL_STEP_REVIEW', badge: 'B', opinion: '' }, allowed: ['reviewer'] },
  { name: 'step 决定', method: 'POST', path: (id) => `/cases/${id}/steps`, body: { step: 'APPROVAL_STEP_DECIDE', badge: 'B', opinion: '', decision }, allowed: ['decider'] },
  { name: 'suspend', method: 'POST', path: (id) => `/cases/${id}/suspensions`, body: { reason: 'SUSPENSION_REASON_TESTING', description: 'd', applicantNotified: true }, allowed: ['clerk'] },
  { name: 'resume', method: 'POST', path: (id) => `/cases/${id}/resumption`, body: {}, allowed: ['clerk'] },
  { name: 'issue document', method: 'POST', path: (id) => `/cases/${id}/documents`, body: { documentNumber: 'N' }, allowed: ['clerk'] },
  { name: 'deliver', method: 'POST', path: (id) => `/cases/${id}/deliveries`, body: { documentId: 'doc', method: 'DELIVERY_METHOD_POST' }, allowed: ['clerk'] },
  { name: 'forbidden charge', method: 'POST', path: (id) => `/cases/${id}/charges`, body: { charge: 'FORBIDDEN_CHARGE_EXPEDITE_FEE', description: '加急费' }, allowed: ['clerk'] },
  { name: 'handover', method: 'POST', path: (id) => `/cases/${id}/handover`, body: { toUserId: 'someone', note: 'n' }, allowed: ['clerk', 'unit_admin'] },
  {
    name: 'assistance inbox',
    method: 'GET',
    path: () => '/assistance-requests',
    allowed: ['clerk', 'reviewer', 'decider', 'unit_admin', 'other_unit_clerk', 'other_unit_reviewer', 'other_unit_decider', 'other_unit_admin'],
  },
  { name: 'ask assistance', method: 'POST', path: (id) => `/cases/${id}/assistance-requests`, body: { toUnitId: 'unit-x', question: 'q', limitDays: 5 }, allowed: ['clerk'] },
  { name: 'name backup', method: 'PUT', path: () => `/units/${UNIT}/handlers/h-1/backup`, body: { backupUserId: 'h-2' }, allowed: ['unit_admin'] },
  { name: 'mark absent', method: 'POST', path: () => `/units/${UNIT}/handlers/h-1/absence`, allowed: ['unit_admin'] },
];

describe('permission matrix: every endpoint × every role, staff of another unit included', () => {
  let t: CasesUnderTest;
  const tokens = {} as Record<Person, string>;
  let caseId: string;

  beforeAll(async () => {
    t = await startCases('2025-11-03T02:00:00Z');
    for (const [person, claims] of Object.entries(PEOPLE)) {
      tokens[person as Person] = await signTestToken({ userId: `m-${person}`, regionCode: '310101', ...claims, roles: [...claims.roles] });
    }
    await t.publishCatalogEvent('catalog.CatalogItemPublished', `item-${ITEM}`, 1, publishedItem(ITEM, UNIT));
    const receive = ENDPOINTS[0];
    const received = await eventually(async () => {
      const answer = await t.call('POST', '/cases', tokens.clerk, receive.body);
      return answer.status === 201 ? answer : undefined;
    });
    caseId = received?.body.caseId;
  });
  afterAll(() => t?.close());

  it.each(ENDPOINTS.map((e) => [e.name, e] as const))('%s', async (_name, endpoint) => {
    const outcomes: Record<string, number> = {};
    for (const person of Object.keys(PEOPLE) as Person[]) {
      outcomes[person] = (await t.call(endpoint.method, endpoint.path(caseId), tokens[person], endpoint.body)).status;
    }
    const forbidden = Object.keys(PEOPLE).filter((person) => !endpoint.allowed.includes(person as Person));
    // Allowed people are never refused for who they are (the case's state may still refuse: 409/422).
    expect(Object.fromEntries(endpoint.allowed.map((p) => [p, outcomes[p] === 403 || outcomes[p] === 401]))).toEqual(
      Object.fromEntries(endpoint.allowed.map((p) => [p, false])),
    );
    expect(Object.fromEntries(forbidden.map((p) => [p, outcomes[p]]))).toEqual(Object.fromEntries(forbidden.map((p) => [p, 403])));
  });

  it('lets the applicant read their own case only, and everyone list “my cases”', async () => {
    const own = await signTestToken({ userId: 'a-1', roles: ['applicant'] });
    expect((await t.call('GET', `/cases/${caseId}`, own)).status).toBe(200);
    for (const person of Object.keys(PEOPLE) as Person[]) expect((await t.call('GET', '/cases/mine', tokens[person])).status).toBe(200);
  });

  it('shows an applicant only their own cases: another applicant can neither read the case nor find it in “my cases”', async () => {
    const own = await signTestToken({ userId: 'a-1', roles: ['applicant'] });
    const stranger = await signTestToken({ userId: 'a-2', roles: ['applicant'] });
    expect((await t.call('GET', `/cases/${caseId}`, stranger)).status).toBe(403);
    const ownList = await eventually(async () => {
      const list = (await t.call('GET', '/cases/mine', own)).body as { caseId: string; applicantId?: string }[];
      return list.some((c) => c.caseId === caseId) ? list : undefined;
    });
    expect(ownList?.map((c) => c.caseId)).toContain(caseId);
    const strangerList = (await t.call('GET', '/cases/mine', stranger)).body as { caseId: string }[];
    expect(strangerList.map((c) => c.caseId)).not.toContain(caseId);
  });

  it('records consultations (咨询) as events and lists them for the unit only', async () => {
    const asked = { topic: '食品经营许可需要哪些材料', itemId: ITEM, applicantRef: '91310101MA1FPX1234', answer: '申请书、营业执照、经营场所使用证明' };
    const recorded = await t.call('POST', '/consultations', tokens.clerk, asked);
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ ...asked, unitId: UNIT, answeredByUserId: 'm-clerk', recordedOn: '2025-11-03' });
    expect((await t.call('POST', '/consultations', tokens.reviewer, { topic: '能否网上办理', answer: '可以' })).body).toMatchObject({ itemId: '', applicantRef: '' });
    expect((await t.call('POST', '/consultations', tokens.clerk, { topic: '无答复' })).status).toBe(400);
    // A topic of white space is no topic (it would be recorded for good in the event).
    const blank = await t.call('POST', '/consultations', tokens.clerk, { topic: '   ', answer: '可以' });
    expect(blank).toMatchObject({ status: 400, body: { violations: [{ field: 'topic', reasons: ['should not be empty or blank'] }] } });
    for (const person of ['applicant', 'supervisor', 'auditor', 'reform_office'] as const) {
      expect((await t.call('POST', '/consultations', tokens[person], asked)).status).toBe(403);
      expect((await t.call('GET', '/consultations', tokens[person])).status).toBe(403);
    }
    const own = (await t.call('GET', '/consultations', tokens.decider)).body as { consultationId: string; topic: string }[];
    expect(own.map((c) => c.topic)).toEqual(['能否网上办理', asked.topic]);
    expect(own[1].consultationId).toBe(recorded.body.consultationId);
    expect((await t.call('GET', '/consultations', tokens.other_unit_clerk)).body).toEqual([]);
  });

  it('takes an online application through pre-review (one notice of missing materials) to acceptance at the window', async () => {
    const applicant = await signTestToken({ userId: 'online-1', roles: ['applicant'] });
    const stranger = await signTestToken({ userId: 'online-2', roles: ['applicant'] });
    const materials = [{ materialId: 'M01', name: '食品经营许可申请书', copies: 1 }];
    expect((await t.call('POST', '/online-applications', tokens.clerk, { itemId: ITEM, materials })).status).toBe(403);
    const submitted = await t.call('POST', '/online-applications', applicant, { itemId: ITEM, materials });
    expect(submitted.status).toBe(201);
    const id: string = submitted.body.caseId;
    expect((await t.call('GET', `/cases/${id}`, applicant)).body).toMatchObject({ status: 'submitted-online', receivedOn: '', allowedActions: ['amend-application', 'pre-review', 'request-supplement'] });
    expect((await t.call('GET', `/cases/${id}`, stranger)).status).toBe(403);
    // Listed from submission: the applicant follows it, the unit's clerks find it waiting for pre-review.
    const listed = (token: string, status: string) =>
      eventually(async () => ((await t.call('GET', '/cases/mine', token)).body as Array<Record<string, unknown>>).find((c) => c.caseId === id && c.status === status));
    expect(await listed(applicant, 'submitted-online')).toMatchObject({ receiptVoucherNumber: '', light: 'none', supplementRequests: 0 });
    expect(await listed(tokens.clerk, 'submitted-online')).toBeDefined();
    expect(((await t.call('GET', '/cases/mine', tokens.other_unit_clerk)).body as { caseId: string }[]).map((c) => c.caseId)).not.toContain(id);

    const missing = { outcome: 'materials-missing', missingMaterials: [{ materialId: 'M02', name: '营业执照', reason: '未上传' }] };
    expect((await t.call('POST', `/online-applications/${id}/pre-review`, tokens.other_unit_clerk, missing)).status).toBe(403);
    expect((await t.call('POST', `/online-applications/${id}/pre-review`, tokens.clerk, missing)).status).toBe(200);
    expect((await t.call('POST', `/online-applications/${id}/pre-review`, tokens.clerk, missing)).body).toMatchObject({ code: 'second-supplement-request' });
    expect((await t.call('POST', `/online-applications/${id}/window-acceptance`, tokens.clerk, { badge: 'HP-7' })).status).toBe(409);
    await eventually(async () => (await listed(tokens.clerk, 'submitted-online'))?.supplementRequests === 1); // waiting for the applicant

    const amendment = { description: '补传营业执照', materials: [...materials, { materialId: 'M02', name: '营业执照', copies: 1 }] };
    expect((await t.call('POST', `/online-applications/${id}/amendments`, stranger, amendment)).status).toBe(403);
    expect((await t.call('POST', `/online-applications/${id}/amendments`, applicant, amendment)).status).toBe(201);
    expect((await t.call('POST', `/online-applications/${id}/pre-review`, tokens.clerk, { outcome: 'complete' })).status).toBe(200);
    expect(await listed(applicant, 'pre-reviewed')).toBeDefined();

    const accepted = await t.call('POST', `/online-applications/${id}/window-acceptance`, tokens.clerk, { badge: 'HP-7' });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ events: ['cases.CaseReceived', 'cases.CaseAccepted'], receiptVoucher: { receivedOn: '2025-11-03', handlerBadge: 'HP-7' } });
    const view = (await t.call('GET', `/cases/${id}`, applicant)).body;
    expect(view).toMatchObject({ status: 'in-progress', receivedOn: '2025-11-03', acceptedOn: '2025-11-03', firstAskedUserId: 'm-clerk', pendingStep: 'APPROVAL_STEP_HANDLE' });
    expect(await listed(applicant, 'in-progress')).toMatchObject({ receivedOn: '2025-11-03', supplementRequests: 0, pendingStep: 'APPROVAL_STEP_HANDLE' });
    expect((await listed(applicant, 'in-progress'))?.receiptVoucherNumber).not.toBe('');
    expect(((await t.call('GET', '/cases/mine', stranger)).body as { caseId: string }[]).map((c) => c.caseId)).not.toContain(id);
  });

  it('serves the published commitments (告知承诺) without any token at all', async () => {
    const response = await fetch(`${t.service.url}/public/commitments?unitId=${UNIT}`);
    expect(response.status).toBe(200);
    expect(Array.isArray(await response.json())).toBe(true);
    const anonymousCase = await fetch(`${t.service.url}/cases/${caseId}`);
    expect(anonymousCase.status).toBe(401);
  });
});
