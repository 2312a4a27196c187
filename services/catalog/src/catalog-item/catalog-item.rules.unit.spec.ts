import type { CatalogItemDefinition } from './catalog-item.definition';
import { earlyFoodLicence, immediateRegistration, siteSelectionAdvanceService } from './catalog-item.examples';
import { checkDefinition, cutsAtLeastThirtyPercent, type CatalogRule } from './catalog-item.rules';

/** The rules a definition breaks, as `field: rule`. */
function brokenRules(definition: CatalogItemDefinition): string[] {
  return checkDefinition(definition).map(({ field, rule }) => `${field}: ${rule}`);
}

function refusedFor(rule: CatalogRule, field: string) {
  return [`${field}: ${rule}`];
}

describe('catalog item rules', () => {
  it('accept the examples as they are', () => {
    expect(brokenRules(earlyFoodLicence())).toEqual([]);
    expect(brokenRules(immediateRegistration())).toEqual([]);
    expect(brokenRules(siteSelectionAdvanceService())).toEqual([]);
  });

  describe('the committed limit is shorter than the statutory one where there is one', () => {
    const timeLimited = (statutoryLimitDays: number | null, committedLimitDays: number | null) =>
      earlyFoodLicence({ completionMode: 'time_limited', statutoryLimitDays, committedLimitDays });

    it('accepts one working day less than the statutory limit', () => {
      expect(brokenRules(timeLimited(20, 19))).toEqual([]);
    });

    it('refuses a committed limit equal to the statutory one', () => {
      expect(brokenRules(timeLimited(20, 20))).toEqual(refusedFor('committed-below-statutory', 'committedLimitDays'));
    });

    it('refuses an item with a statutory limit and no commitment', () => {
      expect(brokenRules(siteSelectionAdvanceService({ statutoryLimitDays: 20, committedLimitDays: null }))).toEqual(
        refusedFor('committed-below-statutory', 'committedLimitDays'),
      );
    });

    it('lets an item without a statutory limit go without a commitment, unless it is time-limited', () => {
      expect(brokenRules(siteSelectionAdvanceService({ statutoryLimitDays: null, committedLimitDays: null }))).toEqual([]);
    });
  });

  describe('early completion cuts the statutory limit by at least 30%', () => {
    const early = (statutoryLimitDays: number | null, committedLimitDays: number | null) => earlyFoodLicence({ statutoryLimitDays, committedLimitDays });

    it('accepts a cut of exactly 30%', () => {
      expect(brokenRules(early(100, 70))).toEqual([]);
      expect(brokenRules(early(10, 7))).toEqual([]);
    });

    it('refuses a cut of 29%', () => {
      expect(brokenRules(early(100, 71))).toEqual(refusedFor('early-cuts-at-least-30-percent', 'committedLimitDays'));
    });

    it('refuses a cut just short of 30% that would round up to it', () => {
      // 20 → 15 cuts 25%; 7 → 5 cuts 28.6%, which rounds to 29% and must still fail.
      expect(brokenRules(early(20, 15))).toEqual(refusedFor('early-cuts-at-least-30-percent', 'committedLimitDays'));
      expect(brokenRules(early(7, 5))).toEqual(refusedFor('early-cuts-at-least-30-percent', 'committedLimitDays'));
      expect(brokenRules(early(7, 4))).toEqual([]);
    });

    it('needs a statutory limit to measure the cut against', () => {
      expect(brokenRules(early(null, 5))).toEqual(refusedFor('early-needs-statutory-limit', 'statutoryLimitDays'));
    });

    it('compares with integers, so the threshold is exact', () => {
      expect(cutsAtLeastThirtyPercent(10, 7)).toBe(true);
      expect(cutsAtLeastThirtyPercent(1000, 701)).toBe(false);
      expect(cutsAtLeastThirtyPercent(1000, 700)).toBe(true);
    });
  });

  describe('a time-limited item commits to a limit', () => {
    it('accepts a commitment where the law sets no limit', () => {
      expect(brokenRules(earlyFoodLicence({ completionMode: 'time_limited', statutoryLimitDays: null, committedLimitDays: 5 }))).toEqual([]);
    });

    it('refuses a time-limited item without a commitment', () => {
      expect(brokenRules(earlyFoodLicence({ completionMode: 'time_limited', statutoryLimitDays: null, committedLimitDays: null }))).toEqual(
        refusedFor('time-limited-needs-committed-limit', 'committedLimitDays'),
      );
    });
  });

  describe('an immediate item commits to the same day', () => {
    it('accepts 0 working days', () => {
      expect(brokenRules(immediateRegistration({ committedLimitDays: 0 }))).toEqual([]);
    });

    it('refuses 1 working day', () => {
      expect(brokenRules(immediateRegistration({ committedLimitDays: 1 }))).toEqual(refusedFor('immediate-commits-same-day', 'committedLimitDays'));
    });

    it('refuses an immediate item that is not an immediate case (即办件)', () => {
      expect(brokenRules(immediateRegistration({ caseType: 'commitment_case' }))).toEqual(refusedFor('case-type-matches-mode', 'caseType'));
      expect(brokenRules(earlyFoodLicence({ caseType: 'immediate_case' }))).toEqual(refusedFor('case-type-matches-mode', 'caseType'));
    });
  });

  describe('the completion mode belongs to on-the-spot items', () => {
    it('is required on the spot', () => {
      expect(brokenRules(earlyFoodLicence({ completionMode: null }))).toEqual(refusedFor('completion-mode-required', 'completionMode'));
    });

    it('is refused elsewhere', () => {
      expect(brokenRules(siteSelectionAdvanceService({ completionMode: 'early', statutoryLimitDays: 20, committedLimitDays: 10 }))).toEqual(
        refusedFor('completion-mode-on-the-spot-only', 'completionMode'),
      );
    });
  });

  describe('approval takes one to three steps, 承办 · 审核 · 决定, each once and in order', () => {
    it('accepts three steps', () => {
      expect(brokenRules(earlyFoodLicence({ approvalSteps: ['handle', 'review', 'decide'] }))).toEqual([]);
    });

    it('refuses four steps', () => {
      expect(brokenRules(earlyFoodLicence({ approvalSteps: ['handle', 'review', 'review', 'decide'] }))).toEqual(
        refusedFor('at-most-three-steps', 'approvalSteps'),
      );
    });

    it('accepts one step and refuses none on an item that takes applications', () => {
      expect(brokenRules(earlyFoodLicence({ approvalSteps: ['decide'] }))).toEqual([]);
      expect(brokenRules(earlyFoodLicence({ approvalSteps: [] }))).toEqual(refusedFor('at-least-one-step', 'approvalSteps'));
    });

    it('refuses a repeated or reordered step', () => {
      expect(brokenRules(earlyFoodLicence({ approvalSteps: ['review', 'review'] }))).toEqual(refusedFor('distinct-steps', 'approvalSteps'));
      expect(brokenRules(earlyFoodLicence({ approvalSteps: ['decide', 'handle'] }))).toEqual(refusedFor('steps-in-order', 'approvalSteps'));
    });
  });

  describe('no expedite or service fee of any kind', () => {
    const withFee = (name: string, legalBasis = '《不动产登记暂行条例》') => earlyFoodLicence({ statutoryFees: [{ name, amount: '每件80元', legalBasis }] });

    it('accepts a statutory fee with its legal basis', () => {
      expect(brokenRules(withFee('不动产登记费'))).toEqual([]);
    });

    it.each(['加急费', '急件处理费', '技术服务费', '代办费', 'Expedite fee'])('refuses "%s"', (name) => {
      expect(brokenRules(withFee(name))).toEqual(refusedFor('no-expedite-or-service-fee', 'statutoryFees[0].name'));
    });

    it('refuses a fee without a legal basis', () => {
      expect(brokenRules(withFee('不动产登记费', ' '))).toEqual(refusedFor('fee-needs-legal-basis', 'statutoryFees[0].legalBasis'));
    });
  });

  describe('materials are listed for every item that takes an application', () => {
    it('accepts a single material', () => {
      expect(brokenRules(earlyFoodLicence({ requiredMaterials: earlyFoodLicence().requiredMaterials.slice(0, 1) }))).toEqual([]);
    });

    it('refuses an empty list', () => {
      expect(brokenRules(earlyFoodLicence({ requiredMaterials: [] }))).toEqual(refusedFor('materials-required', 'requiredMaterials'));
      expect(brokenRules(earlyFoodLicence({ kind: 'same_year_landing', completionMode: null, requiredMaterials: [] }))).toEqual(
        refusedFor('materials-required', 'requiredMaterials'),
      );
    });

    it('lets an advance-service item, which comes before any application, list none', () => {
      expect(brokenRules(siteSelectionAdvanceService({ requiredMaterials: [] }))).toEqual([]);
    });

    it('refuses two materials with the same id', () => {
      const [first, second] = earlyFoodLicence().requiredMaterials;
      expect(brokenRules(earlyFoodLicence({ requiredMaterials: [first, { ...second, materialId: first.materialId }] }))).toEqual(
        refusedFor('distinct-material-ids', 'requiredMaterials[1].materialId'),
      );
    });
  });

  it('refuses an advance-service item that offers nothing', () => {
    expect(brokenRules(siteSelectionAdvanceService({ advanceServiceContents: [] }))).toEqual(
      refusedFor('advance-service-contents-required', 'advanceServiceContents'),
    );
  });

  it('reports every broken rule at once, each with its field', () => {
    const definition = earlyFoodLicence({
      committedLimitDays: 16,
      approvalSteps: ['handle', 'review', 'decide', 'decide'],
      statutoryFees: [{ name: '加急费', amount: '200元', legalBasis: '' }],
      requiredMaterials: [],
    });

    expect(brokenRules(definition)).toEqual([
      'committedLimitDays: early-cuts-at-least-30-percent',
      'approvalSteps: at-most-three-steps',
      'statutoryFees[0].name: no-expedite-or-service-fee',
      'statutoryFees[0].legalBasis: fee-needs-legal-basis',
      'requiredMaterials: materials-required',
    ]);
  });
});
