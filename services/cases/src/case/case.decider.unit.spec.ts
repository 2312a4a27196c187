import { WorkingDayCalendar } from '@sangeyipi/platform';
import { allowedActions, decide, evolve, INITIAL_STATE, pendingStep, replay, type CaseCommand, type ItemTerms } from './case.decider';
import { CaseRuleViolation, type CaseRuleCode } from './case.errors';
import type { CaseEvent } from './case.events';

const calendar = new WorkingDayCalendar();
const deps = { calendar };

const CASE_ID = 'c0ffee00-0000-4000-8000-000000000001';
const clerk = { userId: 'clerk-1', badge: 'HP-0001' };
const reviewer = { userId: 'reviewer-1', badge: 'HP-0002' };
const decider = { userId: 'decider-1', badge: 'HP-0003' };

const timeLimitedItem: ItemTerms = {
  itemId: 'item-1',
  revision: 1,
  unitId: 'unit-1',
  approvalSteps: ['APPROVAL_STEP_HANDLE', 'APPROVAL_STEP_REVIEW', 'APPROVAL_STEP_DECIDE'],
  immediate: false,
  statutoryLimitDays: 20,
  committedLimitDays: 20,
  commitmentRoute: false,
};
const immediateItem: ItemTerms = { ...timeLimitedItem, itemId: 'item-2', approvalSteps: ['APPROVAL_STEP_HANDLE', 'APPROVAL_STEP_DECIDE'], immediate: true, committedLimitDays: 0 };

function receive(item: ItemTerms = timeLimitedItem, today = '2025-09-26'): CaseCommand {
  return {
    type: 'ReceiveCase',
    caseId: CASE_ID,
    receiptVoucherNumber: 'SJ-0001',
    item,
    applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId: 'applicant-1' },
    channel: 'CHANNEL_WINDOW',
    materials: [{ materialId: 'M01', name: '申请书', copies: 1 }],
    staff: clerk,
    today,
  };
}

/** given(events...).when(command).then(events) / .thenRefuses(code) */
function given(...commands: CaseCommand[]) {
  const history: CaseEvent[] = [];
  for (const command of commands) history.push(...decide(command, replay(history), deps));
  const state = replay(history);
  return {
    state,
    history,
    when(command: CaseCommand) {
      const run = () => decide(command, state, deps);
      return {
        then: (expected: object[]) => expect(run()).toMatchObject(expected),
        events: run,
        thenRefuses(code: CaseRuleCode) {
          try {
            run();
          } catch (error) {
            expect(error).toBeInstanceOf(CaseRuleViolation);
            expect((error as CaseRuleViolation).code).toBe(code);
            return error as CaseRuleViolation;
          }
          throw new Error(`expected refusal ${code}`);
        },
      };
    },
  };
}

const accept = (today = '2025-09-26'): CaseCommand => ({ type: 'AcceptCase', noticeNumber: 'SL-0001', today });
const handle = (today = '2025-09-29', staff = clerk): CaseCommand => ({ type: 'CompleteStep', step: 'APPROVAL_STEP_HANDLE', staff, opinion: '材料齐全', today });
const review = (today = '2025-09-30', staff = reviewer): CaseCommand => ({ type: 'CompleteStep', step: 'APPROVAL_STEP_REVIEW', staff, opinion: '符合法定形式', today });
const decideStep = (today = '2025-10-09', staff = decider): CaseCommand =>
  ({ type: 'CompleteStep', step: 'APPROVAL_STEP_DECIDE', staff, opinion: '准予', today, decision: { outcome: 'DECISION_APPROVED', reasons: ['符合条件'], legalBasis: '行政许可法第三十八条' } });

describe('receipt (收件凭证, 首问负责)', () => {
  it('records the voucher, the materials and the first-asked staff member', () => {
    given().when(receive()).then([
      {
        type: 'cases.CaseReceived',
        data: { receiptVoucherNumber: 'SJ-0001', firstAskedUserId: 'clerk-1', handlerBadge: 'HP-0001', receivedOn: '2025-09-26', immediate: false },
      },
    ]);
  });

  it('keeps the item revision and terms it was received under', () => {
    const state = replay(decide(receive({ ...timeLimitedItem, revision: 4, committedLimitDays: 7 }), INITIAL_STATE, deps));
    expect(state).toMatchObject({ itemRevision: 4, committedLimitDays: 7, approvalSteps: timeLimitedItem.approvalSteps });
  });

  it('refuses a second receipt of the same case (conflict)', () => {
    expect(given(receive()).when(receive()).thenRefuses('case-already-exists').conflict).toBe(true);
  });

  it('refuses an item with more than three steps (承办/审核/决定 at most)', () => {
    given().when(receive({ ...timeLimitedItem, approvalSteps: ['APPROVAL_STEP_HANDLE', 'APPROVAL_STEP_REVIEW', 'APPROVAL_STEP_REVIEW', 'APPROVAL_STEP_DECIDE'] })).thenRefuses('invalid-item');
  });

  it('offers supplement, acceptance or refusal next', () => {
    expect(allowedActions(given(receive()).state)).toEqual(['amend-application', 'request-supplement', 'accept', 'refuse-acceptance']);
    expect(allowedActions(INITIAL_STATE)).toEqual([]);
  });
});

describe('one-time notification (一次告知)', () => {
  const supplement: CaseCommand = {
    type: 'RequestSupplement',
    noticeNumber: 'BZ-1',
    missingMaterials: [
      { materialId: 'M02', name: '营业执照', reason: '未提供' },
      { materialId: 'M03', name: '平面图', reason: '未盖章' },
    ],
  };

  it('names every missing material in the first request', () => {
    given(receive()).when(supplement).then([{ type: 'cases.MaterialsSupplementRequested', data: { requestNumber: 1, missingMaterials: [{ materialId: 'M02' }, { materialId: 'M03' }] } }]);
  });

  it('refuses a second supplement request on the same application', () => {
    const g = given(receive(), supplement);
    expect(allowedActions(g.state)).not.toContain('request-supplement');
    g.when({ ...supplement, noticeNumber: 'BZ-2' }).thenRefuses('second-supplement-request');
  });

  it('allows a new request once the applicant changed what is applied for', () => {
    given(receive(), supplement, { type: 'AmendApplication', description: '变更经营项目', materials: [] })
      .when({ ...supplement, noticeNumber: 'BZ-2' })
      .then([{ type: 'cases.MaterialsSupplementRequested', data: { requestNumber: 2 } }]);
  });

  it('refuses a request naming nothing', () => {
    given(receive()).when({ ...supplement, missingMaterials: [] }).thenRefuses('nothing-missing');
  });
});

describe('acceptance (受理) and refusal (不予受理)', () => {
  it('sets the committed deadline in working days across the 2025 National Day holiday', () => {
    // 10-01..10-08 are holidays; Sunday 09-28 and Saturday 10-11 are adjustment working days.
    given(receive()).when(accept('2025-09-26')).then([
      { type: 'cases.CaseAccepted', data: { acceptedOn: '2025-09-26', committedLimitDays: 20, committedDeadline: '2025-10-30', statutoryDeadline: '2025-10-30' } },
    ]);
  });

  it('counts the adjustment Saturday as a working day', () => {
    // From Thursday 10-09: Fri 10-10, Sat 10-11 (调休上班), Mon 10-13.
    given(receive({ ...timeLimitedItem, committedLimitDays: 3 }, '2025-10-09'))
      .when(accept('2025-10-09'))
      .then([{ type: 'cases.CaseAccepted', data: { committedDeadline: '2025-10-13' } }]);
  });

  it('starts the clock of a holiday receipt on the next working day', () => {
    // Received and accepted on 10-03 (holiday): 1 working day later is 10-09.
    given(receive({ ...timeLimitedItem, committedLimitDays: 1 }, '2025-10-03'))
      .when(accept('2025-10-03'))
      .then([{ type: 'cases.CaseAccepted', data: { committedDeadline: '2025-10-09' } }]);
  });

  it('refuses acceptance only with a reason and a legal basis', () => {
    given(receive()).when({ type: 'RefuseAcceptance', noticeNumber: 'BSL-1', reason: ' ', legalBasis: '' }).thenRefuses('reasons-required');
    const g = given(receive(), { type: 'RefuseAcceptance', noticeNumber: 'BSL-1', reason: '不属于本机关职权', legalBasis: '行政许可法第三十二条' });
    expect(g.state.status).toBe('refused');
    expect(allowedActions(g.state)).toEqual([]);
  });
});

describe('steps (承办 → 审核 → 决定)', () => {
  it('runs the steps in order and decides at the last one', () => {
    const g = given(receive(), accept(), handle(), review());
    expect(pendingStep(g.state)).toBe('APPROVAL_STEP_DECIDE');
    g.when(decideStep('2025-10-09')).then([
      { type: 'cases.StepCompleted', data: { step: 'APPROVAL_STEP_DECIDE', actorUserId: 'decider-1' } },
      // 09-26 → 10-09: 09-28, 09-29, 09-30, 10-09 = 4 working days
      { type: 'cases.CaseDecided', data: { decision: 'DECISION_APPROVED', workingDaysUsed: 4, decidedOnTheSpot: false } },
    ]);
  });

  it('refuses a step that is not the pending one (conflict: someone acted first)', () => {
    const refusal = given(receive(), accept(), handle()).when(handle()).thenRefuses('step-not-pending');
    expect(refusal.conflict).toBe(true);
  });

  it('never lets the same person do two consecutive steps', () => {
    given(receive(), accept(), handle()).when(review('2025-09-30', clerk)).thenRefuses('same-person-consecutive-steps');
    given(receive(), accept(), handle(), review()).when(decideStep('2025-10-09', reviewer)).thenRefuses('same-person-consecutive-steps');
  });

  it('lets the 承办 person decide when someone else reviewed in between', () => {
    const events = given(receive(), accept(), handle(), review()).when(decideStep('2025-10-09', clerk)).events();
    expect(events.map((e) => e.type)).toEqual(['cases.StepCompleted', 'cases.CaseDecided']);
  });

  it('requires the decision at the last step, and reasons for a denial', () => {
    const g = given(receive(), accept(), handle(), review());
    g.when({ type: 'CompleteStep', step: 'APPROVAL_STEP_DECIDE', staff: decider, opinion: '', today: '2025-10-09' }).thenRefuses('decision-required');
    g.when({
      type: 'CompleteStep',
      step: 'APPROVAL_STEP_DECIDE',
      staff: decider,
      opinion: '',
      today: '2025-10-09',
      decision: { outcome: 'DECISION_DENIED', reasons: [], legalBasis: 'x' },
    }).thenRefuses('reasons-required');
  });

  it('refuses steps before acceptance', () => {
    given(receive()).when(handle()).thenRefuses('action-not-allowed');
  });
});

describe('documents (制证, 送达)', () => {
  const issue: CaseCommand = { type: 'IssueDocument', documentId: 'doc-1', documentNumber: 'JY-1', today: '2025-10-09' };

  it('issues the approval once decided', () => {
    const g = given(receive(), accept(), handle(), review(), decideStep());
    expect(allowedActions(g.state)).toEqual(['issue-document']);
    g.when(issue).then([{ type: 'cases.DocumentIssued', data: { kind: 'DOCUMENT_KIND_APPROVAL', issuedOnTheSpot: false } }]);
  });

  it('delivers only a document that was issued; nothing is allowed after delivery', () => {
    given(receive(), accept(), handle(), review(), decideStep(), issue)
      .when({ type: 'DeliverDocument', documentId: 'doc-2', method: 'DELIVERY_METHOD_POST' })
      .thenRefuses('document-not-found');
    const delivered = given(receive(), accept(), handle(), review(), decideStep(), issue, { type: 'DeliverDocument', documentId: 'doc-1', method: 'DELIVERY_METHOD_POST' });
    expect(delivered.state.status).toBe('completed');
    expect(allowedActions(delivered.state)).toEqual([]);
  });
});

describe('completion modes', () => {
  const decideImmediate = (today: string, notOnTheSpotReason?: string): CaseCommand => ({
    type: 'CompleteStep',
    step: 'APPROVAL_STEP_DECIDE',
    staff: decider,
    opinion: '准予',
    today,
    decision: { outcome: 'DECISION_APPROVED', reasons: [], legalBasis: 'x', notOnTheSpotReason },
  });

  it('immediate: decided and issued in the same visit counts as on the spot', () => {
    const day = '2025-11-03';
    const g = given(receive(immediateItem, day), accept(day), handle(day));
    g.when(decideImmediate(day)).then([{}, { type: 'cases.CaseDecided', data: { decidedOnTheSpot: true, workingDaysUsed: 0 } }]);
    const decided = given(receive(immediateItem, day), accept(day), handle(day), decideImmediate(day));
    decided.when({ type: 'IssueDocument', documentId: 'd', documentNumber: 'n', today: day }).then([{ data: { issuedOnTheSpot: true } }]);
  });

  it('immediate: not decided during the visit must say why', () => {
    const g = given(receive(immediateItem, '2025-11-03'), accept('2025-11-03'), handle('2025-11-03'));
    g.when(decideImmediate('2025-11-04')).thenRefuses('not-on-the-spot-reason-required');
    g.when(decideImmediate('2025-11-04', '系统故障，次日办结')).then([{}, { data: { decidedOnTheSpot: false, notOnTheSpotReason: '系统故障，次日办结' } }]);
  });

  it('immediate: deadline is the acceptance day itself', () => {
    given(receive(immediateItem, '2025-11-03')).when(accept('2025-11-03')).then([{ data: { committedLimitDays: 0, committedDeadline: '2025-11-03' } }]);
  });
});

describe('clock suspensions (行政许可法 §45)', () => {
  const suspend = (today: string): CaseCommand => ({ type: 'SuspendClock', reason: 'SUSPENSION_REASON_TESTING', description: '送检', applicantNotified: true, today });

  it('moves the deadline by the working days suspended, across the National Day holiday', () => {
    // Accepted 09-26, deadline 10-30. Suspended 09-30 .. 10-10: working days 09-30, 10-09, 10-10 = 3.
    const g = given(receive(), accept(), suspend('2025-09-30'));
    expect(allowedActions(g.state)).toEqual(['resume-clock']);
    g.when({ type: 'ResumeClock', today: '2025-10-10' }).then([
      {
        type: 'cases.ClockResumed',
        data: { reason: 'SUSPENSION_REASON_TESTING', suspendedWorkingDays: 3, resumedAfter: '2025-10-10', committedDeadline: '2025-11-04' },
      },
    ]);
  });

  it('excludes suspended days from the working days used', () => {
    const g = given(receive(), accept(), suspend('2025-09-30'), { type: 'ResumeClock', today: '2025-10-10' }, handle('2025-10-13'), review('2025-10-13'));
    const [, decided] = g.when(decideStep('2025-10-14')).events();
    // 09-26 → 10-14: 09-28, 09-29, [09-30, 10-09, 10-10 suspended], 10-11, 10-13, 10-14 = 5
    expect(decided).toMatchObject({ type: 'cases.CaseDecided', data: { workingDaysUsed: 5 } });
  });

  it('refuses a second suspension while one is open, and a resume without one', () => {
    given(receive(), accept(), suspend('2025-09-30')).when(suspend('2025-10-09')).thenRefuses('clock-already-suspended');
    given(receive(), accept()).when({ type: 'ResumeClock', today: '2025-10-09' }).thenRefuses('clock-not-suspended');
    given(receive(), accept(), suspend('2025-09-30')).when({ type: 'ResumeClock', today: '2025-09-29' }).thenRefuses('resume-before-suspension');
  });

  it('stops steps while suspended', () => {
    given(receive(), accept(), suspend('2025-09-30')).when(handle('2025-10-09')).thenRefuses('action-not-allowed');
  });
});

describe('overdue (超期)', () => {
  it('is raised once the committed deadline has passed, with the pending step', () => {
    const g = given(receive(), accept(), handle());
    g.when({ type: 'MarkOverdue', today: '2025-10-30' }).thenRefuses('not-overdue');
    g.when({ type: 'MarkOverdue', today: '2025-10-31' }).then([
      { type: 'cases.CaseOverdue', data: { committedDeadline: '2025-10-30', pendingStep: 'APPROVAL_STEP_REVIEW', unitId: 'unit-1' } },
    ]);
  });

  it('is raised only once, and never for a decided case', () => {
    given(receive(), accept(), { type: 'MarkOverdue', today: '2025-10-31' }).when({ type: 'MarkOverdue', today: '2025-11-03' }).thenRefuses('not-overdue');
    given(receive(), accept(), handle(), review(), decideStep()).when({ type: 'MarkOverdue', today: '2025-12-01' }).thenRefuses('not-overdue');
  });
});

describe('deadline warning (预警)', () => {
  it('is raised once when at most the threshold of working days is left, the holiday not counted', () => {
    // Deadline 10-30; on 10-28 two working days are left (10-29, 10-30).
    const g = given(receive(), accept());
    g.when({ type: 'WarnDeadline', today: '2025-10-27', warningDays: 2 }).thenRefuses('no-warning-due');
    g.when({ type: 'WarnDeadline', today: '2025-10-28', warningDays: 2 }).then([
      { type: 'cases.CaseDeadlineApproaching', data: { committedDeadline: '2025-10-30', workingDaysLeft: 2, pendingStep: 'APPROVAL_STEP_HANDLE' } },
    ]);
    given(receive(), accept(), { type: 'WarnDeadline', today: '2025-10-28', warningDays: 2 })
      .when({ type: 'WarnDeadline', today: '2025-10-29', warningDays: 2 })
      .thenRefuses('no-warning-due');
  });

  it('is raised again for a deadline moved by a suspension, never while suspended or once overdue', () => {
    const suspend: CaseCommand = { type: 'SuspendClock', reason: 'SUSPENSION_REASON_HEARING', description: '听证', applicantNotified: true, today: '2025-10-29' };
    given(receive(), accept(), { type: 'WarnDeadline', today: '2025-10-28', warningDays: 2 }, suspend)
      .when({ type: 'WarnDeadline', today: '2025-10-29', warningDays: 2 })
      .thenRefuses('no-warning-due');
    given(receive(), accept(), { type: 'WarnDeadline', today: '2025-10-28', warningDays: 2 }, suspend, { type: 'ResumeClock', today: '2025-10-29' })
      .when({ type: 'WarnDeadline', today: '2025-10-30', warningDays: 2 })
      .then([{ data: { committedDeadline: '2025-10-31', workingDaysLeft: 1 } }]);
    given(receive(), accept(), { type: 'MarkOverdue', today: '2025-10-31' }).when({ type: 'WarnDeadline', today: '2025-10-31', warningDays: 2 }).thenRefuses('no-warning-due');
  });
});

describe('no fees for speed', () => {
  it('reports an attempted expedite fee without changing the case', () => {
    const g = given(receive(), accept());
    const events = g.when({ type: 'AttemptForbiddenCharge', charge: 'FORBIDDEN_CHARGE_EXPEDITE_FEE', description: '加急费200元', userId: 'clerk-1' }).events();
    expect(events).toMatchObject([{ type: 'cases.ForbiddenChargeRefused', data: { charge: 'FORBIDDEN_CHARGE_EXPEDITE_FEE', unitId: 'unit-1', attemptedByUserId: 'clerk-1' } }]);
    expect(evolve(g.state, events[0])).toEqual(g.state);
  });
});

describe('responsibility (首问负责, AB角)', () => {
  const toBackup: CaseCommand = { type: 'ReassignCase', toUserId: 'clerk-9', reason: 'REASSIGNMENT_REASON_ABSENCE', note: '' };

  it('moves an open case to the backup, recorded, without touching the clock', () => {
    const g = given(receive(), accept());
    expect(g.state.responsibleUserId).toBe('clerk-1');
    const events = g.when(toBackup).events();
    expect(events).toMatchObject([{ type: 'cases.CaseReassigned', data: { fromUserId: 'clerk-1', toUserId: 'clerk-9' } }]);
    const after = evolve(g.state, events[0]);
    expect(after).toMatchObject({ responsibleUserId: 'clerk-9', firstAskedUserId: 'clerk-1', committedDeadline: g.state.committedDeadline });
  });

  it('refuses a reassignment to whoever is already responsible, and on a finished case', () => {
    given(receive()).when({ ...toBackup, toUserId: 'clerk-1' }).thenRefuses('already-responsible');
    given(receive(), { type: 'RefuseAcceptance', noticeNumber: 'n', reason: 'r', legalBasis: 'b' }).when(toBackup).thenRefuses('action-not-allowed');
  });
});

describe('告知承诺 (decision on a written commitment)', () => {
  const commitmentItem: ItemTerms = { ...timeLimitedItem, commitmentRoute: true };
  const receiveWithCommitment: CaseCommand = { ...(receive(commitmentItem) as Extract<CaseCommand, { type: 'ReceiveCase' }>), commitmentSigned: true };

  it('refuses a commitment for an item not on that route', () => {
    given().when({ ...(receive() as Extract<CaseCommand, { type: 'ReceiveCase' }>), commitmentSigned: true }).thenRefuses('commitment-not-allowed');
  });

  it('decides first and asks supervision to verify afterwards (事后核查)', () => {
    const [, , verification] = given(receiveWithCommitment, accept(), handle(), review()).when(decideStep()).events();
    expect(verification).toMatchObject({ type: 'cases.CommitmentVerificationRequested', data: { itemId: 'item-1', decidedOn: '2025-10-09', applicant: { applicantId: 'applicant-1' } } });
  });

  it('revokes the approval once, and never a denial', () => {
    const revoke: CaseCommand = { type: 'RevokeDecision', reason: '虚假承诺', findingId: 'f-1' };
    const decided = given(receiveWithCommitment, accept(), handle(), review(), decideStep());
    decided.when(revoke).then([{ type: 'cases.DecisionRevoked', data: { findingId: 'f-1' } }]);
    const revoked = given(receiveWithCommitment, accept(), handle(), review(), decideStep(), revoke);
    expect(revoked.state.status).toBe('revoked');
    expect(allowedActions(revoked.state)).toEqual([]);
    revoked.when(revoke).thenRefuses('not-revocable');
    given(receive(), accept()).when(revoke).thenRefuses('not-revocable');
  });
});

describe('administrative assistance (行政协助)', () => {
  const ask: CaseCommand = { type: 'RequestAssistance', requestId: 'r-1', toUnitId: 'unit-9', question: '是否符合规划', limitDays: 5, today: '2025-09-29' };

  it('asks another unit with a due date in working days, and shows it pending until answered', () => {
    // From 09-29: 09-30, 10-09, 10-10, 10-11 (adjustment Saturday), 10-13.
    given(receive(), accept()).when(ask).then([{ type: 'cases.AssistanceRequested', data: { fromUnitId: 'unit-1', toUnitId: 'unit-9', dueOn: '2025-10-13' } }]);
    const asked = given(receive(), accept(), ask);
    expect(asked.state.assistance).toMatchObject([{ requestId: 'r-1', answered: false }]);
    const answer: CaseCommand = { type: 'AnswerAssistance', requestId: 'r-1', unitId: 'unit-9', opinion: '符合', userId: 'u-9', today: '2025-10-09' };
    const answered = given(receive(), accept(), ask, answer);
    expect(answered.state.assistance).toMatchObject([{ answered: true, opinion: '符合' }]);
    answered.when(answer).thenRefuses('assistance-already-answered');
    asked.when({ ...answer, unitId: 'unit-8' }).thenRefuses('assistance-not-found');
  });

  it('is asked of another unit only', () => {
    given(receive()).when({ ...ask, toUnitId: 'unit-1' }).thenRefuses('assistance-to-own-unit');
  });
});

describe('evolve', () => {
  it('replays a stream to the same state as folding event by event', () => {
    const g = given(receive(), accept(), handle());
    expect(g.history.reduce(evolve, INITIAL_STATE)).toEqual(g.state);
    expect(g.state.firstAskedUserId).toBe('clerk-1');
  });
});
