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

/** A year the package or an earlier entry already covers: changing it is a correction (PUT), not an entry. */
export class HolidayYearAlreadyCovered extends CatalogRefusal {
  override readonly name = 'HolidayYearAlreadyCovered';
  readonly outcome = 'conflict';
  constructor(
    readonly year: number,
    by: string,
  ) {
    super(`the holiday arrangement of ${year} is already covered (${by}); correct it with PUT /calendar/notices/${year} and a reason, before ${year} begins`);
  }
}

/** A correction of a year nothing covers: there is nothing to correct, the year is entered with POST. */
export class HolidayYearNotCovered extends CatalogRefusal {
  override readonly name = 'HolidayYearNotCovered';
  readonly outcome = 'not-found';
  constructor(readonly year: number) {
    super(`no holiday arrangement of ${year} has been entered or shipped; enter it with POST /calendar/notices`);
  }
}

/** A correction of a year that has begun: deadlines inside it are already committed. */
export class HolidayYearBegun extends CatalogRefusal {
  override readonly name = 'HolidayYearBegun';
  readonly outcome = 'conflict';
  constructor(
    readonly year: number,
    today: string,
  ) {
    super(
      `${year} has begun (today is ${today}): deadlines inside it have been committed to applicants with the arrangement in force, ` +
        'and changing the days under them is refused; see docs/catalog.md for what to do about a mid-year change',
    );
  }
}
