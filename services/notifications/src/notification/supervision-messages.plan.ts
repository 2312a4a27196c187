import { supervision, type TypedEvent } from '@sangeyipi/contracts';
import { scheduled, toPeople, toUnitStaff } from './message-recipients';
import type { CaseParties, ComplaintCopy, InspectionPlan, LocalizedText, MessageIntent, RatingCopy, UnitContacts } from './notification.types';

/** What the planner knows besides a supervision event, from this service's copies and directory. */
export interface SupervisionPlanningContext {
  /** For InspectionDrawn: the plan, from its InspectionPlanned event. */
  plan?: InspectionPlan;
  /** The directory entry of the unit the event names. */
  unit?: UnitContacts;
  /** The parties of the case the event names, if this service saw its receipt. */
  parties?: CaseParties;
  /** For RectificationOrdered: when the reminder goes out; none when it would not come before the due date. */
  rectificationReminderAt?: Date;
  /** For BadRatingReferred and BadRatingAnswered: the rating, from its CaseRated event. */
  rating?: RatingCopy;
  /** For ComplaintResolved: the complaint, from its ComplaintLodged event. */
  complaint?: ComplaintCopy;
}

/** The key a rectification's scheduled reminder is filed under, to withdraw it once the unit answers. */
export function rectificationKey(findingId: string): string {
  return `rectification:${findingId}`;
}

/** The matter an event settles, whose scheduled messages are then withdrawn unsent. */
export function settledMatter(event: TypedEvent): string | undefined {
  switch (event.type) {
    case 'supervision.RectificationAnswered':
    case 'supervision.RectificationClosed':
    case 'supervision.RectificationEscalated':
      return rectificationKey(event.data.findingId);
    default:
      return undefined;
  }
}

/**
 * Which messages a supervision event calls for, for whom. Inspections are announced to the drawn
 * inspectors only (never to the target: an undercover inspection stays unannounced); a
 * rectification order, its reminder and its overdue alert to the unit; a verification outcome to the
 * applicant who made the commitment; a bad rating (差评) referred back to the unit to verify, fix and
 * answer, and the unit's answer to the applicant; a complaint's outcome to the complainant. Published
 * results are public and call for no message.
 */
export function planSupervisionMessages(
  event: TypedEvent,
  { plan, unit, parties, rectificationReminderAt, rating, complaint }: SupervisionPlanningContext,
): MessageIntent[] {
  switch (event.type) {
    case 'supervision.InspectionDrawn':
      return inspectorsOf(event.data.inspections).map(([inspectorId, targets]) => ({
        templateId: 'inspection-assigned',
        recipient: { kind: 'person', id: inspectorId },
        params: {
          planTitle: plan?.title ?? event.data.planId,
          method: METHODS[(plan?.method ?? supervision.InspectionMethod.UNSPECIFIED) as supervision.InspectionMethod],
          targets: targets.join('、'),
          drawOn: plan?.drawOn ?? '',
        },
      }));
    case 'supervision.RectificationOrdered': {
      const params = { findingId: event.data.findingId, actions: event.data.requiredActions.join('；'), dueOn: event.data.dueOn };
      const ordered = toUnitStaff(unit, ['supervisor'], 'rectification-ordered', params);
      if (!rectificationReminderAt) return ordered;
      const reminder = toUnitStaff(unit, ['supervisor'], 'rectification-due', params);
      return [...ordered, ...scheduled(reminder, rectificationReminderAt, 'reminder', rectificationKey(event.data.findingId))];
    }
    case 'supervision.RectificationOverdue':
      return toUnitStaff(unit, ['supervisor'], 'rectification-overdue', { findingId: event.data.findingId, dueOn: event.data.dueOn });
    case 'supervision.CommitmentVerificationConcluded': {
      const conforming = event.data.outcome === supervision.CommitmentVerificationOutcome.CONFORMING;
      return toPeople([event.data.applicant?.applicantId], conforming ? 'commitment-verified-conforming' : 'commitment-verified-false', {
        voucherNumber: parties?.receiptVoucherNumber ?? event.data.caseId,
        summary: event.data.summary,
        concludedOn: event.data.concludedOn,
      });
    }
    case 'supervision.BadRatingReferred':
      // The applicant's id stays out: the unit answers the rating, not the person.
      return toUnitStaff(unit, ['supervisor'], 'bad-rating-received', {
        voucherNumber: parties?.receiptVoucherNumber ?? event.data.caseId,
        grade: GRADES[event.data.grade],
        comment: rating?.comment || '—',
        answerDueOn: event.data.answerDueOn,
      });
    case 'supervision.BadRatingAnswerOverdue':
      return toUnitStaff(unit, ['supervisor'], 'bad-rating-answer-overdue', {
        voucherNumber: parties?.receiptVoucherNumber ?? rating?.caseId ?? event.data.ratingId,
        answerDueOn: event.data.answerDueOn,
      });
    case 'supervision.BadRatingAnswered':
      return toPeople([rating?.applicantId], 'bad-rating-answered', {
        voucherNumber: parties?.receiptVoucherNumber ?? rating?.caseId ?? '',
        answer: event.data.answer,
      });
    case 'supervision.ComplaintResolved':
      return toPeople([complaint?.complainantId], 'complaint-resolved', {
        lodgedOn: complaint?.lodgedOn ?? '',
        outcome: event.data.substantiated ? { 'zh-CN': '情况属实', en: 'substantiated' } : { 'zh-CN': '情况不属实', en: 'not substantiated' },
        note: event.data.note,
      });
    default:
      return [];
  }
}

/** Each drawn inspector with the targets drawn for them, in the order of the draw. */
function inspectorsOf(inspections: readonly supervision.DrawnInspection[]): [string, string[]][] {
  const targetsByInspector = new Map<string, string[]>();
  for (const { targetId, inspectorIds } of inspections) {
    for (const inspectorId of new Set(inspectorIds)) {
      if (!inspectorId) continue;
      targetsByInspector.set(inspectorId, [...(targetsByInspector.get(inspectorId) ?? []), targetId]);
    }
  }
  return [...targetsByInspector];
}

const METHODS: Record<supervision.InspectionMethod, LocalizedText> = {
  [supervision.InspectionMethod.UNSPECIFIED]: { 'zh-CN': '检查', en: 'inspection' },
  [supervision.InspectionMethod.OPEN]: { 'zh-CN': '明查', en: 'announced inspection' },
  [supervision.InspectionMethod.UNDERCOVER]: { 'zh-CN': '暗访', en: 'unannounced inspection' },
};

const GRADES: Record<supervision.RatingGrade, LocalizedText> = {
  [supervision.RatingGrade.UNSPECIFIED]: { 'zh-CN': '未评价', en: 'not graded' },
  [supervision.RatingGrade.VERY_SATISFIED]: { 'zh-CN': '非常满意', en: 'very satisfied' },
  [supervision.RatingGrade.SATISFIED]: { 'zh-CN': '满意', en: 'satisfied' },
  [supervision.RatingGrade.BASICALLY_SATISFIED]: { 'zh-CN': '基本满意', en: 'basically satisfied' },
  [supervision.RatingGrade.DISSATISFIED]: { 'zh-CN': '不满意', en: 'dissatisfied' },
  [supervision.RatingGrade.VERY_DISSATISFIED]: { 'zh-CN': '非常不满意', en: 'very dissatisfied' },
};
