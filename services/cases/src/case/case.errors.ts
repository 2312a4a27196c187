/**
 * A command the case's rules refuse. `code` is stable (clients and tests switch on it); `conflict`
 * marks refusals caused by someone else having acted first (answered 409 rather than 422).
 */
export class CaseRuleViolation extends Error {
  override readonly name = 'CaseRuleViolation';
  constructor(
    readonly code: CaseRuleCode,
    message: string,
    readonly conflict = false,
  ) {
    super(message);
  }
}

export type CaseRuleCode =
  | 'case-already-exists'
  | 'case-not-found'
  | 'action-not-allowed'
  | 'second-supplement-request' // 一次告知: all missing materials are named at once
  | 'nothing-missing'
  | 'item-not-published'
  | 'invalid-item'
  | 'step-not-pending'
  | 'same-person-consecutive-steps' // 审核 and 决定 never by the person who did the step before
  | 'decision-required'
  | 'reasons-required'
  | 'not-on-the-spot-reason-required'
  | 'not-same-visit'
  | 'document-not-found'
  | 'already-delivered'
  | 'clock-already-suspended'
  | 'clock-not-suspended'
  | 'resume-before-suspension'
  | 'not-overdue'
  | 'no-warning-due'
  | 'forbidden-charge' // 不得收取"加急费""服务费"或增设前置条件
  | 'already-responsible'
  | 'no-backup-named' // AB角: the absent handler has no named backup
  | 'commitment-not-allowed' // the item is not on the 告知承诺 route
  | 'not-revocable'
  | 'assistance-not-found'
  | 'assistance-already-answered'
  | 'assistance-to-own-unit';

/** Shorthand for a refusal. */
export function refuse(code: CaseRuleCode, message: string, conflict = false): never {
  throw new CaseRuleViolation(code, message, conflict);
}
