import { cases, common, type EventData, type TypedEvent } from '@sangeyipi/contracts';
import { toPeople, toUnitStaff } from './message-recipients';
import type { AssistanceRequest, CaseParties, LocalizedText, MessageIntent, TemplateId, TemplateParams, UnitContacts } from './notification.types';

/** What the planner knows besides a cases event, from this service's copies and directory. */
export interface CasePlanningContext {
  /** The case's parties, from its receipt. */
  parties?: CaseParties;
  /** The directory entry of the unit the event concerns (see `concernedUnitId`). */
  unit?: UnitContacts;
  /** For AssistanceAnswered: the request answered. */
  assistance?: AssistanceRequest;
  /** For CaseReassigned: the named backup (B角) of the staff member responsible until now. */
  previousHandlersBackupId?: string;
}

/**
 * The unit whose webhook and staff hear about an event: the unit asked for assistance, the unit
 * that asked when the answer comes, the unit named by deadline events, otherwise the case's unit.
 */
export function concernedUnitId(event: TypedEvent, parties: CaseParties | undefined, assistance: AssistanceRequest | undefined): string | undefined {
  switch (event.type) {
    case 'cases.AssistanceRequested':
      return event.data.toUnitId;
    case 'cases.AssistanceAnswered':
      return assistance?.fromUnitId ?? parties?.unitId;
    case 'cases.CaseOverdue':
    case 'cases.CaseDeadlineApproaching':
      return event.data.unitId;
    default:
      return parties?.unitId;
  }
}

/** The parties of a case as its receipt names them; the only event that carries the applicant. */
export function partiesFromReceipt(data: EventData<'cases.CaseReceived'>): CaseParties {
  return {
    caseId: data.caseId,
    applicantId: data.applicant?.applicantId ?? '',
    unitId: data.unitId,
    receiptVoucherNumber: data.receiptVoucherNumber,
  };
}

/**
 * Which messages an event calls for, for whom: applicants hear about their own case, staff and
 * units about the work waiting for them. Events of other types, and events about a case whose
 * receipt this service never saw, call for nothing. Channels and language are chosen later, per
 * recipient (delivery-plan.ts).
 */
export function planCaseMessages(event: TypedEvent, { parties, unit, assistance, previousHandlersBackupId }: CasePlanningContext): MessageIntent[] {
  const applicant = (templateId: TemplateId, params: TemplateParams): MessageIntent[] =>
    parties?.applicantId ? [{ templateId, recipient: { kind: 'person', id: parties.applicantId }, params }] : [];
  const voucherNumber = parties?.receiptVoucherNumber ?? '';

  switch (event.type) {
    case 'cases.CaseReceived': {
      const { data } = event;
      const newCase = { voucherNumber: data.receiptVoucherNumber, itemId: data.itemId, handlerBadge: data.handlerBadge };
      return [
        ...applicant('case-received', { voucherNumber: data.receiptVoucherNumber }),
        ...toUnitStaff(unit, ['handler'], 'unit-new-case', newCase),
      ];
    }
    case 'cases.MaterialsSupplementRequested': {
      const materials = event.data.missingMaterials.map((m) => (m.reason ? `${m.name}（${m.reason}）` : m.name)).join('；');
      return applicant('case-supplement-requested', { noticeNumber: event.data.noticeNumber, materials });
    }
    case 'cases.CaseAccepted':
      return applicant('case-accepted', {
        noticeNumber: event.data.noticeNumber,
        acceptedOn: event.data.acceptedOn,
        committedDeadline: event.data.committedDeadline,
      });
    case 'cases.CaseAcceptanceRefused':
      return applicant('case-acceptance-refused', {
        noticeNumber: event.data.noticeNumber,
        reason: event.data.reason,
        legalBasis: event.data.legalBasis,
      });
    case 'cases.StepCompleted': {
      const next = NEXT_STEP[event.data.step];
      if (next === undefined) return [];
      return toUnitStaff(unit, [], 'unit-step-completed', { voucherNumber, completedStep: STEP_NAMES[event.data.step], nextStep: STEP_NAMES[next] });
    }
    case 'cases.CaseDecided': {
      const approved = event.data.decision === cases.Decision.APPROVED;
      return applicant(approved ? 'case-decided-approved' : 'case-decided-denied', {
        voucherNumber,
        legalBasis: event.data.legalBasis,
        reasons: event.data.reasons.join('；'),
      });
    }
    case 'cases.DocumentIssued':
      return applicant('document-ready', { documentNumber: event.data.documentNumber });
    case 'cases.DocumentDelivered':
      // 好差评: the applicant is invited to rate the service once the result is in hand.
      return applicant('rating-requested', { voucherNumber });
    case 'cases.ClockSuspended':
      return applicant('clock-suspended', { voucherNumber, reason: SUSPENSION_REASONS[event.data.reason], description: event.data.description });
    case 'cases.ClockResumed':
      return applicant('clock-resumed', { voucherNumber, committedDeadline: event.data.committedDeadline });
    case 'cases.CaseDeadlineApproaching':
      // 预警: the handler and the backup (AB角) still have time to act.
      return toUnitStaff(unit, ['handler', 'backup'], 'case-deadline-approaching', {
        voucherNumber: voucherNumber || event.data.caseId,
        committedDeadline: event.data.committedDeadline,
        workingDaysLeft: String(event.data.workingDaysLeft),
        pendingStep: STEP_NAMES[event.data.pendingStep],
      });
    case 'cases.CaseOverdue':
      // To the handler, the backup (AB角) and the unit's supervisor, and the unit's webhook.
      return toUnitStaff(unit, ['handler', 'backup', 'supervisor'], 'case-overdue', {
        voucherNumber: voucherNumber || event.data.caseId,
        committedDeadline: event.data.committedDeadline,
        pendingStep: STEP_NAMES[event.data.pendingStep],
      });
    case 'cases.AssistanceRequested':
      // 行政协助: the unit asked, never the applicant.
      return toUnitStaff(unit, ['handler'], 'assistance-requested', {
        voucherNumber: voucherNumber || event.data.caseId,
        fromUnitId: event.data.fromUnitId,
        question: event.data.question,
        dueOn: event.data.dueOn,
      });
    case 'cases.AssistanceAnswered':
      return toUnitStaff(unit, ['handler'], 'assistance-answered', {
        voucherNumber: voucherNumber || event.data.caseId,
        answeringUnitId: event.data.unitId,
        question: assistance?.question ?? '',
        opinion: event.data.opinion,
      });
    case 'cases.CaseReassigned':
      // AB角: the staff member responsible from now on, and the absent one's named backup.
      return toPeople([event.data.toUserId, previousHandlersBackupId], 'case-reassigned', {
        voucherNumber: voucherNumber || event.data.caseId,
        fromUserId: event.data.fromUserId,
        toUserId: event.data.toUserId,
        reason: REASSIGNMENT_REASONS[event.data.reason],
        note: event.data.note,
      });
    default:
      return [];
  }
}

const REASSIGNMENT_REASONS: Record<cases.ReassignmentReason, LocalizedText> = {
  [cases.ReassignmentReason.UNSPECIFIED]: { 'zh-CN': '工作调整', en: 'a change of duties' },
  [cases.ReassignmentReason.ABSENCE]: { 'zh-CN': '承办人不在岗（AB角补位）', en: 'the handler is away (AB backup steps in)' },
  [cases.ReassignmentReason.HANDOVER]: { 'zh-CN': '首问负责移交', en: 'a recorded handover' },
};

const STEP_NAMES: Record<common.ApprovalStep, LocalizedText> = {
  [common.ApprovalStep.UNSPECIFIED]: { 'zh-CN': '未知', en: 'an unknown step' },
  [common.ApprovalStep.HANDLE]: { 'zh-CN': '承办', en: 'handling' },
  [common.ApprovalStep.REVIEW]: { 'zh-CN': '审核', en: 'review' },
  [common.ApprovalStep.DECIDE]: { 'zh-CN': '决定', en: 'decision' },
};

const NEXT_STEP: Partial<Record<common.ApprovalStep, common.ApprovalStep>> = {
  [common.ApprovalStep.HANDLE]: common.ApprovalStep.REVIEW,
  [common.ApprovalStep.REVIEW]: common.ApprovalStep.DECIDE,
};

const SUSPENSION_REASONS: Record<cases.SuspensionReason, LocalizedText> = {
  [cases.SuspensionReason.UNSPECIFIED]: { 'zh-CN': '法定程序', en: 'a statutory procedure' },
  [cases.SuspensionReason.HEARING]: { 'zh-CN': '听证', en: 'a hearing' },
  [cases.SuspensionReason.TENDER]: { 'zh-CN': '招标', en: 'a tender' },
  [cases.SuspensionReason.AUCTION]: { 'zh-CN': '拍卖', en: 'an auction' },
  [cases.SuspensionReason.INSPECTION]: { 'zh-CN': '检验', en: 'an inspection' },
  [cases.SuspensionReason.TESTING]: { 'zh-CN': '检测', en: 'testing' },
  [cases.SuspensionReason.QUARANTINE]: { 'zh-CN': '检疫', en: 'quarantine' },
  [cases.SuspensionReason.APPRAISAL]: { 'zh-CN': '鉴定', en: 'an appraisal' },
  [cases.SuspensionReason.EXPERT_REVIEW]: { 'zh-CN': '专家评审', en: 'an expert review' },
};
