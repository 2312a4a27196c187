import { cases, common, type EventData, type TypedEvent } from '@sangeyipi/contracts';
import type { CaseParties, LocalizedText, MessageIntent, Recipient, TemplateId, TemplateParams, UnitContacts } from './notification.types';

/** What the planner knows besides the event: the case's parties and its unit's contacts. */
export interface PlanningContext {
  parties?: CaseParties;
  unit?: UnitContacts;
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
export function planNotifications(event: TypedEvent, { parties, unit }: PlanningContext): MessageIntent[] {
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
    case 'cases.CaseOverdue':
      // To the handler, the backup (AB角) and the unit's supervisor, and the unit's webhook.
      return toUnitStaff(unit, ['handler', 'backup', 'supervisor'], 'case-overdue', {
        voucherNumber,
        committedDeadline: event.data.committedDeadline,
        pendingStep: STEP_NAMES[event.data.pendingStep],
      });
    default:
      return [];
  }
}

type StaffRole = 'handler' | 'backup' | 'supervisor';
const STAFF_FIELDS = { handler: 'handlerId', backup: 'backupId', supervisor: 'supervisorId' } as const;

/** The unit's webhook and the named staff members; each person once, even when holding two roles. */
function toUnitStaff(unit: UnitContacts | undefined, roles: readonly StaffRole[], templateId: TemplateId, params: TemplateParams): MessageIntent[] {
  if (!unit) return [];
  const people = [...new Set(roles.map((role) => unit[STAFF_FIELDS[role]]).filter((id): id is string => !!id))];
  const recipients: Recipient[] = [{ kind: 'unit', id: unit.unitId }, ...people.map((id): Recipient => ({ kind: 'person', id }))];
  return recipients.map((recipient) => ({ templateId, recipient, params }));
}

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
