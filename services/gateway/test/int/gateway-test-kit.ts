import { randomBytes } from 'node:crypto';
import { createServiceApp } from '@sangeyipi/platform';
import {
  eventually,
  signTestToken,
  spawnService,
  startServiceUnderTest,
  testInfrastructure,
  type ServiceUnderTest,
  type SpawnedService,
  type TestUser,
} from '@sangeyipi/testing';
import { GatewayModule } from '../../src/gateway.module';

export interface ApiAnswer {
  status: number;
  headers: Headers;
  // The tests read answers field by field; a schema per endpoint would only restate the services.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** The gateway in-process in front of real catalog and cases processes, all on the real infrastructure. */
export interface PlatformUnderTest {
  gateway: ServiceUnderTest;
  services: SpawnedService[];
  call(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<ApiAnswer>;
  close(): Promise<void>;
}

const ROUTED = ['catalog', 'cases', 'projects', 'supervision', 'notifications', 'analytics'];

/** SERVICE_URL_<NAME> for the gateway: the given services, and a closed port (as a service not deployed) for the others. */
export function serviceUrls(running: Record<string, string>): Record<string, string> {
  return Object.fromEntries(ROUTED.map((name) => [`SERVICE_URL_${name.toUpperCase()}`, running[name] ?? 'http://127.0.0.1:9']));
}

/**
 * Starts `services` (e.g. catalog and cases) as processes sharing one Kafka topic prefix, and the
 * gateway in-process routing /api/<service> to them; the other services are not running.
 */
export async function startPlatform({ services = ['catalog', 'cases'], env = {} }: { services?: string[]; env?: Record<string, string> } = {}): Promise<PlatformUnderTest> {
  const prefix = `${testInfrastructure().runId}.gw${randomBytes(3).toString('hex')}.`;
  const serviceEnv: Record<string, Record<string, string>> = {
    catalog: { CATALOG_PROJECTION_POLL_MS: '20' },
    cases: { CASES_PROJECTION_POLL_MS: '20', CASES_DEADLINE_SCAN_MS: '0' },
    analytics: { ANALYTICS_SCHEDULE_MS: '0' },
  };
  const attempts = await Promise.allSettled(services.map((name) => spawnService(name, prefix, serviceEnv[name] ?? {})));
  const started = attempts.flatMap((attempt) => (attempt.status === 'fulfilled' ? [attempt.value] : []));
  const failed = attempts.find((attempt): attempt is PromiseRejectedResult => attempt.status === 'rejected');
  if (failed) {
    // The ones that did start must not outlive the test (their processes would keep Jest running).
    await Promise.all(started.map((service) => service.close()));
    throw failed.reason;
  }
  const upstreams = serviceUrls(Object.fromEntries(started.map((service) => [service.name, service.url])));
  let gateway: ServiceUnderTest;
  try {
    gateway = await startServiceUnderTest((appEnv) => createServiceApp(GatewayModule, { env: appEnv }), 'gateway', {
      ...upstreams,
      REDIS_KEY_PREFIX: `${prefix}gateway:`,
      AUTH_DEMO_USERS: 'true',
      ...env,
    });
  } catch (error) {
    await Promise.all(started.map((service) => service.close()));
    throw error;
  }
  return {
    gateway,
    services: started,
    async call(method, path, { token, body, headers = {} } = {}) {
      const response = await fetch(`${gateway.url}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, headers: response.headers, body: parsed };
    },
    async close() {
      await gateway.close();
      await Promise.all(started.map((service) => service.close()));
    },
  };
}

export const HUANGPU_UNIT = { unitId: 'unit-310101-scjgj', name: '黄浦区市场监督管理局', kind: 'government_department', level: 'district', regionCode: '310101' };
export const XUHUI_UNIT = { unitId: 'unit-310104-scjgj', name: '徐汇区市场监督管理局', kind: 'government_department', level: 'district', regionCode: '310104' };

/** Every role of the platform in Huangpu (310101), plus the same staff roles in Xuhui (310104). */
export const PEOPLE = {
  applicant: { userId: 'gw-applicant', roles: ['applicant'] },
  clerk: { userId: 'gw-clerk', roles: ['clerk'], unitId: HUANGPU_UNIT.unitId, regionCode: '310101' },
  reviewer: { userId: 'gw-reviewer', roles: ['reviewer'], unitId: HUANGPU_UNIT.unitId, regionCode: '310101' },
  decider: { userId: 'gw-decider', roles: ['decider'], unitId: HUANGPU_UNIT.unitId, regionCode: '310101' },
  unit_admin: { userId: 'gw-unit-admin', roles: ['unit_admin'], unitId: HUANGPU_UNIT.unitId, regionCode: '310101' },
  reform_office: { userId: 'gw-reform', roles: ['reform_office'], regionCode: '310101' },
  supervisor: { userId: 'gw-supervisor', roles: ['supervisor'], regionCode: '310101' },
  auditor: { userId: 'gw-auditor', roles: ['auditor'] },
  operations_admin: { userId: 'gw-ops', roles: ['operations_admin'] },
  xuhui_clerk: { userId: 'gw-xh-clerk', roles: ['clerk'], unitId: XUHUI_UNIT.unitId, regionCode: '310104' },
  xuhui_reviewer: { userId: 'gw-xh-reviewer', roles: ['reviewer'], unitId: XUHUI_UNIT.unitId, regionCode: '310104' },
  xuhui_decider: { userId: 'gw-xh-decider', roles: ['decider'], unitId: XUHUI_UNIT.unitId, regionCode: '310104' },
  xuhui_unit_admin: { userId: 'gw-xh-unit-admin', roles: ['unit_admin'], unitId: XUHUI_UNIT.unitId, regionCode: '310104' },
  xuhui_reform_office: { userId: 'gw-xh-reform', roles: ['reform_office'], regionCode: '310104' },
  xuhui_supervisor: { userId: 'gw-xh-supervisor', roles: ['supervisor'], regionCode: '310104' },
} satisfies Record<string, TestUser>;
export type Person = keyof typeof PEOPLE;

export async function tokensFor(): Promise<Record<Person, string>> {
  const entries = await Promise.all(Object.entries(PEOPLE).map(async ([person, user]) => [person, await signTestToken(user)] as const));
  return Object.fromEntries(entries) as Record<Person, string>;
}

/** An item definition that follows every catalog rule: three steps (承办, 审核, 决定), served on holidays too so any test day works. */
export function threeStepItem(overrides: Record<string, unknown> = {}) {
  return {
    basicCode: `310101-SCJG-${randomBytes(2).toString('hex')}`,
    implementationCode: `11310101MB2F0001XP3310101SCJG${randomBytes(3).toString('hex')}`,
    name: '食品经营许可（仅销售预包装食品）',
    kind: 'on_the_spot',
    completionMode: 'early',
    statutoryLimitDays: 20,
    committedLimitDays: 7,
    caseType: 'commitment_case',
    requiredMaterials: [
      { materialId: 'M01', name: '食品经营许可申请书', form: 'paper_or_electronic', copies: 1, originalRequired: true, source: 'applicant', replaceableByCommitment: false },
      { materialId: 'M02', name: '营业执照', form: 'electronic', copies: 1, originalRequired: false, source: 'data_sharing', replaceableByCommitment: false },
    ],
    approvalSteps: ['handle', 'review', 'decide'],
    approvalRoute: 'standard',
    visitsRequired: 1,
    onlineApplication: true,
    holidayService: true,
    statutoryFees: [],
    legalBasis: '《中华人民共和国食品安全法》第三十五条',
    advanceServiceApproaches: [],
    advanceServiceContents: [],
    ...overrides,
  };
}

/** Registers the two units, then drafts, approves and publishes one item through the gateway; waits until cases knows it. */
export async function publishItemThroughGateway(platform: PlatformUnderTest, tokens: Record<Person, string>, definition = threeStepItem()): Promise<string> {
  const expect = async (status: number, method: string, path: string, token: string, body?: unknown) => {
    const answer = await platform.call(method, path, { token, body });
    if (answer.status !== status) throw new Error(`${method} ${path} answered ${answer.status}, expected ${status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  for (const unit of [HUANGPU_UNIT, XUHUI_UNIT]) {
    const answer = await platform.call('POST', '/api/catalog/units', { token: tokens.operations_admin, body: unit });
    if (answer.status !== 201 && answer.status !== 409) throw new Error(`registering ${unit.unitId}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  const { itemId } = await expect(201, 'POST', '/api/catalog/items', tokens.unit_admin, definition);
  await expect(200, 'POST', `/api/catalog/items/${itemId}/submission`, tokens.unit_admin);
  await expect(200, 'POST', `/api/catalog/items/${itemId}/approval`, tokens.reform_office, { note: '同意' });
  await expect(201, 'POST', '/api/catalog/batches', tokens.reform_office, { kind: 'on_the_spot', level: 'district', regionCode: '310101', title: '黄浦区当场办结事项目录', itemIds: [itemId] });
  return itemId;
}

/** Receives a case for `itemId` through the gateway, retrying until cases has the item from Kafka. */
export async function receiveCase(platform: PlatformUnderTest, clerkToken: string, itemId: string, applicantId = 'gw-applicant'): Promise<string> {
  const body = { itemId, applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId }, channel: 'CHANNEL_WINDOW', materials: [{ materialId: 'M01', name: '食品经营许可申请书', copies: 1 }], badge: 'HP-0001' };
  const received = await eventually(
    async () => {
      const answer = await platform.call('POST', '/api/cases/cases', { token: clerkToken, body });
      return answer.status === 201 ? answer.body : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 250 },
  );
  return received.caseId;
}

/** The cases process of a platform that started one. */
export function casesOf(platform: PlatformUnderTest): SpawnedService {
  const cases = platform.services.find((service) => service.name === 'cases');
  if (!cases) throw new Error('this platform runs no cases service');
  return cases;
}

/** Starting processes and seeding through them: generous, as the shared test machine can be very busy. */
export const SETUP_TIMEOUT_MS = 300_000;
