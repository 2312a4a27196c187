import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { eventually, signTestToken, testInfrastructure, WORKSPACE_ROOT } from '@sangeyipi/testing';
import { chromium, type Browser, type Page } from 'playwright-core';
import { spawnService, type SpawnedService } from './spawned-service';

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

/**
 * A bulletin in the shape the analytics service publishes it (issue 8: `BulletinView` of
 * services/analytics/src/bulletins/bulletin.service.ts), served at its public `GET /bulletins` and
 * `GET /bulletins/:id`. Analytics is not in this branch yet, so a small HTTP server stands in for it
 * behind the gateway; the numbers are invented.
 */
const scope = { level: 'city', regionCode: '310000' };
const monthOf = (key: string) => ({ kind: 'month', key, startOn: `${key}-01`, endOn: `${key}-${key.endsWith('-09') ? '30' : '31'}` });

function cityBulletin(month: string, figures: { label: string; regionCode: string; value: number; unitId?: string }[], digest: string) {
  return {
    bulletinId: `bulletin-${month}-310000`,
    origin: 'scheduled',
    title: `${month.replace('-', '年')}月上海市“三个一批”统计通报`,
    publishedAt: `${month}-28T02:00:00.000Z`,
    digest,
    eventRanges: [{ topic: 'cases.events.v1', partition: 0, fromOffset: '0', toOffset: '1200' }],
    content: { rulesVersion: '1', scope, period: monthOf(month), asOf: `${month}-28T00:00:00.000Z`, values: [] },
    figures: figures.map((figure) => ({ indicator: figure.label === '当场办结率' ? 'on_the_spot_completion_rate' : 'committed_limit_compression', unitId: '', ...figure })),
    assessment: {
      weightsVersion: '2026-1',
      weights: { on_the_spot_completion_rate: 0.5, committed_limit_compression: 0.5 },
      rankings: [
        {
          level: 'district',
          units: [
            { unitId: 'd310115-scjg', score: 93.2, rank: 1, breakdown: [] },
            { unitId: 'd310101-scjg', score: 90.4, rank: 2, breakdown: [] },
            { unitId: 'd310104-scjg', score: 87.9, rank: 3, breakdown: [] },
          ],
        },
      ],
    },
  };
}

/**
 * Two monthly city bulletins in the shape the analytics service publishes them (issue 8: `BulletinView`
 * of services/analytics/src/bulletins/bulletin.service.ts), served at its public `GET /bulletins` and
 * `GET /bulletins/:id`. Analytics is not in this branch yet, so a small HTTP server stands in for it
 * behind the gateway; the numbers are invented.
 */
export const STAND_IN_BULLETINS = [
  cityBulletin(
    '2026-10',
    [
      { label: '当场办结率', regionCode: '310000', value: 0.931 },
      { label: '当场办结率', regionCode: '310101', value: 0.925 },
      { label: '当场办结率', regionCode: '310104', value: 0.881 },
      { label: '当场办结率', regionCode: '310115', value: 0.953 },
      { label: '承诺时限压缩比', regionCode: '310000', value: 0.63 },
      { label: '承诺时限压缩比', regionCode: '310101', value: 0.61 },
      { label: '承诺时限压缩比', regionCode: '310104', value: 0.574 },
      { label: '承诺时限压缩比', regionCode: '310115', value: 0.662 },
      { label: '当场办结率', regionCode: '310101', value: 0.9, unitId: 'd310101-scjg' },
    ],
    '4f6c1b0e9d7a5c3b2a1908f7e6d5c4b3a2918070f6e5d4c3b2a19080706050403',
  ),
  cityBulletin(
    '2026-09',
    [
      { label: '当场办结率', regionCode: '310000', value: 0.912 },
      { label: '承诺时限压缩比', regionCode: '310000', value: 0.6 },
    ],
    '9a8b7c6d5e4f30211203f4e5d6c7b8a99a8b7c6d5e4f30211203f4e5d6c7b8a9',
  ),
];
export const STAND_IN_BULLETIN = STAND_IN_BULLETINS[0];

function startStandInAnalytics(): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    const url = new URL(request.url ?? '/', 'http://analytics');
    const found = STAND_IN_BULLETINS.find((bulletin) => url.pathname === `/bulletins/${bulletin.bulletinId}`);
    if (url.pathname === '/bulletins') {
      const list = STAND_IN_BULLETINS.map(({ bulletinId, origin, title, publishedAt, digest, content }) => ({ bulletinId, origin, title, publishedAt, digest, period: content.period, scope: content.scope }));
      response.end(JSON.stringify(list));
    } else if (found) response.end(JSON.stringify(found));
    else {
      response.statusCode = 404;
      response.end(JSON.stringify({ statusCode: 404, message: 'not found' }));
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server });
    }),
  );
}

export interface PortalUnderTest {
  url: string;
  /** Calls the gateway's API as a test user or nobody. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read answers field by field
  api(method: string, path: string, options?: { token?: string; body?: unknown }): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/**
 * The platform as `npm start` runs it, smaller: catalog, cases and the gateway (serving the built
 * portal, with the demo users) as their own processes on the real PostgreSQL, Kafka and Redis; a
 * stand-in analytics; supervision and projects are not running (their pages must say "no data yet").
 */
export async function startPortal(): Promise<PortalUnderTest> {
  const prefix = `${testInfrastructure().runId}.portal${randomBytes(3).toString('hex')}.`;
  const analytics = await startStandInAnalytics();
  const services: SpawnedService[] = [];
  const close = async () => {
    await Promise.all(services.map((service) => service.close()));
    await new Promise((resolve) => analytics.server.close(resolve));
  };
  try {
    services.push(
      ...(await Promise.all([
        spawnService('catalog', prefix, { CATALOG_PROJECTION_POLL_MS: '20' }),
        spawnService('cases', prefix, { CASES_PROJECTION_POLL_MS: '20', CASES_DEADLINE_SCAN_MS: '0' }),
      ])),
    );
    const [catalog, cases] = services;
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
  const url = services[2].url;
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
