import { WorkingDayCalendar } from '@sangeyipi/platform';
import { allowedActions, decide, replay, type CaseCommand, type ItemTerms } from '../case.decider';
import { CaseRuleViolation } from '../case.errors';
import type { CaseEvent } from '../case.events';

const deps = { calendar: new WorkingDayCalendar() };
const CASE_ID = 'c0ffee00-0000-4000-8000-0000000000aa';
const item: ItemTerms = {
  itemId: 'item-1',
  revision: 2,
  unitId: 'unit-1',
  approvalSteps: ['APPROVAL_STEP_HANDLE', 'APPROVAL_STEP_REVIEW', 'APPROVAL_STEP_DECIDE'],
  immediate: false,
  statutoryLimitDays: 20,
  committedLimitDays: 10,
  commitmentRoute: false,
};
const submit: CaseCommand = {
  type: 'SubmitOnline',
  caseId: CASE_ID,
  item,
  applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId: 'applicant-1' },
  materials: [{ materialId: 'M01', name: '申请书', copies: 1 }],
  today: '2025-09-25',
};
const missing: CaseCommand = { type: 'RequestSupplement', noticeNumber: 'BZ-1', missingMaterials: [{ materialId: 'M02', name: '营业执照', reason: '未上传' }] };
const amend: CaseCommand = { type: 'AmendApplication', description: '补传营业执照', materials: [{ materialId: 'M02', name: '营业执照', copies: 1 }] };
const pass: CaseCommand = { type: 'PassPreReview', userId: 'clerk-1', today: '2025-09-26' };
const atWindow: CaseCommand = { type: 'AcceptAtWindow', receiptVoucherNumber: 'SJ-9', noticeNumber: 'SL-9', staff: { userId: 'clerk-2', badge: 'HP-2' }, today: '2025-09-29' };

function run(...commands: CaseCommand[]): CaseEvent[] {
  const history: CaseEvent[] = [];
  for (const command of commands) history.push(...decide(command, { ...replay(history), caseId: replay(history).caseId || CASE_ID }, deps));
  return history;
}

describe('online applications (网上申报 → 网上预审 → 窗口受理)', () => {
  it('starts the case online, waiting for pre-review; nothing can be accepted yet', () => {
    const state = replay(run(submit));
    expect(state).toMatchObject({ status: 'submitted-online', unitId: 'unit-1', applicantId: 'applicant-1', receivedOn: '' });
    expect(allowedActions(state)).toEqual(['amend-application', 'pre-review', 'request-supplement']);
    expect(() => run(submit, { type: 'AcceptCase', noticeNumber: 'SL', today: '2025-09-26' })).toThrow(CaseRuleViolation);
    expect(() => run(submit, atWindow)).toThrow(expect.objectContaining({ code: 'action-not-allowed' }));
  });

  it('names the missing materials once (一次告知); a second notice only after the applicant amended', () => {
    expect(() => run(submit, missing, missing)).toThrow(expect.objectContaining({ code: 'second-supplement-request' }));
    expect(() => run(submit, missing, pass)).toThrow(expect.objectContaining({ code: 'action-not-allowed' }));
    const amended = replay(run(submit, missing, amend));
    expect(amended).toMatchObject({ status: 'submitted-online', supplementRequests: 1, materialsSubmitted: [{ materialId: 'M02' }] });
    expect(run(submit, missing, amend, missing).at(-1)).toMatchObject({ type: 'cases.MaterialsSupplementRequested', data: { requestNumber: 2 } });
  });

  it('receives and accepts on the spot at the window after a passed pre-review: the voucher is issued then', () => {
    const events = run(submit, missing, amend, pass, atWindow);
    expect(events.slice(-3).map((e) => e.type)).toEqual(['cases.OnlinePreReviewPassed', 'cases.CaseReceived', 'cases.CaseAccepted']);
    expect(events.at(-2)).toMatchObject({
      data: { receiptVoucherNumber: 'SJ-9', channel: 'CHANNEL_ONLINE', firstAskedUserId: 'clerk-2', receivedOn: '2025-09-29', materialsReceived: [{ materialId: 'M02' }], itemRevision: 2 },
    });
    // 10 working days from Monday 09-29: 09-30, then after the holiday (10-01..10-08) 10-09 to 10-20 with Saturday 10-11.
    expect(events.at(-1)).toMatchObject({ data: { acceptedOn: '2025-09-29', committedDeadline: '2025-10-20' } });
    expect(replay(events)).toMatchObject({ status: 'in-progress', applicantId: 'applicant-1' });
    expect(() => run(submit, pass, atWindow, atWindow)).toThrow(expect.objectContaining({ code: 'action-not-allowed' }));
  });
});
