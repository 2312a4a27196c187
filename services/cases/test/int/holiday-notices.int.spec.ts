import { randomBytes, randomUUID } from 'node:crypto';
import { eventually, signTestToken, spawnService, testHolidayNotice2027, uniqueName, type SpawnedService } from '@sangeyipi/testing';
import { publishedItem, staffToken, startCases, type CasesUnderTest } from './cases-test-kit';

const UNIT = `unit-${randomUUID().slice(0, 8)}`;
const ITEM = randomUUID();

// Monday 2026-12-28, 10:00 in Shanghai: 20 working days from here end in 2027, which chinese-days 1.5.7
// does not cover. The notice is test data shaped like the State Council's (libs/testing).
const START = '2026-12-28T02:00:00Z';

describe('a holiday notice entered at the catalog reaches the cases service', () => {
  const prefix = `${uniqueName('notices')}.${randomBytes(3).toString('hex')}.`;
  let catalog: SpawnedService;
  let cases: CasesUnderTest;
  let restarted: CasesUnderTest | undefined;
  let clerk: string;

  const receiveAndAccept = async (t: CasesUnderTest) => {
    const received = await t.call('POST', '/cases', clerk, {
      itemId: ITEM,
      applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId: randomUUID() },
      channel: 'CHANNEL_WINDOW',
      materials: [{ materialId: 'M01', name: '食品经营许可申请书', copies: 1 }],
      badge: 'HP-0001',
    });
    if (received.status !== 201) throw new Error(`receipt answered ${received.status}: ${JSON.stringify(received.body)}`);
    return { caseId: received.body.caseId as string, accepted: await t.call('POST', `/cases/${received.body.caseId}/acceptance`, clerk, {}) };
  };

  beforeAll(async () => {
    [catalog, cases, clerk] = await Promise.all([spawnService('catalog', prefix), startCases(START, { prefix }), staffToken('clerk-1', 'clerk', UNIT)]);
    await cases.publishCatalogEvent('catalog.CatalogItemPublished', `item-${ITEM}`, 1, publishedItem(ITEM, UNIT));
  }, 240_000);

  afterAll(async () => {
    if (restarted) await Promise.all([restarted.close(), cases.service.database.drop()]);
    else await cases?.close();
    await catalog?.close();
  });

  it('answers 503 for a deadline in 2027 until the notice is entered, then computes it; and still knows it after a restart', async () => {
    // Before: the deadline reaches into a year nobody entered.
    // (receiveAndAccept throws until the item has reached the local catalog copy.)
    const before = (await eventually(() => receiveAndAccept(cases), { timeoutMs: 60_000 })).accepted;
    expect(before).toMatchObject({ status: 503, body: { code: 'calendar-year-not-entered', year: 2027 } });

    const reformOffice = await signTestToken({ userId: 'sh-reform', roles: ['reform_office'], regionCode: '310000' });
    const entered = await fetch(`${catalog.url}/calendar/notices`, {
      method: 'POST',
      headers: { authorization: `Bearer ${reformOffice}`, 'content-type': 'application/json' },
      body: JSON.stringify(testHolidayNotice2027()),
    });
    expect(entered.status).toBe(201);

    // 12-29..31 (3), 1–3 January off, 01-04..08 (8), 01-11..15 (13), 01-18..22 (18), 01-25 (19), 01-26 (20).
    const { caseId } = await eventually(
      async () => {
        const attempt = await receiveAndAccept(cases);
        if (attempt.accepted.status !== 200) throw new Error(`acceptance answered ${attempt.accepted.status}: ${JSON.stringify(attempt.accepted.body)}`);
        return attempt;
      },
      { timeoutMs: 60_000 },
    );
    expect((await cases.call('GET', `/cases/${caseId}`, clerk)).body).toMatchObject({ committedDeadline: '2027-01-26' });
    expect(await (await fetch(`${cases.service.url}/metrics`)).text()).toMatch(/^working_day_calendar_last_year\{[^}]*\} 2027$/m);

    // A restart on its own database but on topics where no notice was ever published: the notice can only
    // come from the service's own table, loaded before it serves.
    await cases.stop();
    restarted = await startCases(START, { prefix: `${uniqueName('restarted')}.${randomBytes(3).toString('hex')}.`, env: { DATABASE_URL: cases.service.database.url } });
    const afterRestart = await receiveAndAccept(restarted);
    expect(afterRestart.accepted.status).toBe(200);
    expect((await restarted.call('GET', `/cases/${afterRestart.caseId}`, clerk)).body).toMatchObject({ committedDeadline: '2027-01-26' });
  }, 300_000);
});
