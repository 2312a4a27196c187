import type { StoredEvent } from '@sangeyipi/eventstore';
import { createTestDatabase, type TestDatabase } from '@sangeyipi/testing';
import { DataSource } from 'typeorm';
import { CaseSummaryProjection } from '../../src/case-summary/case-summary.projection';
import { CreateCasesReadModels1764500000000 } from '../../src/migrations/1764500000000-create-cases-read-models.migration';

/** Two cases' histories, interleaved as the log would hold them. */
function history(): StoredEvent[] {
  const versions = new Map<string, number>();
  const event = (caseId: string, type: string, data: Record<string, unknown>) => {
    const streamVersion = (versions.get(caseId) ?? 0) + 1;
    versions.set(caseId, streamVersion);
    return { type, streamVersion, data: { caseId, ...data }, metadata: { correlationId: 'summary-test', regionCode: '310104' } } as unknown as StoredEvent;
  };
  const received = (caseId: string, applicantId: string) =>
    event(caseId, 'cases.CaseReceived', {
      unitId: 'unit-xuhui',
      itemId: 'item-1',
      applicant: { applicantId },
      firstAskedUserId: 'clerk-1',
      receiptVoucherNumber: `SJ-${caseId}`,
      approvalSteps: ['APPROVAL_STEP_HANDLE', 'APPROVAL_STEP_REVIEW', 'APPROVAL_STEP_DECIDE'],
      receivedOn: '2025-09-26',
      commitmentSigned: caseId === 'case-b',
    });
  return [
    received('case-a', 'applicant-a'),
    event('case-a', 'cases.MaterialsSupplementRequested', {}),
    received('case-b', 'applicant-b'),
    event('case-a', 'cases.CaseAccepted', { acceptedOn: '2025-09-29', committedDeadline: '2025-10-20' }),
    event('case-a', 'cases.StepCompleted', {}),
    event('case-a', 'cases.ClockSuspended', {}),
    event('case-b', 'cases.CaseAccepted', { acceptedOn: '2025-09-26', committedDeadline: '2025-09-26' }),
    event('case-a', 'cases.ClockResumed', { committedDeadline: '2025-10-24' }),
    event('case-a', 'cases.CaseReassigned', { toUserId: 'clerk-2' }),
    event('case-a', 'cases.StepCompleted', {}),
    event('case-a', 'cases.CaseDeadlineApproaching', { committedDeadline: '2025-10-24' }),
    event('case-b', 'cases.CaseDecided', { decision: 'approved' }),
    event('case-b', 'cases.CommitmentVerificationRequested', { decidedOn: '2025-09-26' }),
    event('case-a', 'cases.CaseOverdue', {}),
    event('case-b', 'cases.DecisionRevoked', {}),
  ];
}

describe('the case-summary projection', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const projection = new CaseSummaryProjection();

  beforeAll(async () => {
    database = await createTestDatabase('case-summary');
    dataSource = new DataSource({ type: 'postgres', url: database.url, migrations: [CreateCasesReadModels1764500000000] });
    await dataSource.initialize();
    await dataSource.runMigrations();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const summaries = () => dataSource.query(`SELECT * FROM cases_case_summaries ORDER BY case_id`);

  it('folds a batch of many cases into the same rows as applying the events one by one', async () => {
    await dataSource.transaction((manager) => projection.apply(history(), manager));
    const batched = await summaries();

    await dataSource.transaction((manager) => projection.reset(manager));
    for (const event of history()) await dataSource.transaction((manager) => projection.apply([event], manager));
    const oneByOne = await summaries();

    expect(batched).toEqual(oneByOne);
    expect(batched).toEqual([
      expect.objectContaining({
        case_id: 'case-a',
        region_code: '310104',
        first_asked_user_id: 'clerk-1',
        responsible_user_id: 'clerk-2',
        status: 'in-progress',
        accepted_on: '2025-09-29',
        committed_deadline: '2025-10-24',
        suspended: false,
        overdue: true,
        warned_for_deadline: '2025-10-24',
        supplement_requests: 1,
        completed_steps: 2,
        decision: null,
        commitment_signed: false,
        stream_version: 10,
      }),
      expect.objectContaining({
        case_id: 'case-b',
        status: 'revoked',
        decision: 'approved',
        decided_on: '2025-09-26',
        commitment_signed: true,
        completed_steps: 0,
        stream_version: 5,
      }),
    ]);
  });
});
