import { eventually, signTestToken, type ServiceUnderTest, type TestUser } from '@sangeyipi/testing';
import { startNotifications, type ContextEventSource } from './notifications.fixture';

const PEOPLE = {
  applicantA: { userId: 'applicant-a', roles: ['applicant'] },
  applicantB: { userId: 'applicant-b', roles: ['applicant'] },
  clerk: { userId: 'clerk-1', roles: ['clerk'], unitId: 'unit-1' },
  unitAdmin: { userId: 'admin-1', roles: ['unit_admin'], unitId: 'unit-1' },
  otherUnitAdmin: { userId: 'admin-2', roles: ['unit_admin'], unitId: 'unit-2' },
  supervisor: { userId: 'sup-1', roles: ['supervisor'], regionCode: '310101' },
  auditor: { userId: 'auditor-1', roles: ['auditor'] },
  operationsAdmin: { userId: 'ops-1', roles: ['operations_admin'] },
} satisfies Record<string, TestUser>;

type Person = keyof typeof PEOPLE;
type Caller = Person | 'anonymous';
const CALLERS: readonly Caller[] = ['anonymous', ...(Object.keys(PEOPLE) as Person[])];
const EVERY_PERSON = Object.keys(PEOPLE) as Person[];

interface Endpoint {
  method: string;
  path: string;
  body?: unknown;
  /** Who gets past authentication and authorisation; everyone else gets 403 (401 without a token). */
  allowed: readonly Caller[];
}

// Every endpoint of the service; the ones on a person's own data (inbox, preferences) take no id of
// a person, so nobody can name someone else's: see the tests below the matrix.
const ENDPOINTS: Record<string, Endpoint> = {
  'GET /inbox': { method: 'GET', path: '/inbox', allowed: EVERY_PERSON },
  'GET /preferences': { method: 'GET', path: '/preferences', allowed: EVERY_PERSON },
  'PUT /preferences': { method: 'PUT', path: '/preferences', body: { language: 'zh-CN', channels: ['inbox'] }, allowed: EVERY_PERSON },
  'GET /units/unit-1/contacts': { method: 'GET', path: '/units/unit-1/contacts', allowed: ['unitAdmin', 'operationsAdmin'] },
  'PUT /units/unit-1/contacts': { method: 'PUT', path: '/units/unit-1/contacts', body: { handlerId: 'clerk-1' }, allowed: ['unitAdmin', 'operationsAdmin'] },
  'GET /deliveries/failed': { method: 'GET', path: '/deliveries/failed', allowed: ['auditor', 'operationsAdmin'] },
};

describe('who may call which notifications endpoint', () => {
  let service: ServiceUnderTest;
  let cases: ContextEventSource;

  const call = async (method: string, path: string, as: Caller, body?: unknown) => {
    const token = as === 'anonymous' ? undefined : await signTestToken(PEOPLE[as]);
    return fetch(`${service.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  };
  const inboxOf = async (as: Person) => ((await (await call('GET', '/inbox', as)).json()) as { messages: { id: string; subject: string; readAt: string | null }[] }).messages;

  beforeAll(async () => {
    ({ service, cases } = await startNotifications({ QUIET_HOURS: 'off' }));
  });
  afterAll(async () => {
    await cases?.close();
    await service?.close();
  });

  it.each(Object.entries(ENDPOINTS))('%s', async (_name, endpoint) => {
    const outcomes: Record<string, number | 'allowed'> = {};
    const expected: Record<string, number | 'allowed'> = {};
    for (const caller of CALLERS) {
      const response = await call(endpoint.method, endpoint.path, caller, endpoint.body);
      if (response.status >= 500) throw new Error(`${endpoint.method} ${endpoint.path} as ${caller} answered ${response.status}: ${await response.text()}`);
      // Past the permission checks a caller may still meet a 404 (a unit without contacts yet).
      outcomes[caller] = response.status === 401 || response.status === 403 ? response.status : 'allowed';
      expected[caller] = endpoint.allowed.includes(caller) ? 'allowed' : caller === 'anonymous' ? 401 : 403;
    }
    expect(outcomes).toEqual(expected);
  });

  it("nobody reads, marks or streams another person's inbox, nor sees their preferences", async () => {
    const put = await call('PUT', '/preferences', 'applicantA', { email: 'a@example.cn', language: 'en', channels: ['inbox', 'email'] });
    expect(put.status).toBe(200);
    const abort = new AbortController();
    const streamOfB = await fetch(`${service.url}/inbox/stream`, { headers: { authorization: `Bearer ${await signTestToken(PEOPLE.applicantB)}` }, signal: abort.signal });
    let seenByB = '';
    const readingB = (async () => {
      const reader = streamOfB.body?.getReader();
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return;
        seenByB += Buffer.from(chunk.value).toString('utf8');
      }
    })().catch(() => undefined);

    await cases.publish(
      cases.event('case-a', 'cases.CaseReceived', { caseId: 'case-a', receiptVoucherNumber: 'SJ-A', unitId: 'unit-9', applicant: { applicantId: 'applicant-a' } }),
      cases.event('case-b', 'cases.CaseReceived', { caseId: 'case-b', receiptVoucherNumber: 'SJ-B', unitId: 'unit-9', applicant: { applicantId: 'applicant-b' } }),
    );
    const [messageOfA] = await eventually(async () => {
      const messages = await inboxOf('applicantA');
      if (messages.length !== 1) throw new Error(`applicant A has ${messages.length} messages`);
      return messages;
    });
    await eventually(() => seenByB.includes('SJ-B'));

    expect((await inboxOf('applicantB')).map((message) => message.subject)).toEqual(['收件凭证 SJ-B']);
    expect(seenByB).not.toContain('SJ-A');
    expect((await call('POST', `/inbox/${messageOfA.id}/read`, 'applicantB')).status).toBe(404);
    expect((await call('POST', `/inbox/${messageOfA.id}/read`, 'operationsAdmin')).status).toBe(404);
    expect((await inboxOf('applicantA'))[0].readAt).toBeNull();
    expect(await (await call('GET', '/preferences', 'applicantB')).json()).toEqual({ personId: 'applicant-b', language: 'zh-CN', channels: ['inbox'] });
    abort.abort();
    await readingB;
  });

  it('a unit admin manages only their own unit; bad input is refused naming the field', async () => {
    const otherUnit = await call('PUT', '/units/unit-1/contacts', 'otherUnitAdmin', { handlerId: 'intruder' });
    expect(otherUnit.status).toBe(403);

    const badHook = await call('PUT', '/units/unit-1/contacts', 'unitAdmin', { webhookUrl: 'ftp://unit-1.example/hook' });
    expect(badHook.status).toBe(400);
    expect(((await badHook.json()) as { violations: { field: string }[] }).violations.map((violation) => violation.field)).toEqual(['webhookUrl']);

    const badPreferences = await call('PUT', '/preferences', 'applicantA', { email: 'not-an-address', phone: '12345', language: 'fr', channels: ['fax'] });
    expect(badPreferences.status).toBe(400);
    const fields = ((await badPreferences.json()) as { violations: { field: string }[] }).violations.map((violation) => violation.field);
    expect(fields.sort()).toEqual(['channels', 'email', 'language', 'phone']);

    expect((await call('POST', '/inbox/not-a-uuid/read', 'applicantA')).status).toBe(400);
  });
});
