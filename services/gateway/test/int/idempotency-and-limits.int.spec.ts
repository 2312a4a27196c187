import { randomUUID } from 'node:crypto';
import { createServiceApp } from '@sangeyipi/platform';
import { signTestToken, startServiceUnderTest, type ServiceUnderTest } from '@sangeyipi/testing';
import { Client } from 'pg';
import { GatewayModule } from '../../src/gateway.module';
import { casesOf, PEOPLE, type Person, type PlatformUnderTest, publishItemThroughGateway, receiveCase, serviceUrls, SETUP_TIMEOUT_MS, startPlatform, tokensFor } from './gateway-test-kit';

describe('Idempotency-Key and rate limits at the gateway', () => {
  let platform: PlatformUnderTest;
  let tokens: Record<Person, string>;
  let itemId: string;
  let casesDatabase: Client;

  /** Cases received for this applicant, counted in the cases service's own event store: the effect itself. */
  const receiptsFor = async (applicantId: string): Promise<number> => {
    const { rows } = await casesDatabase.query(
      `SELECT count(*)::int AS n FROM events WHERE event_type = 'cases.CaseReceived' AND data->'applicant'->>'applicantId' = $1`,
      [applicantId],
    );
    return rows[0].n;
  };
  const receipt = (applicantId: string) => ({
    itemId,
    applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId },
    channel: 'CHANNEL_WINDOW',
    materials: [{ materialId: 'M01', name: '食品经营许可申请书', copies: 1 }],
    badge: 'HP-0001',
  });

  beforeAll(async () => {
    platform = await startPlatform();
    tokens = await tokensFor();
    itemId = await publishItemThroughGateway(platform, tokens);
    await receiveCase(platform, tokens.clerk, itemId); // cases knows the item from here on
    casesDatabase = new Client({ connectionString: casesOf(platform).database.url });
    await casesDatabase.connect();
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await casesDatabase?.end();
    await platform?.close();
  });

  it('answers a retried command with the first answer and no second effect', async () => {
    const applicantId = `idem-${randomUUID()}`;
    const key = randomUUID();
    const send = () => platform.call('POST', '/api/cases/cases', { token: tokens.clerk, body: receipt(applicantId), headers: { 'idempotency-key': key } });

    const first = await send();
    const retry = await send();

    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await receiptsFor(applicantId)).toBe(1);
    const metrics = await (await fetch(`${platform.gateway.url}/metrics`)).text();
    expect(metrics).toMatch(/^gateway_idempotent_replays_total\{target="cases",service="gateway"\} [1-9]/m);
    expect(metrics).toMatch(/^gateway_api_request_duration_seconds_count\{service="gateway",target="cases",status="201"\} [1-9]/m);
  });

  it('runs concurrent duplicates once: every one gets the same answer', async () => {
    const applicantId = `idem-${randomUUID()}`;
    const key = randomUUID();

    const answers = await Promise.all(
      Array.from({ length: 6 }, () => platform.call('POST', '/api/cases/cases', { token: tokens.clerk, body: receipt(applicantId), headers: { 'idempotency-key': key } })),
    );

    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(answers.map((answer) => answer.body.caseId)).size).toBe(1);
    expect(await receiptsFor(applicantId)).toBe(1);
  });

  it('keeps a refusal too: the retry of a refused step is refused the same way, without reaching the service', async () => {
    const caseId = await receiveCase(platform, tokens.clerk, itemId, `idem-${randomUUID()}`);
    const key = randomUUID();
    const step = () =>
      platform.call('POST', `/api/cases/cases/${caseId}/steps`, { token: tokens.reviewer, body: { step: 'APPROVAL_STEP_REVIEW', badge: 'B', opinion: '' }, headers: { 'idempotency-key': key } });

    const first = await step();
    const retry = await step();

    expect(first.status).toBeGreaterThanOrEqual(400);
    expect([retry.status, retry.body]).toEqual([first.status, first.body]);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
  });

  it('refuses a key reused for a different request, and keeps keys apart per caller', async () => {
    const key = randomUUID();
    const first = await platform.call('POST', '/api/cases/cases', { token: tokens.clerk, body: receipt(`idem-${randomUUID()}`), headers: { 'idempotency-key': key } });
    const reused = await platform.call('POST', '/api/cases/cases', { token: tokens.clerk, body: receipt(`idem-${randomUUID()}`), headers: { 'idempotency-key': key } });
    const otherClerk = await signTestToken({ ...PEOPLE.clerk, userId: 'gw-clerk-2' });
    const sameKeyOtherCaller = await platform.call('POST', '/api/cases/cases', { token: otherClerk, body: receipt(`idem-${randomUUID()}`), headers: { 'idempotency-key': key } });

    expect(first.status).toBe(201);
    expect(reused.status).toBe(422);
    expect(reused.body.message).toBe('this Idempotency-Key was already used for a different request');
    expect(sameKeyOtherCaller.status).toBe(201);
    expect(sameKeyOtherCaller.body.caseId).not.toBe(first.body.caseId);
  });

  it('refuses a malformed key with 400', async () => {
    const answer = await platform.call('POST', '/api/cases/cases', { token: tokens.clerk, body: receipt('x'), headers: { 'idempotency-key': 'é'.repeat(3) } });

    expect(answer.status).toBe(400);
  });

  describe('rate limits per client', () => {
    let limited: ServiceUnderTest;

    beforeAll(async () => {
      const cases = casesOf(platform);
      limited = await startServiceUnderTest((env) => createServiceApp(GatewayModule, { env }), 'gateway', { ...serviceUrls({ cases: cases.url }), GATEWAY_RATE_LIMIT_PER_MINUTE: '5' });
    });
    afterAll(() => limited?.close());

    it('answers 429 with Retry-After past the limit, for that client only', async () => {
      const get = (token?: string) => fetch(`${limited.url}/api/cases/public/commitments`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await get(tokens.clerk)).status);
      const refused = await get(tokens.clerk);
      const otherClient = await get(tokens.reviewer);

      // A minute boundary may fall inside the loop and open a fresh window: at least the sixth or seventh is refused.
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect([statuses[5], refused.status]).toContain(429);
      expect(refused.status === 429 ? Number(refused.headers.get('retry-after')) : 1).toBeGreaterThan(0);
      expect(otherClient.status).toBe(200);
    });
  });
});
