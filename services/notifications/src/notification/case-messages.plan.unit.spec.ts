import { cases, common, type TypedEvent } from '@sangeyipi/contracts';
import { create } from '@bufbuild/protobuf';
import { concernedUnitId, partiesFromReceipt, planCaseMessages, type CasePlanningContext } from './case-messages.plan';

const parties = { caseId: 'case-1', applicantId: 'applicant-1', unitId: 'unit-1', receiptVoucherNumber: 'SJ-001' };
const unit = { unitId: 'unit-1', webhookUrl: 'http://unit.example/hook', handlerId: 'clerk-1', backupId: 'clerk-2', supervisorId: 'boss-1' };

function given(event: TypedEvent, context: CasePlanningContext = { parties, unit }) {
  return planCaseMessages(event, context).map((intent) => `${intent.templateId} → ${intent.recipient.kind}:${intent.recipient.id}`);
}

describe('which event produces which message for whom', () => {
  it('a receipt gives the applicant a receipt voucher and tells the unit and its handler about the new case', () => {
    const data = create(cases.CaseReceivedSchema, {
      caseId: 'case-1',
      receiptVoucherNumber: 'SJ-001',
      unitId: 'unit-1',
      applicant: { applicantId: 'applicant-1' },
    });

    expect(given({ type: 'cases.CaseReceived', data }, { parties: partiesFromReceipt(data), unit })).toEqual([
      'case-received → person:applicant-1',
      'unit-new-case → unit:unit-1',
      'unit-new-case → person:clerk-1',
    ]);
  });

  it('a supplement request names every missing material in one notice (一次告知)', () => {
    const data = create(cases.MaterialsSupplementRequestedSchema, {
      caseId: 'case-1',
      noticeNumber: 'BZ-1',
      missingMaterials: [
        { name: '营业执照', reason: '缺少原件' },
        { name: '身份证复印件', reason: '' },
      ],
    });

    const [intent] = planCaseMessages({ type: 'cases.MaterialsSupplementRequested', data }, { parties });

    expect(intent).toMatchObject({ templateId: 'case-supplement-requested', recipient: { kind: 'person', id: 'applicant-1' } });
    expect(intent.params.materials).toBe('营业执照（缺少原件）；身份证复印件');
  });

  it('an overdue case alerts the handler, the backup (AB角), the supervisor and the unit', () => {
    const data = create(cases.CaseOverdueSchema, { caseId: 'case-1', unitId: 'unit-1', committedDeadline: '2025-03-01', pendingStep: common.ApprovalStep.REVIEW });

    expect(given({ type: 'cases.CaseOverdue', data })).toEqual([
      'case-overdue → unit:unit-1',
      'case-overdue → person:clerk-1',
      'case-overdue → person:clerk-2',
      'case-overdue → person:boss-1',
    ]);
  });

  it('a denial and an approval use different templates', () => {
    const denied = create(cases.CaseDecidedSchema, { caseId: 'case-1', decision: cases.Decision.DENIED, reasons: ['不符合条件'] });
    const approved = create(cases.CaseDecidedSchema, { caseId: 'case-1', decision: cases.Decision.APPROVED });

    expect(given({ type: 'cases.CaseDecided', data: denied })).toEqual(['case-decided-denied → person:applicant-1']);
    expect(given({ type: 'cases.CaseDecided', data: approved })).toEqual(['case-decided-approved → person:applicant-1']);
  });

  it('the last approval step completed waits for nobody', () => {
    const data = create(cases.StepCompletedSchema, { caseId: 'case-1', step: common.ApprovalStep.DECIDE });

    expect(given({ type: 'cases.StepCompleted', data })).toEqual([]);
  });

  it('an event about a case whose receipt was never seen calls for nothing', () => {
    const data = create(cases.CaseAcceptedSchema, { caseId: 'case-9' });

    expect(given({ type: 'cases.CaseAccepted', data }, {})).toEqual([]);
  });

  it('a deadline warning (预警) goes to the unit, the handler and the backup, but not yet to the supervisor', () => {
    const data = create(cases.CaseDeadlineApproachingSchema, { caseId: 'case-1', unitId: 'unit-1', committedDeadline: '2025-03-14', workingDaysLeft: 2, pendingStep: common.ApprovalStep.REVIEW });

    expect(given({ type: 'cases.CaseDeadlineApproaching', data })).toEqual([
      'case-deadline-approaching → unit:unit-1',
      'case-deadline-approaching → person:clerk-1',
      'case-deadline-approaching → person:clerk-2',
    ]);
  });

  it('an assistance request (行政协助) goes to the unit asked; its answer to the unit that asked, never to the applicant', () => {
    const asked = { unitId: 'unit-2', webhookUrl: 'http://unit-2.example/hook', handlerId: 'clerk-21' };
    const request = create(cases.AssistanceRequestedSchema, { caseId: 'case-1', requestId: 'r-1', fromUnitId: 'unit-1', toUnitId: 'unit-2', question: '是否符合规划', dueOn: '2025-03-10' });
    const answer = create(cases.AssistanceAnsweredSchema, { caseId: 'case-1', requestId: 'r-1', unitId: 'unit-2', opinion: '符合' });
    const assistance = { caseId: 'case-1', requestId: 'r-1', fromUnitId: 'unit-1', toUnitId: 'unit-2', question: '是否符合规划' };

    expect(concernedUnitId({ type: 'cases.AssistanceRequested', data: request }, parties, undefined)).toBe('unit-2');
    expect(given({ type: 'cases.AssistanceRequested', data: request }, { parties, unit: asked })).toEqual(['assistance-requested → unit:unit-2', 'assistance-requested → person:clerk-21']);
    expect(concernedUnitId({ type: 'cases.AssistanceAnswered', data: answer }, undefined, assistance)).toBe('unit-1');
    const [toUnit] = planCaseMessages({ type: 'cases.AssistanceAnswered', data: answer }, { parties, unit, assistance });
    expect(toUnit).toMatchObject({ templateId: 'assistance-answered', recipient: { kind: 'unit', id: 'unit-1' }, params: { question: '是否符合规划', opinion: '符合' } });
  });

  it('a reassignment (AB角) tells the new handler and the absent handler’s named backup, each once', () => {
    const data = create(cases.CaseReassignedSchema, { caseId: 'case-1', fromUserId: 'clerk-1', toUserId: 'clerk-3', reason: cases.ReassignmentReason.HANDOVER });
    const absence = create(cases.CaseReassignedSchema, { caseId: 'case-1', fromUserId: 'clerk-1', toUserId: 'clerk-2', reason: cases.ReassignmentReason.ABSENCE });

    expect(given({ type: 'cases.CaseReassigned', data }, { parties, previousHandlersBackupId: 'clerk-2' })).toEqual([
      'case-reassigned → person:clerk-3',
      'case-reassigned → person:clerk-2',
    ]);
    expect(given({ type: 'cases.CaseReassigned', data: absence }, { parties, previousHandlersBackupId: 'clerk-2' })).toEqual(['case-reassigned → person:clerk-2']);
  });
});
