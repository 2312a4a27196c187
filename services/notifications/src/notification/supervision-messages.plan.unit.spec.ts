import { create } from '@bufbuild/protobuf';
import { supervision } from '@sangeyipi/contracts';
import { renderMessage } from './message-templates';
import type { MessageIntent } from './notification.types';
import { planSupervisionMessages, rectificationKey, settledMatter } from './supervision-messages.plan';

const unit = { unitId: 'unit-1', webhookUrl: 'http://unit.example/hook', handlerId: 'clerk-1', backupId: 'clerk-2', supervisorId: 'boss-1' };
const parties = { caseId: 'case-1', applicantId: 'applicant-1', unitId: 'unit-1', receiptVoucherNumber: 'SJ-001' };
const describe_ = (intents: MessageIntent[]) => intents.map((intent) => `${intent.templateId} → ${intent.recipient.kind}:${intent.recipient.id}`);

describe('which supervision event produces which message for whom', () => {
  it('a draw tells each drawn inspector once, naming all their targets, and tells no target', () => {
    const data = create(supervision.InspectionDrawnSchema, {
      planId: 'plan-1',
      inspections: [
        { inspectionId: 'i-1', targetId: 'unit-7', inspectorIds: ['insp-1', 'insp-2'] },
        { inspectionId: 'i-2', targetId: 'unit-8', inspectorIds: ['insp-2', 'insp-3'] },
      ],
    });
    const plan = { planId: 'plan-1', title: '2025年第一季度双随机检查', method: supervision.InspectionMethod.UNDERCOVER, drawOn: '2025-03-03' };

    const intents = planSupervisionMessages({ type: 'supervision.InspectionDrawn', data }, { plan });

    expect(describe_(intents)).toEqual(['inspection-assigned → person:insp-1', 'inspection-assigned → person:insp-2', 'inspection-assigned → person:insp-3']);
    expect(renderMessage('inspection-assigned', 'zh-CN', intents[1].params).body).toBe(
      '您已被随机抽取参加“2025年第一季度双随机检查”（暗访），检查对象：unit-7、unit-8。抽取日期 2025-03-03。请勿向检查对象透露。',
    );
  });

  it('a rectification order goes to the unit and its supervisor now, and again as a reminder at the scheduled instant', () => {
    const data = create(supervision.RectificationOrderedSchema, { findingId: 'f-1', unitId: 'unit-1', requiredActions: ['退还加急费', '公开道歉'], dueOn: '2025-03-14' });
    const reminderAt = new Date('2025-03-12T01:00:00Z');

    const intents = planSupervisionMessages({ type: 'supervision.RectificationOrdered', data }, { unit, rectificationReminderAt: reminderAt });

    expect(describe_(intents)).toEqual([
      'rectification-ordered → unit:unit-1',
      'rectification-ordered → person:boss-1',
      'rectification-due → unit:unit-1',
      'rectification-due → person:boss-1',
    ]);
    expect(intents.slice(0, 2).every((intent) => intent.notBefore === undefined && intent.occasion === undefined)).toBe(true);
    expect(intents.slice(2).every((intent) => intent.notBefore === reminderAt && intent.occasion === 'reminder' && intent.withdrawKey === 'rectification:f-1')).toBe(true);
    expect(intents[0].params.actions).toBe('退还加急费；公开道歉');
  });

  it('a rectification due too soon for a reminder gets only the order', () => {
    const data = create(supervision.RectificationOrderedSchema, { findingId: 'f-1', unitId: 'unit-1', dueOn: '2025-03-04' });

    expect(describe_(planSupervisionMessages({ type: 'supervision.RectificationOrdered', data }, { unit }))).toEqual([
      'rectification-ordered → unit:unit-1',
      'rectification-ordered → person:boss-1',
    ]);
  });

  it('a verification outcome (告知承诺核查) goes to the applicant who made the commitment', () => {
    const conforming = create(supervision.CommitmentVerificationConcludedSchema, {
      caseId: 'case-1',
      unitId: 'unit-1',
      applicant: { applicantId: 'applicant-1' },
      outcome: supervision.CommitmentVerificationOutcome.CONFORMING,
    });
    const falseOne = create(supervision.CommitmentVerificationConcludedSchema, { ...conforming, outcome: supervision.CommitmentVerificationOutcome.FALSE_COMMITMENT });

    const [intent] = planSupervisionMessages({ type: 'supervision.CommitmentVerificationConcluded', data: conforming }, { parties, unit });
    expect(intent).toMatchObject({ templateId: 'commitment-verified-conforming', recipient: { kind: 'person', id: 'applicant-1' }, params: { voucherNumber: 'SJ-001' } });
    expect(describe_(planSupervisionMessages({ type: 'supervision.CommitmentVerificationConcluded', data: falseOne }, { parties, unit }))).toEqual([
      'commitment-verified-false → person:applicant-1',
    ]);
  });

  it('a bad rating (差评) referred goes back to the unit with the comment and the answer date, without naming the applicant', () => {
    const rating = { ratingId: 'rt-1', caseId: 'case-1', applicantId: 'applicant-1', comment: '等了两小时' };
    const rated = create(supervision.CaseRatedSchema, { ratingId: 'rt-1', caseId: 'case-1', unitId: 'unit-1', applicant: { applicantId: 'applicant-1' }, grade: supervision.RatingGrade.VERY_DISSATISFIED });
    const referred = create(supervision.BadRatingReferredSchema, { ratingId: 'rt-1', caseId: 'case-1', unitId: 'unit-1', grade: supervision.RatingGrade.VERY_DISSATISFIED, answerDueOn: '2025-03-10' });

    expect(planSupervisionMessages({ type: 'supervision.CaseRated', data: rated }, { unit, parties })).toEqual([]);
    const intents = planSupervisionMessages({ type: 'supervision.BadRatingReferred', data: referred }, { unit, parties, rating });
    expect(describe_(intents)).toEqual(['bad-rating-received → unit:unit-1', 'bad-rating-received → person:boss-1']);
    expect(renderMessage('bad-rating-received', 'zh-CN', intents[0].params).body).toBe('案件 SJ-001 收到“非常不满意”评价：等了两小时。请核实、整改，并于 2025-03-10 前答复。');
    expect(JSON.stringify(intents)).not.toContain('applicant-1');
  });

  it("the unit's answer to a bad rating reaches the applicant; a complaint's outcome the complainant", () => {
    const rating = { ratingId: 'rt-1', caseId: 'case-1', applicantId: 'applicant-1', comment: '' };
    const answered = create(supervision.BadRatingAnsweredSchema, { ratingId: 'rt-1', unitId: 'unit-1', answer: '已加开窗口' });
    const resolved = create(supervision.ComplaintResolvedSchema, { complaintId: 'c-1', subjectId: 'unit-1', substantiated: true, note: '已责令整改' });

    expect(describe_(planSupervisionMessages({ type: 'supervision.BadRatingAnswered', data: answered }, { parties, rating }))).toEqual(['bad-rating-answered → person:applicant-1']);
    const [toComplainant] = planSupervisionMessages({ type: 'supervision.ComplaintResolved', data: resolved }, { complaint: { complaintId: 'c-1', complainantId: 'citizen-7', lodgedOn: '2025-03-01' } });
    expect(toComplainant.recipient).toEqual({ kind: 'person', id: 'citizen-7' });
    expect(renderMessage('complaint-resolved', 'en', toComplainant.params).body).toBe('Your complaint of 2025-03-01 was found substantiated: 已责令整改');
  });

  it('an overdue rectification or rating answer alerts the unit; an answer, closing or escalation withdraws the pending reminder', () => {
    const overdue = create(supervision.RectificationOverdueSchema, { findingId: 'f-1', unitId: 'unit-1', dueOn: '2025-03-14' });
    const answered = create(supervision.RectificationAnsweredSchema, { findingId: 'f-1', unitId: 'unit-1' });

    expect(describe_(planSupervisionMessages({ type: 'supervision.RectificationOverdue', data: overdue }, { unit }))).toEqual([
      'rectification-overdue → unit:unit-1',
      'rectification-overdue → person:boss-1',
    ]);
    expect(settledMatter({ type: 'supervision.RectificationAnswered', data: answered })).toBe(rectificationKey('f-1'));
    const ratingOverdue = create(supervision.BadRatingAnswerOverdueSchema, { ratingId: 'rt-1', unitId: 'unit-1', answerDueOn: '2025-03-10' });
    expect(describe_(planSupervisionMessages({ type: 'supervision.BadRatingAnswerOverdue', data: ratingOverdue }, { unit, parties }))).toEqual([
      'bad-rating-answer-overdue → unit:unit-1',
      'bad-rating-answer-overdue → person:boss-1',
    ]);
    expect(settledMatter({ type: 'supervision.RectificationOverdue', data: overdue })).toBeUndefined();
  });

  it('a published inspection result is public and calls for no message', () => {
    const data = create(supervision.InspectionResultPublishedSchema, { inspectionId: 'i-1', targetId: 'unit-1', outcome: supervision.InspectionOutcome.COMPLIANT });

    expect(planSupervisionMessages({ type: 'supervision.InspectionResultPublished', data }, { unit })).toEqual([]);
  });
});
