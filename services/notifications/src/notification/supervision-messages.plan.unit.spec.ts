import { create } from '@bufbuild/protobuf';
import { supervision } from '@sangeyipi/contracts';
import { renderMessage } from './message-templates';
import type { MessageIntent } from './notification.types';
import { planSupervisionMessages } from './supervision-messages.plan';

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
    expect(intents.slice(2).every((intent) => intent.notBefore === reminderAt && intent.occasion === 'reminder')).toBe(true);
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

  it('a bad rating (差评) goes back to the unit without naming the applicant; a good one calls for nothing', () => {
    const bad = create(supervision.CaseRatedSchema, { caseId: 'case-1', unitId: 'unit-1', applicant: { applicantId: 'applicant-1' }, grade: supervision.RatingGrade.VERY_DISSATISFIED, comment: '等了两小时' });
    const good = create(supervision.CaseRatedSchema, { ...bad, grade: supervision.RatingGrade.SATISFIED });

    const intents = planSupervisionMessages({ type: 'supervision.CaseRated', data: bad }, { unit, parties });
    expect(describe_(intents)).toEqual(['bad-rating-received → unit:unit-1', 'bad-rating-received → person:boss-1']);
    expect(JSON.stringify(intents)).not.toContain('applicant-1');
    expect(planSupervisionMessages({ type: 'supervision.CaseRated', data: good }, { unit, parties })).toEqual([]);
  });

  it('a published inspection result is public and calls for no message', () => {
    const data = create(supervision.InspectionResultPublishedSchema, { inspectionId: 'i-1', targetId: 'unit-1', outcome: supervision.InspectionOutcome.COMPLIANT });

    expect(planSupervisionMessages({ type: 'supervision.InspectionResultPublished', data }, { unit })).toEqual([]);
  });
});
