import { EVENT_STORE_MIGRATIONS, type StoredEvent } from '@sangeyipi/eventstore';
import { createTestDatabase, type TestDatabase } from '@sangeyipi/testing';
import { DataSource } from 'typeorm';
import { CaseSummaryProjection } from '../../src/case-summary/case-summary.projection';
import { CreateCasesReadModels1764500000000 } from '../../src/migrations/1764500000000-create-cases-read-models.migration';
import { AssistanceInboxAndOnlineSummaries1764500000300 } from '../../src/migrations/1764500000300-assistance-inbox-and-online-summaries.migration';

/** Four cases' histories (two received at the window, two submitted online), interleaved as the log would hold them. */
function history(): StoredEvent[] {
  const versions = new Map<string, number>();
  const event = (caseId: string, type: string, data: Record<string, unknown>) => {
    const streamVersion = (versions.get(caseId) ?? 0) + 1;
    versions.set(caseId, streamVersion);
    return { type, streamVersion, data: { caseId, ...data }, metadata: { correlationId: 'summary-test', regionCode: '310104' }, recordedAt: new Date('2025-10-09T02:00:00Z') } as unknown as StoredEvent;
  };
  const received = (caseId: string, applicantId: string, receivedOn = '2025-09-26') =>
    event(caseId, 'cases.CaseReceived', {
      unitId: 'unit-xuhui',
      itemId: 'item-1',
      applicant: { applicantId },
      firstAskedUserId: 'clerk-1',
      receiptVoucherNumber: `SJ-${caseId}`,
      approvalSteps: ['APPROVAL_STEP_HANDLE', 'APPROVAL_STEP_REVIEW', 'APPROVAL_STEP_DECIDE'],
      receivedOn,
      commitmentSigned: caseId === 'case-b',
    });
  const submitted = (caseId: string) =>
    event(caseId, 'cases.OnlineApplicationSubmitted', {
      unitId: 'unit-xuhui',
      itemId: 'item-1',
      applicant: { applicantId: `applicant-${caseId}` },
      approvalSteps: ['APPROVAL_STEP_HANDLE', 'APPROVAL_STEP_DECIDE'],
      submittedOn: '2025-09-25',
    });
  return [
    submitted('case-c'),
    submitted('case-d'),
    event('case-c', 'cases.MaterialsSupplementRequested', {}),
    event('case-d', 'cases.MaterialsSupplementRequested', {}),
    event('case-c', 'cases.CaseApplicationAmended', {}),
    event('case-c', 'cases.OnlinePreReviewPassed', {}),
    received('case-c', 'applicant-case-c', '2025-09-29'),
    event('case-c', 'cases.CaseAccepted', { acceptedOn: '2025-09-29', committedDeadline: '2025-10-13' }),
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
    event('case-a', 'cases.AssistanceRequested', { requestId: 'r-1', fromUnitId: 'unit-xuhui', toUnitId: 'unit-pudong', question: '规划用途', limitDays: 5, dueOn: '2025-10-20' }),
    event('case-a', 'cases.AssistanceRequested', { requestId: 'r-2', fromUnitId: 'unit-xuhui', toUnitId: 'unit-jingan', question: '消防', limitDays: 3, dueOn: '2025-10-16' }),
    event('case-a', 'cases.AssistanceAnswered', { requestId: 'r-1', unitId: 'unit-pudong', opinion: '符合', answeredByUserId: 'pd-1', answeredOn: '2025-10-14' }),
    event('case-b', 'cases.DecisionRevoked', {}),
  ];
}

describe('the case-summary projection', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const projection = new CaseSummaryProjection();

  beforeAll(async () => {
    database = await createTestDatabase('case-summary');
    dataSource = new DataSource({ type: 'postgres', url: database.url, migrations: [...EVENT_STORE_MIGRATIONS, CreateCasesReadModels1764500000000, AssistanceInboxAndOnlineSummaries1764500000300] });
    await dataSource.initialize();
    await dataSource.runMigrations();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const summaries = () => dataSource.query(`SELECT * FROM cases_case_summaries ORDER BY case_id`);
  const assistance = () => dataSource.query(`SELECT * FROM cases_assistance_requests ORDER BY request_id`);

  it('folds a batch of many cases into the same rows as applying the events one by one', async () => {
    await dataSource.transaction((manager) => projection.apply(history(), manager));
    const batched = await summaries();
    const batchedAssistance = await assistance();

    await dataSource.transaction((manager) => projection.reset(manager));
    for (const event of history()) await dataSource.transaction((manager) => projection.apply([event], manager));
    const oneByOne = await summaries();

    expect(batched).toEqual(oneByOne);
    expect(batchedAssistance).toEqual(await assistance());
    expect(batchedAssistance).toEqual([
      expect.objectContaining({ request_id: 'r-1', case_id: 'case-a', to_unit_id: 'unit-pudong', due_on: '2025-10-20', answered_on: '2025-10-14', opinion: '符合', answered_by_user_id: 'pd-1' }),
      expect.objectContaining({ request_id: 'r-2', case_id: 'case-a', to_unit_id: 'unit-jingan', due_on: '2025-10-16', answered_on: null, opinion: null }),
    ]);
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
        stream_version: 13,
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
      // Received at the window after pre-review: the window's facts, its notice no longer counted (the case's own state starts afresh too).
      expect.objectContaining({
        case_id: 'case-c',
        applicant_id: 'applicant-case-c',
        status: 'in-progress',
        receipt_voucher_number: 'SJ-case-c',
        first_asked_user_id: 'clerk-1',
        received_on: '2025-09-29',
        supplement_requests: 0,
        stream_version: 6,
      }),
      // Still in pre-review, waiting for the applicant's amendment after the one-time notice.
      expect.objectContaining({
        case_id: 'case-d',
        applicant_id: 'applicant-case-d',
        unit_id: 'unit-xuhui',
        status: 'submitted-online',
        receipt_voucher_number: '',
        received_on: '2025-09-25',
        supplement_requests: 1,
        stream_version: 2,
      }),
    ]);
  });
});
