/** A broken rule of the projects domain, naming the request field and the rule (answered 400). */
export interface RuleViolation {
  field: string;
  rule: string;
  message: string;
}

/**
 * A refusal of the projects domain. `outcome` says what kind of refusal it is, so that the HTTP layer
 * answers without the domain knowing about status codes.
 */
export abstract class ProjectsRefusal extends Error {
  abstract readonly outcome: 'invalid' | 'not-found' | 'conflict' | 'forbidden';
}

/** The command breaks rules: each violation names the field and the rule. */
export class RulesViolated extends ProjectsRefusal {
  override readonly name = 'RulesViolated';
  readonly outcome = 'invalid';
  constructor(readonly violations: readonly RuleViolation[]) {
    super(violations.map((violation) => `${violation.field}: ${violation.message} (${violation.rule})`).join('; '));
  }
}

/** Shorthand: throws RulesViolated with the violations, if there are any. */
export function requireNoViolations(violations: readonly RuleViolation[]): void {
  if (violations.length > 0) throw new RulesViolated(violations);
}

export class NotFound extends ProjectsRefusal {
  override readonly name = 'NotFound';
  readonly outcome = 'not-found';
}

/**
 * The command does not fit the record's state (e.g. a milestone on a project not listed yet). `code` is
 * stable, for clients and tests.
 */
export class StateConflict extends ProjectsRefusal {
  override readonly name = 'StateConflict';
  readonly outcome = 'conflict';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A listed project was changed directly. The attempt has been recorded; a listed project changes its
 * target or leaves the list only through a change request approved by the reform office.
 */
export class DirectChangeOfListedProjectRefused extends ProjectsRefusal {
  override readonly name = 'DirectChangeOfListedProjectRefused';
  readonly outcome = 'conflict';
  readonly code = 'listed-project-changes-by-approval-only';
  constructor(readonly projectId: string) {
    super(`project ${projectId} is listed: it changes only through a change request approved by the reform office; this attempt has been recorded`);
  }
}

/** The caller's role, unit or region does not cover the target. */
export class ActionForbidden extends ProjectsRefusal {
  override readonly name = 'ActionForbidden';
  readonly outcome = 'forbidden';
}

/** Shorthand for a state conflict. */
export function conflict(code: string, message: string): never {
  throw new StateConflict(code, message);
}
