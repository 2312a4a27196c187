import type { CreditClass, CreditClassChanged, CreditReason, CreditRecorded, CreditSubjectKind, SupervisionEvent } from '../supervision.events';

/**
 * Credit scoring and classification (信用分类), pure. Every subject starts at 100 points; each record
 * moves the score by its reason's weight, kept within 0–100. The class follows the score, and targets
 * in class C or D are drawn at the elevated proportion.
 */
export const INITIAL_CREDIT_SCORE = 100;

export const CREDIT_WEIGHTS: Record<CreditReason, number> = {
  CREDIT_REASON_FALSE_COMMITMENT: -30,
  CREDIT_REASON_INSPECTION_NON_COMPLIANT: -15,
  CREDIT_REASON_INSPECTION_COMPLIANT: 5,
  CREDIT_REASON_FINDING_RAISED: -5,
  CREDIT_REASON_RECTIFICATION_ESCALATED: -10,
  CREDIT_REASON_COMPLAINT_SUBSTANTIATED: -10,
};

/** A ≥ 90, B ≥ 75, C ≥ 60, D below. */
export function creditClassOf(score: number): CreditClass {
  if (score >= 90) return 'CREDIT_CLASS_A';
  if (score >= 75) return 'CREDIT_CLASS_B';
  if (score >= 60) return 'CREDIT_CLASS_C';
  return 'CREDIT_CLASS_D';
}

/** Poor credit: drawn at the elevated proportion. */
export function isPoorCredit(creditClass: CreditClass): boolean {
  return creditClass === 'CREDIT_CLASS_C' || creditClass === 'CREDIT_CLASS_D';
}

export interface CreditState {
  score: number;
}

export function initialCreditState(): CreditState {
  return { score: INITIAL_CREDIT_SCORE };
}

export function evolveCredit(state: CreditState, event: SupervisionEvent): CreditState {
  return event.type === 'supervision.CreditRecorded' ? { score: event.data.scoreAfter } : state;
}

export interface RecordCredit {
  subjectId: string;
  subjectKind: CreditSubjectKind;
  recordId: string;
  reason: CreditReason;
  sourceId: string;
  today: string;
}

/** The record, and a class change when the score crosses a class boundary. */
export function decideCredit(command: RecordCredit, state: CreditState): (CreditRecorded | CreditClassChanged)[] {
  const scoreAfter = Math.min(100, Math.max(0, state.score + CREDIT_WEIGHTS[command.reason]));
  const events: (CreditRecorded | CreditClassChanged)[] = [
    {
      type: 'supervision.CreditRecorded',
      data: {
        subjectId: command.subjectId,
        subjectKind: command.subjectKind,
        recordId: command.recordId,
        reason: command.reason,
        scoreDelta: scoreAfter - state.score,
        scoreAfter,
        sourceId: command.sourceId,
        recordedOn: command.today,
      },
    },
  ];
  const fromClass = creditClassOf(state.score);
  const toClass = creditClassOf(scoreAfter);
  if (fromClass !== toClass) {
    events.push({ type: 'supervision.CreditClassChanged', data: { subjectId: command.subjectId, subjectKind: command.subjectKind, fromClass, toClass, score: scoreAfter } });
  }
  return events;
}
