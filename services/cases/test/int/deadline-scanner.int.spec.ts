import { randomUUID } from 'node:crypto';
import { ExpectedVersion, PostgresEventStore } from '@sangeyipi/eventstore';
import { WorkingDayCalendar } from '@sangeyipi/platform';
import { DataSource } from 'typeorm';
import { decide, INITIAL_STATE, replay } from '../../src/case/case.decider';
import { caseStreamId, CaseStreams } from '../../src/case/case.streams';
import { CaseSummaryRunner } from '../../src/case-summary/case-summary.runner';
import { CasesConfig } from '../../src/config/cases-config.schema';
import { CaseDeadlineScanner } from '../../src/deadline-scanner/case-deadline.scanner';
import { startCases, type CasesUnderTest } from './cases-test-kit';

const CASES = 1_000;

/** Kind of case by index: overdue on the scan day, due for a warning, or far from its deadline. */
const kindOf = (i: number) => (i % 5 < 2 ? 'overdue' : i % 5 < 4 ? 'warn' : 'far');
const LIMIT = { overdue: 20, warn: 23, far: 40 } as const;

describe('the deadline scanner on two replicas', () => {
  let t: CasesUnderTest;
  let dataSource: DataSource;

  beforeAll(async () => {
    // Scan day: Friday 2025-10-31. Accepted on 09-26, across the National Day holiday:
    // 20 working days end on 10-30 (overdue), 23 on 11-04 (2 left: warning), 40 on 11-27 (neither).
    t = await startCases('2025-10-31T02:00:00Z');
    dataSource = t.service.app.get(DataSource);
    const store = t.service.app.get(PostgresEventStore);
    const calendar = t.service.app.get(WorkingDayCalendar);
    let next = 0;
    const appendOne = async () => {
      while (next < CASES) {
        const i = next++;
        const caseId = randomUUID();
        const received = decide(
          {
            type: 'ReceiveCase',
            caseId,
            receiptVoucherNumber: `SJ-${i}`,
            item: { itemId: 'item-1', revision: 1, unitId: 'unit-1', approvalSteps: ['APPROVAL_STEP_HANDLE', 'APPROVAL_STEP_DECIDE'], immediate: false, statutoryLimitDays: 40, committedLimitDays: LIMIT[kindOf(i)], commitmentRoute: false },
            applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId: `a-${i}` },
            channel: 'CHANNEL_WINDOW',
            materials: [],
            staff: { userId: 'clerk-1', badge: 'B-1' },
            today: '2025-09-26',
          },
          INITIAL_STATE,
          { calendar },
        );
        const accepted = decide({ type: 'AcceptCase', noticeNumber: `SL-${i}`, today: '2025-09-26' }, replay(received), { calendar });
        await store.append(caseStreamId(caseId), ExpectedVersion.NoStream, [...received, ...accepted], { metadata: { correlationId: 'scanner-test', regionCode: '310101' } });
      }
    };
    await Promise.all(Array.from({ length: 8 }, appendOne));
    await t.service.app.get(CaseSummaryRunner).runner.catchUp();
  });
  afterAll(() => t?.close());

  const replica = () => new CaseDeadlineScanner(dataSource, t.service.app.get(CaseStreams), t.service.app.get(WorkingDayCalendar), t.service.app.get(CasesConfig));

  async function countsByStream(type: string): Promise<Map<string, number>> {
    const rows = (await dataSource.query(`SELECT stream_id, count(*)::int AS n FROM events WHERE event_type = $1 GROUP BY stream_id`, [type])) as { stream_id: string; n: number }[];
    return new Map(rows.map((r) => [r.stream_id, r.n]));
  }

  it('raises every warning and every overdue event exactly once over 1,000 open cases', async () => {
    const [a, b] = await Promise.all([replica().scanOnce(), replica().scanOnce()]);
    expect(a.overdue + b.overdue).toBe(400);
    expect(a.warned + b.warned).toBe(400);

    const overdue = await countsByStream('cases.CaseOverdue');
    const warned = await countsByStream('cases.CaseDeadlineApproaching');
    expect(overdue.size).toBe(400);
    expect(warned.size).toBe(400);
    expect([...overdue.values(), ...warned.values()].every((n) => n === 1)).toBe(true);
    const [{ n: both }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM (SELECT stream_id FROM events WHERE event_type IN ('cases.CaseOverdue', 'cases.CaseDeadlineApproaching') GROUP BY stream_id HAVING count(*) > 1) s`,
    );
    expect(both).toBe(0);

    // Once the summaries have caught up, later scans on both replicas raise nothing again.
    await t.service.app.get(CaseSummaryRunner).runner.catchUp();
    const again = await Promise.all([replica().scanOnce(), replica().scanOnce()]);
    expect(again.map((o) => o.overdue + o.warned)).toEqual([0, 0]);
    expect((await countsByStream('cases.CaseOverdue')).size).toBe(400);
  });
});
