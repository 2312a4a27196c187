import { cases, common, type TypedEvent } from '@sangeyipi/contracts';
import { create } from '@bufbuild/protobuf';
import { planNotifications, partiesFromReceipt, type PlanningContext } from './notification-plan';

const parties = { caseId: 'case-1', applicantId: 'applicant-1', unitId: 'unit-1', receiptVoucherNumber: 'SJ-001' };
const unit = { unitId: 'unit-1', webhookUrl: 'http://unit.example/hook', handlerId: 'clerk-1', backupId: 'clerk-2', supervisorId: 'boss-1' };

function given(event: TypedEvent, context: PlanningContext = { parties, unit }) {
  return planNotifications(event, context).map((intent) => `${intent.templateId} → ${intent.recipient.kind}:${intent.recipient.id}`);
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

    const [intent] = planNotifications({ type: 'cases.MaterialsSupplementRequested', data }, { parties });

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
});
