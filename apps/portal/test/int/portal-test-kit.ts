import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { eventually, signTestToken, spawnService, testInfrastructure, WORKSPACE_ROOT, type SpawnedService } from '@sangeyipi/testing';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where the browser tests leave their screenshots (gitignored). */
export const SCREENSHOTS = path.join(WORKSPACE_ROOT, 'test-output', 'portal-screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Chromium as deploy/browser.sh installs it. */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run deploy/browser.sh (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export interface PortalUnderTest {
  url: string;
  /** Calls the gateway's API as a test user or nobody. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read answers field by field
  api(method: string, path: string, options?: { token?: string; body?: unknown }): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/**
 * The platform as `npm start` runs it, smaller: catalog, cases, analytics and the gateway (serving the
 * built portal, with the demo users) as their own processes on the real PostgreSQL, Kafka and Redis;
 * supervision, projects and notifications are not running (their pages must say "no data yet").
 */
export async function startPortal(): Promise<PortalUnderTest> {
  const prefix = `${testInfrastructure().runId}.portal${randomBytes(3).toString('hex')}.`;
  const services: SpawnedService[] = [];
  const close = async () => {
    await Promise.all(services.map((service) => service.close()));
  };
  try {
    const attempts = await Promise.allSettled([
      spawnService('catalog', prefix, { CATALOG_PROJECTION_POLL_MS: '20' }),
      spawnService('cases', prefix, { CASES_PROJECTION_POLL_MS: '20', CASES_DEADLINE_SCAN_MS: '0' }),
      spawnService('analytics', prefix, { ANALYTICS_SCHEDULE_MS: '0' }),
    ]);
    // Those that started are closed below if another did not: no process may outlive the test.
    services.push(...attempts.flatMap((attempt) => (attempt.status === 'fulfilled' ? [attempt.value] : [])));
    const failed = attempts.find((attempt): attempt is PromiseRejectedResult => attempt.status === 'rejected');
    if (failed) throw failed.reason;
    const [catalog, cases, analytics] = services;
    services.push(
      await spawnService('gateway', prefix, {
        SERVICE_URL_CATALOG: catalog.url,
        SERVICE_URL_CASES: cases.url,
        SERVICE_URL_ANALYTICS: analytics.url,
        // Not running in this test: their pages must say "no data yet".
        SERVICE_URL_PROJECTS: 'http://127.0.0.1:9',
        SERVICE_URL_SUPERVISION: 'http://127.0.0.1:9',
        SERVICE_URL_NOTIFICATIONS: 'http://127.0.0.1:9',
        GATEWAY_PORTAL_DIR: path.join(WORKSPACE_ROOT, 'dist/apps/portal'),
        AUTH_DEMO_USERS: 'true',
      }),
    );
  } catch (error) {
    await close();
    throw error;
  }
  const url = services[3].url;
  return {
    url,
    async api(method, apiPath, { token, body } = {}) {
      const response = await fetch(`${url}${apiPath}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    close,
  };
}

/** The demo clerk's unit (services/gateway/src/sign-in/demo-users.ts). */
const HUANGPU = { unitId: 'd310101-scjg', name: '黄浦区市场监督管理局', kind: 'government_department', level: 'district', regionCode: '310101' };

/**
 * Publishes a three-step Huangpu item (the demo clerk's unit) through the gateway and waits until cases
 * can receive for it: a first case, received by a seed clerk, proves it can.
 */
export async function publishDemoItem(portal: PortalUnderTest, name: string): Promise<{ itemId: string; seedCaseId: string }> {
  const ops = await signTestToken({ userId: 'seed-ops', roles: ['operations_admin'] });
  const unitAdmin = await signTestToken({ userId: 'seed-admin', roles: ['unit_admin'], unitId: HUANGPU.unitId, regionCode: '310101' });
  const reform = await signTestToken({ userId: 'seed-reform', roles: ['reform_office'], regionCode: '310101' });
  const clerk = await signTestToken({ userId: 'seed-clerk', roles: ['clerk'], unitId: HUANGPU.unitId, regionCode: '310101' });
  const must = async (status: number, method: string, apiPath: string, token: string, body?: unknown) => {
    const answer = await portal.api(method, apiPath, { token, body });
    if (answer.status !== status) throw new Error(`${method} ${apiPath}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const unit = await portal.api('POST', '/api/catalog/units', { token: ops, body: HUANGPU });
  if (unit.status !== 201 && unit.status !== 409) throw new Error(`unit: ${unit.status}`);
  const definition = {
    basicCode: `310101-SCJG-${randomBytes(2).toString('hex')}`,
    implementationCode: `11310101MB2F0001XP3310101SCJG${randomBytes(3).toString('hex')}`,
    name,
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
    holidayService: true, // any test day works, weekends included
    statutoryFees: [],
    legalBasis: '《中华人民共和国食品安全法》第三十五条',
    advanceServiceApproaches: [],
    advanceServiceContents: [],
  };
  const { itemId } = await must(201, 'POST', '/api/catalog/items', unitAdmin, definition);
  await must(200, 'POST', `/api/catalog/items/${itemId}/submission`, unitAdmin);
  await must(200, 'POST', `/api/catalog/items/${itemId}/approval`, reform, { note: '同意' });
  await must(201, 'POST', '/api/catalog/batches', reform, { kind: 'on_the_spot', level: 'district', regionCode: '310101', title: '黄浦区当场办结事项目录', itemIds: [itemId] });
  await eventually(async () => (await portal.api('GET', `/api/catalog/public/items/${itemId}`)).status === 200, { timeoutMs: 60_000, intervalMs: 200 });
  const receipt = { itemId, applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId: 'seed-applicant' }, channel: 'CHANNEL_WINDOW', materials: [], badge: 'SEED' };
  const seeded = await eventually(
    async () => {
      const answer = await portal.api('POST', '/api/cases/cases', { token: clerk, body: receipt });
      return answer.status === 201 ? answer.body : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 300 },
  );
  return { itemId, seedCaseId: seeded.caseId };
}
