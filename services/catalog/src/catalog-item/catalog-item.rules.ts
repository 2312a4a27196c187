import { APPROVAL_STEPS, takesApplication, type CatalogItemDefinition } from './catalog-item.definition';

/** The rules of the catalog; each refusal names the field and one of these. */
export const CATALOG_RULES = [
  'completion-mode-on-the-spot-only',
  'completion-mode-required',
  'committed-below-statutory',
  'early-needs-statutory-limit',
  'early-cuts-at-least-30-percent',
  'time-limited-needs-committed-limit',
  'immediate-commits-same-day',
  'case-type-matches-mode',
  'at-least-one-step',
  'at-most-three-steps',
  'distinct-steps',
  'steps-in-order',
  'no-expedite-or-service-fee',
  'fee-needs-legal-basis',
  'materials-required',
  'distinct-material-ids',
  'advance-service-contents-required',
  // Rules of units, batches and change requests.
  'known-region',
  'region-matches-level',
  'item-in-batch-catalog',
  'distinct-items',
  'effective-not-before-today',
  // Rules of the State Council holiday notices (calendar/holiday-calendar.decider.ts).
  'notice-year-published',
  'date-in-notice-year',
  'date-listed-once',
  'rest-or-workday',
  'workday-on-weekend',
  'workday-makes-up-for-a-holiday',
  'new-years-day-rest',
] as const;
export type CatalogRule = (typeof CATALOG_RULES)[number];

export interface RuleViolation {
  /** Path of the offending field in the definition, e.g. `committedLimitDays` or `statutoryFees[1].name`. */
  field: string;
  rule: CatalogRule;
  message: string;
}

/**
 * True when `committed` is at least 30% shorter than `statutory` ("总体缩短30%以上"). Integer
 * arithmetic, so that 30% exactly passes and nothing just below it rounds up.
 */
export function cutsAtLeastThirtyPercent(statutory: number, committed: number): boolean {
  return (statutory - committed) * 10 >= statutory * 3;
}

/** Fee names that betray an expedite or service charge, forbidden "in the name of the reform". */
const FORBIDDEN_FEE_PATTERNS: readonly RegExp[] = [/加急/, /急件/, /特急/, /提速/, /快速/, /优先办理/, /服务费/, /代办/, /expedit/i, /urgent/i, /service fee/i];

/** Every rule the definition breaks; empty when it may be published. */
export function checkDefinition(definition: CatalogItemDefinition): RuleViolation[] {
  return [...completionRules(definition), ...stepRules(definition), ...feeRules(definition), ...materialRules(definition), ...advanceServiceRules(definition)];
}

function completionRules(d: CatalogItemDefinition): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const { statutoryLimitDays: statutory, committedLimitDays: committed } = d;

  if (d.kind === 'on_the_spot' && d.completionMode === null) {
    violations.push({ field: 'completionMode', rule: 'completion-mode-required', message: 'an on-the-spot item must be immediate, early or time-limited' });
  }
  if (d.kind !== 'on_the_spot' && d.completionMode !== null) {
    violations.push({ field: 'completionMode', rule: 'completion-mode-on-the-spot-only', message: 'only on-the-spot items have a completion mode' });
  }
  if (statutory !== null && (committed === null || committed >= statutory)) {
    violations.push({
      field: 'committedLimitDays',
      rule: 'committed-below-statutory',
      message: `the committed limit must be shorter than the statutory limit of ${statutory} working days`,
    });
  }

  switch (d.completionMode) {
    case 'immediate':
      if (committed !== 0) {
        violations.push({ field: 'committedLimitDays', rule: 'immediate-commits-same-day', message: 'an immediate item commits to the same day (0 working days)' });
      }
      if (d.caseType !== 'immediate_case') {
        violations.push({ field: 'caseType', rule: 'case-type-matches-mode', message: 'an immediate item is an immediate case (即办件)' });
      }
      break;
    case 'early':
      if (statutory === null) {
        violations.push({ field: 'statutoryLimitDays', rule: 'early-needs-statutory-limit', message: 'early completion is measured against a statutory limit' });
      } else if (committed !== null && committed < statutory && !cutsAtLeastThirtyPercent(statutory, committed)) {
        violations.push({
          field: 'committedLimitDays',
          rule: 'early-cuts-at-least-30-percent',
          message: `early completion cuts the statutory limit by at least 30%: at most ${Math.floor((statutory * 7) / 10)} of ${statutory} working days`,
        });
      }
      break;
    case 'time_limited':
      if (committed === null) {
        violations.push({ field: 'committedLimitDays', rule: 'time-limited-needs-committed-limit', message: 'a time-limited item commits to a limit, even where the law sets none' });
      }
      break;
  }
  if ((d.completionMode === 'early' || d.completionMode === 'time_limited') && d.caseType !== 'commitment_case') {
    violations.push({ field: 'caseType', rule: 'case-type-matches-mode', message: 'an early or time-limited item is a commitment case (承诺件)' });
  }
  return violations;
}

function stepRules(d: CatalogItemDefinition): RuleViolation[] {
  const steps = d.approvalSteps;
  if (steps.length === 0) {
    return takesApplication(d.kind) ? [{ field: 'approvalSteps', rule: 'at-least-one-step', message: 'an item that takes applications has at least one approval step' }] : [];
  }
  if (steps.length > 3) {
    return [{ field: 'approvalSteps', rule: 'at-most-three-steps', message: 'at most three approval steps: 承办, 审核, 决定' }];
  }
  if (new Set(steps).size !== steps.length) {
    return [{ field: 'approvalSteps', rule: 'distinct-steps', message: 'each approval step appears once' }];
  }
  const order = steps.map((step) => APPROVAL_STEPS.indexOf(step));
  if (order.some((position, index) => index > 0 && position < order[index - 1])) {
    return [{ field: 'approvalSteps', rule: 'steps-in-order', message: 'approval steps run in the order 承办, 审核, 决定' }];
  }
  return [];
}

function feeRules(d: CatalogItemDefinition): RuleViolation[] {
  return d.statutoryFees.flatMap((fee, index): RuleViolation[] => {
    const violations: RuleViolation[] = [];
    if (FORBIDDEN_FEE_PATTERNS.some((pattern) => pattern.test(fee.name))) {
      violations.push({
        field: `statutoryFees[${index}].name`,
        rule: 'no-expedite-or-service-fee',
        message: 'expedite and service fees of any kind are forbidden (加急费、服务费)',
      });
    }
    if (fee.legalBasis.trim() === '') {
      violations.push({ field: `statutoryFees[${index}].legalBasis`, rule: 'fee-needs-legal-basis', message: 'a fee names the law that allows it' });
    }
    return violations;
  });
}

function materialRules(d: CatalogItemDefinition): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (takesApplication(d.kind) && d.requiredMaterials.length === 0) {
    violations.push({ field: 'requiredMaterials', rule: 'materials-required', message: 'an item that takes applications publishes its required materials' });
  }
  const seen = new Set<string>();
  d.requiredMaterials.forEach((material, index) => {
    if (seen.has(material.materialId)) {
      violations.push({ field: `requiredMaterials[${index}].materialId`, rule: 'distinct-material-ids', message: `material id ${material.materialId} is used twice` });
    }
    seen.add(material.materialId);
  });
  return violations;
}

function advanceServiceRules(d: CatalogItemDefinition): RuleViolation[] {
  if (d.kind !== 'advance_service' || d.advanceServiceContents.length > 0) return [];
  return [{ field: 'advanceServiceContents', rule: 'advance-service-contents-required', message: 'an advance-service item says what it offers (勘察, 核查, 检测, 咨询…)' }];
}
