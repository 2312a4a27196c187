import { Draw, seededRandom } from '../seeded-random';
import { DEFAULT_FATE_SHARES, EPISODE_SHARES, outcomeOf, planCase, type CaseFate, type CasePlan, type PlannedItem } from './case-plan';

const ITEM: PlannedItem = { committedLimitDays: 7, immediate: false, commitmentRoute: true, approvalSteps: 3 };
const DRAWS = 20_000;

function plans(item: PlannedItem, seed = 42): CasePlan[] {
  const draw = new Draw(seededRandom(seed));
  return Array.from({ length: DRAWS }, () => planCase(draw, item));
}

const share = (list: CasePlan[], predicate: (plan: CasePlan) => boolean) => list.filter(predicate).length / list.length;

describe('planning a case', () => {
  it('draws early, on-time, overdue and refused in their shares, within two points', () => {
    const drawn = plans(ITEM);
    for (const fate of Object.keys(DEFAULT_FATE_SHARES) as CaseFate[]) {
      expect(Math.abs(share(drawn, (plan) => plan.fate === fate) - DEFAULT_FATE_SHARES[fate])).toBeLessThan(0.02);
    }
  });

  it('draws the episodes in their shares: one-time notices, suspensions, assistance, handovers, denials', () => {
    const drawn = plans(ITEM);
    const notRefused = drawn.filter((plan) => plan.fate !== 'refused');
    expect(Math.abs(share(drawn, (plan) => plan.supplement) - EPISODE_SHARES.supplement)).toBeLessThan(0.02);
    expect(Math.abs(share(notRefused, (plan) => plan.suspension !== null) - EPISODE_SHARES.suspension)).toBeLessThan(0.02);
    expect(Math.abs(share(notRefused, (plan) => plan.assistance) - EPISODE_SHARES.assistance)).toBeLessThan(0.02);
    expect(Math.abs(share(notRefused, (plan) => plan.handover) - EPISODE_SHARES.handover)).toBeLessThan(0.01);
    expect(Math.abs(share(notRefused, (plan) => plan.denied) - EPISODE_SHARES.denial)).toBeLessThan(0.01);
    expect(Math.abs(share(notRefused, (plan) => plan.commitmentSigned) - EPISODE_SHARES.commitment)).toBeLessThan(0.02);
  });

  it('times the decision by the fate: before, on, or one to three working days past the committed limit', () => {
    for (const plan of plans(ITEM)) {
      if (plan.fate === 'early') expect(plan.decideAfterDays).toBeLessThan(7);
      if (plan.fate === 'on-time') expect(plan.decideAfterDays).toBe(7);
      if (plan.fate === 'overdue') expect([8, 9, 10]).toContain(plan.decideAfterDays);
      if (plan.suspension) expect(plan.suspension.afterDays).toBeLessThanOrEqual(plan.decideAfterDays);
    }
  });

  it('is repeatable: the same seed plans the same cases', () => {
    expect(plans(ITEM, 9).slice(0, 200)).toEqual(plans(ITEM, 9).slice(0, 200));
    expect(plans(ITEM, 9).slice(0, 200)).not.toEqual(plans(ITEM, 10).slice(0, 200));
  });

  it('decides an immediate item on the day (当场办结) unless it is overdue, and never suspends it', () => {
    const drawn = plans({ committedLimitDays: 0, immediate: true, commitmentRoute: false, approvalSteps: 1 });
    expect(drawn.some((plan) => plan.fate === 'early')).toBe(false);
    expect(drawn.filter((plan) => plan.fate === 'on-time').every((plan) => plan.decideAfterDays === 0)).toBe(true);
    expect(drawn.every((plan) => plan.suspension === null && !plan.commitmentSigned)).toBe(true);
  });

  it('has nothing happen to a refused application after the refusal', () => {
    const refused = plans(ITEM).filter((plan) => plan.fate === 'refused');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((plan) => !plan.assistance && !plan.handover && plan.suspension === null && !plan.denied && !plan.commitmentSigned)).toBe(true);
  });

  it('takes overrides (the opening round forces each episode once)', () => {
    const draw = new Draw(seededRandom(1));
    const plan = planCase(draw, ITEM, DEFAULT_FATE_SHARES, { fate: 'overdue', supplement: true, suspension: true, assistance: true, handover: true });
    expect(plan).toMatchObject({ fate: 'overdue', supplement: true, assistance: true, handover: true });
    expect(plan.suspension).not.toBeNull();
  });

  it('names the outcome of a decision against the committed deadline', () => {
    expect(outcomeOf('2025-11-03', '2025-11-05')).toBe('early');
    expect(outcomeOf('2025-11-05', '2025-11-05')).toBe('on-time');
    expect(outcomeOf('2025-11-06', '2025-11-05')).toBe('overdue');
  });
});
