import { randomBytes } from 'node:crypto';
import { createServiceApp } from '@sangeyipi/platform';
import { eventually, signTestToken, startServiceUnderTest, uniqueName, type ServiceUnderTest, type TestUser } from '@sangeyipi/testing';
import { CatalogModule } from '../../src/catalog.module';
import type { CatalogItemDefinition } from '../../src/catalog-item/catalog-item.definition';
import type { ServiceUnit } from '../../src/service-unit/service-unit.decider';

/** The catalog service in-process against the real PostgreSQL, Kafka and Redis, polling its read model briskly. */
export function startCatalog(env: Record<string, string> = {}): Promise<ServiceUnderTest> {
  // uniqueName() starts counting afresh in every test file of a run, so its prefixes repeat from file
  // to file: a random part keeps each file's topics and Redis keys its own.
  const scope = `${uniqueName('catalog')}.${randomBytes(4).toString('hex')}`;
  return startServiceUnderTest((serviceEnv) => createServiceApp(CatalogModule, { env: serviceEnv }), 'catalog', {
    KAFKA_TOPIC_PREFIX: `${scope}.`,
    REDIS_KEY_PREFIX: `${scope}:`,
    CATALOG_PROJECTION_POLL_MS: '20',
    LOG_LEVEL: 'error', // the refusals the tests provoke would log a warning each
    ...env,
  });
}

/**
 * Waits for the read model. It follows the event log below the oldest transaction still open in the
 * whole PostgreSQL cluster, so another suite's long transaction on the shared test server can hold it
 * back for a while: hence the generous limit.
 */
export function readModelShows<T>(probe: () => Promise<T>): Promise<T> {
  return eventually(probe, { timeoutMs: 60_000 });
}

export const HUANGPU_MARKET_REGULATION: ServiceUnit = {
  unitId: 'unit-310101-scjgj',
  name: '黄浦区市场监督管理局',
  kind: 'government_department',
  level: 'district',
  regionCode: '310101',
};

export const XUHUI_MARKET_REGULATION: ServiceUnit = {
  unitId: 'unit-310104-scjgj',
  name: '徐汇区市场监督管理局',
  kind: 'government_department',
  level: 'district',
  regionCode: '310104',
};

/** The people of the tests, one per role and scope. */
export const PEOPLE = {
  operationsAdmin: { userId: 'ops-01', roles: ['operations_admin'] },
  huangpuUnitAdmin: { userId: 'hp-scjgj-admin', roles: ['unit_admin'], unitId: HUANGPU_MARKET_REGULATION.unitId, regionCode: '310101' },
  xuhuiUnitAdmin: { userId: 'xh-scjgj-admin', roles: ['unit_admin'], unitId: XUHUI_MARKET_REGULATION.unitId, regionCode: '310104' },
  huangpuReformOffice: { userId: 'hp-reform', roles: ['reform_office'], regionCode: '310101' },
  xuhuiReformOffice: { userId: 'xh-reform', roles: ['reform_office'], regionCode: '310104' },
  cityReformOffice: { userId: 'sh-reform', roles: ['reform_office'], regionCode: '310000' },
  citySupervisor: { userId: 'sh-supervisor', roles: ['supervisor'], regionCode: '310000' },
  auditor: { userId: 'auditor-01', roles: ['auditor'] },
  applicant: { userId: 'citizen-01', roles: ['applicant'] },
  clerk: { userId: 'clerk-01', roles: ['clerk'], unitId: HUANGPU_MARKET_REGULATION.unitId, regionCode: '310101' },
  reviewer: { userId: 'reviewer-01', roles: ['reviewer'], unitId: HUANGPU_MARKET_REGULATION.unitId, regionCode: '310101' },
  decider: { userId: 'decider-01', roles: ['decider'], unitId: HUANGPU_MARKET_REGULATION.unitId, regionCode: '310101' },
} satisfies Record<string, TestUser>;

export type Person = keyof typeof PEOPLE;

export interface ApiResponse {
  status: number;
  // The tests read answers field by field; a schema per endpoint would only restate the controllers.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** A small HTTP client for the catalog's API, signing in as one of PEOPLE (or nobody). */
export class CatalogApi {
  private readonly tokens = new Map<Person, Promise<string>>();

  constructor(private readonly url: string) {}

  async call(method: string, path: string, { as, body }: { as?: Person; body?: unknown } = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (as) headers.authorization = `Bearer ${await this.tokenOf(as)}`;
    const response = await fetch(`${this.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /** Calls and insists on `status`, so that a failing step says what the service answered. */
  async expect(status: number, method: string, path: string, options: { as?: Person; body?: unknown } = {}): Promise<ApiResponse['body']> {
    const response = await this.call(method, path, options);
    if (response.status !== status) throw new Error(`${method} ${path} answered ${response.status}, expected ${status}: ${JSON.stringify(response.body)}`);
    return response.body;
  }

  private tokenOf(person: Person): Promise<string> {
    let token = this.tokens.get(person);
    if (!token) {
      token = signTestToken(PEOPLE[person]);
      this.tokens.set(person, token);
    }
    return token;
  }
}

export async function registerUnit(api: CatalogApi, unit: ServiceUnit): Promise<void> {
  await api.expect(201, 'POST', '/units', { as: 'operationsAdmin', body: unit });
}

/** Drafts, submits and approves an item of the Huangpu unit; returns its id. */
export async function approvedItem(api: CatalogApi, definition: CatalogItemDefinition): Promise<string> {
  const { itemId } = await api.expect(201, 'POST', '/items', { as: 'huangpuUnitAdmin', body: definition });
  await api.expect(200, 'POST', `/items/${itemId}/submission`, { as: 'huangpuUnitAdmin' });
  await api.expect(200, 'POST', `/items/${itemId}/approval`, { as: 'huangpuReformOffice', body: { note: '同意' } });
  return itemId;
}

/** Publishes approved items of the Huangpu district catalog of their kind as its next batch. */
export async function publishBatch(api: CatalogApi, itemIds: string[], kind = 'on_the_spot', title = '黄浦区当场办结事项目录'): Promise<{ batchId: string; batchNumber: number }> {
  return api.expect(201, 'POST', '/batches', { as: 'huangpuReformOffice', body: { kind, level: 'district', regionCode: '310101', title, itemIds } });
}

/** Waits until the public API shows the item at `revision`. */
export function publiclyAt(api: CatalogApi, itemId: string, revision: number) {
  return readModelShows(async () => {
    const response = await api.call('GET', `/public/items/${itemId}`);
    if (response.status !== 200 || response.body.current.revision !== revision) throw new Error(`item ${itemId} is not public at revision ${revision} yet`);
    return response.body;
  });
}
