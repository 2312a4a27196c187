import type { RuleViolation } from './catalog-item/catalog-item.rules';

/**
 * A refusal of the catalog domain. `outcome` says what kind of refusal it is, so that the HTTP layer
 * can answer without the domain knowing about status codes.
 */
export abstract class CatalogRefusal extends Error {
  abstract readonly outcome: 'invalid' | 'not-found' | 'conflict' | 'forbidden';
}

/** The command breaks catalog rules: each violation names the field and the rule. */
export class CatalogRulesViolated extends CatalogRefusal {
  override readonly name = 'CatalogRulesViolated';
  readonly outcome = 'invalid';
  constructor(readonly violations: readonly RuleViolation[]) {
    super(violations.map((violation) => `${violation.field}: ${violation.message} (${violation.rule})`).join('; '));
  }
}

export class CatalogItemNotFound extends CatalogRefusal {
  override readonly name = 'CatalogItemNotFound';
  readonly outcome = 'not-found';
  constructor(readonly itemId: string) {
    super(`catalog item ${itemId} does not exist`);
  }
}

/** The command does not fit the item's place in its lifecycle (e.g. approving a draft). */
export class CatalogItemTransitionRefused extends CatalogRefusal {
  override readonly name = 'CatalogItemTransitionRefused';
  readonly outcome = 'conflict';
  constructor(
    readonly itemId: string,
    readonly status: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A published item was edited directly. The attempt has been recorded; a published item changes only
 * through a change request approved by the reform office.
 */
export class DirectEditOfPublishedItemRefused extends CatalogRefusal {
  override readonly name = 'DirectEditOfPublishedItemRefused';
  readonly outcome = 'conflict';
  constructor(readonly itemId: string) {
    super(`catalog item ${itemId} is published: it changes only through a change request approved by the reform office; this attempt has been recorded`);
  }
}

/** The caller's role, unit or region does not cover this item, unit or catalog. */
export class CatalogActionForbidden extends CatalogRefusal {
  override readonly name = 'CatalogActionForbidden';
  readonly outcome = 'forbidden';
}

export class ServiceUnitAlreadyRegistered extends CatalogRefusal {
  override readonly name = 'ServiceUnitAlreadyRegistered';
  readonly outcome = 'conflict';
  constructor(readonly unitId: string) {
    super(`service unit ${unitId} is already registered`);
  }
}
