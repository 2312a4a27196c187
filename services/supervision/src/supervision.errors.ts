/** One reason a command was refused, naming the request field it concerns. */
export interface FieldViolation {
  field: string;
  rule: string;
  message: string;
}

/**
 * A refusal of the supervision domain. `outcome` says what kind of refusal it is, so that the HTTP
 * layer answers without the domain knowing status codes: invalid 400, forbidden 403, not-found 404,
 * conflict 409 (the record's state does not allow it, e.g. a case rated twice).
 */
export abstract class SupervisionRefusal extends Error {
  abstract readonly outcome: 'invalid' | 'not-found' | 'conflict' | 'forbidden';
}

/** The command breaks a rule about its own content; each violation names the field. */
export class SupervisionRulesViolated extends SupervisionRefusal {
  override readonly name = 'SupervisionRulesViolated';
  readonly outcome = 'invalid';
  constructor(readonly violations: readonly FieldViolation[]) {
    super(violations.map((v) => `${v.field}: ${v.message} (${v.rule})`).join('; '));
  }
}

/** Shorthand for a single-field violation. */
export function violation(field: string, rule: string, message: string): SupervisionRulesViolated {
  return new SupervisionRulesViolated([{ field, rule, message }]);
}

export class SupervisionRecordNotFound extends SupervisionRefusal {
  override readonly name = 'SupervisionRecordNotFound';
  readonly outcome = 'not-found';
  constructor(what: string, id: string) {
    super(`${what} ${id} does not exist`);
  }
}

/** The record is not in a state that allows the command (already drawn, already rated, closed…). */
export class SupervisionStateConflict extends SupervisionRefusal {
  override readonly name = 'SupervisionStateConflict';
  readonly outcome = 'conflict';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The caller's role, unit or region does not cover the record. */
export class SupervisionActionForbidden extends SupervisionRefusal {
  override readonly name = 'SupervisionActionForbidden';
  readonly outcome = 'forbidden';
}
