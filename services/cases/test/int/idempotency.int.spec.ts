import { randomUUID } from 'node:crypto';
import { eventually } from '@sangeyipi/testing';
import { DataSource } from 'typeorm';
import { publishedItem, staffToken, startCases, type CasesUnderTest } from './cases-test-kit';

const UNIT = `unit-${randomUUID().slice(0, 8)}`;
const ITEM = randomUUID();

describe('commands with an Idempotency-Key', () => {
  let t: CasesUnderTest;
  let clerk: string, otherClerk: string;
  let db: DataSource;

  const application = () => ({
    itemId: ITEM,
    applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId: randomUUID() },
    channel: 'CHANNEL_WINDOW',
    materials: [{ materialId: 'M01', name: '食品经营许可申请书', copies: 1 }],
    badge: 'HP-0001',
  });
  const withKey = (key: string) => ({ 'idempotency-key': key });
  const count = async (type: string, caseId?: string) =>
    Number(
      (
        await db.query(`SELECT count(*)::int AS n FROM events WHERE event_type = $1 AND ($2::text IS NULL OR stream_id = 'case-' || $2)`, [type, caseId ?? null])
      )[0].n,
    );

  beforeAll(async () => {
    t = await startCases('2025-09-26T02:00:00Z');
    db = t.service.app.get(DataSource);
    [clerk, otherClerk] = await Promise.all([staffToken('clerk-1', 'clerk', UNIT), staffToken('clerk-2', 'clerk', UNIT)]);
    await t.publishCatalogEvent('catalog.CatalogItemPublished', `item-${ITEM}`, 1, publishedItem(ITEM, UNIT));
    await eventually(async () => (await t.call('POST', '/cases', clerk, application())).status === 201, { timeoutMs: 30_000 });
  });
  afterAll(() => t?.close());

  it('answers a retried receipt with the first answer and receives the case once', async () => {
    const body = application();
    const key = randomUUID();
    const before = await count('cases.CaseReceived');
    const first = await t.call('POST', '/cases', clerk, body, withKey(key));
    const retry = await t.call('POST', '/cases', clerk, body, withKey(key));
    expect(first.status).toBe(201);
    expect(retry).toEqual(first);
    expect(await count('cases.CaseReceived')).toBe(before + 1);
  });

  it('runs concurrent duplicates once: every answer is the one effect', async () => {
    const body = application();
    const key = randomUUID();
    const before = await count('cases.CaseReceived');
    const answers = await Promise.all(Array.from({ length: 6 }, () => t.call('POST', '/cases', clerk, body, withKey(key))));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([201]));
    expect(new Set(answers.map((a) => a.body.caseId)).size).toBe(1);
    expect(await count('cases.CaseReceived')).toBe(before + 1);
  });

  it('replays a step with its status, and refuses the same key for a different body', async () => {
    const { body: received } = await t.call('POST', '/cases', clerk, application());
    const caseId: string = received.caseId;
    const key = randomUUID();
    const accepted = await t.call('POST', `/cases/${caseId}/acceptance`, clerk, {}, withKey(key));
    expect(accepted.status).toBe(200);
    expect(await t.call('POST', `/cases/${caseId}/acceptance`, clerk, {}, withKey(key))).toEqual(accepted);
    expect(await count('cases.CaseAccepted', caseId)).toBe(1);

    const reused = await t.call('POST', `/cases/${caseId}/steps`, clerk, { step: 'APPROVAL_STEP_HANDLE', badge: 'HP-1', opinion: '同意' }, withKey(key));
    expect(reused).toMatchObject({ status: 422, body: { code: 'idempotency-key-reused' } });
    expect(await count('cases.StepCompleted', caseId)).toBe(0);
  });

  it('stores a refusal with what the command recorded: a forbidden charge is reported once', async () => {
    const { body: received } = await t.call('POST', '/cases', clerk, application());
    const caseId: string = received.caseId;
    const key = randomUUID();
    const charge = { charge: 'FORBIDDEN_CHARGE_EXPEDITE_FEE', description: '加急费 200 元' };
    const first = await t.call('POST', `/cases/${caseId}/charges`, clerk, charge, withKey(key));
    expect(first).toMatchObject({ status: 422, body: { code: 'forbidden-charge' } });
    expect(await t.call('POST', `/cases/${caseId}/charges`, clerk, charge, withKey(key))).toEqual(first);
    expect(await count('cases.ForbiddenChargeRefused', caseId)).toBe(1);
  });

  it('keeps keys per caller, and runs the command again once the key has expired', async () => {
    const body = application();
    const key = randomUUID();
    const mine = await t.call('POST', '/cases', clerk, body, withKey(key));
    const theirs = await t.call('POST', '/cases', otherClerk, body, withKey(key));
    expect(theirs.status).toBe(201);
    expect(theirs.body.caseId).not.toBe(mine.body.caseId);

    await db.query(`UPDATE cases_idempotency_keys SET expires_at = now() - interval '1 second' WHERE idempotency_key = $1`, [key]);
    const afterExpiry = await t.call('POST', '/cases', clerk, body, withKey(key));
    expect(afterExpiry.status).toBe(201);
    expect(afterExpiry.body.caseId).not.toBe(mine.body.caseId);
  });

  it('refuses a malformed key with 400 naming the header', async () => {
    const answer = await t.call('POST', '/cases', clerk, application(), withKey('bad key with spaces'));
    expect(answer).toMatchObject({ status: 400, body: { violations: [{ field: 'Idempotency-Key' }] } });
  });
});
