import type { Draw } from '../seeded-random';

/**
 * What will happen to one application, drawn before its first step (pure: a random source in, a plan
 * out). The services decide what the plan's actions amount to; the plan only chooses when and what to do.
 */

/** How a case ends against its committed deadline (承诺时限), or refused at acceptance (不予受理). */
export type CaseFate = 'early' | 'on-time' | 'overdue' | 'refused';

export type CaseFateShares = Readonly<Record<CaseFate, number>>;

/**
 * Most cases finish well before the committed deadline (the reform's 提前办结), some on the day, a few
 * late — enough to light the dashboard's overdue figures — and a few applications are refused.
 */
export const DEFAULT_FATE_SHARES: CaseFateShares = { early: 0.78, 'on-time': 0.12, overdue: 0.05, refused: 0.05 };

/** How often the optional episodes of a case happen. */
export const EPISODE_SHARES = {
  /** 一次告知: one notice naming every missing material, then the applicant completes the application. */
  supplement: 0.15,
  /** A §45 period (testing, expert review…) that stops the clock. */
  suspension: 0.1,
  /** 行政协助: another unit's opinion is asked. */
  assistance: 0.06,
  /** The first-asked clerk hands the case over, recorded. */
  handover: 0.03,
  /** 告知承诺: on items that allow it, the applicant signs the written commitment. */
  commitment: 0.7,
  /** A decision that refuses the licence (不予许可). */
  denial: 0.03,
} as const;

/** The item as far as planning needs it. */
export interface PlannedItem {
  committedLimitDays: number;
  /** 即办件: committed to the same day. */
  immediate: boolean;
  commitmentRoute: boolean;
  approvalSteps: number;
}

export interface CasePlan {
  fate: CaseFate;
  supplement: boolean;
  /** Working days after acceptance on which the last step decides (for an immediate item 0 = on the spot). */
  decideAfterDays: number;
  /** When the clock stops (working days after acceptance) and for how many working days. */
  suspension: { afterDays: number; forDays: number } | null;
  assistance: boolean;
  handover: boolean;
  commitmentSigned: boolean;
  denied: boolean;
}

/** Options that force parts of the plan (the simulator's opening round shows each episode once). */
export type PlanOverrides = Partial<Pick<CasePlan, 'fate' | 'supplement' | 'assistance' | 'handover' | 'commitmentSigned' | 'denied'>> & { suspension?: boolean };

export function planCase(draw: Draw, item: PlannedItem, shares: CaseFateShares = DEFAULT_FATE_SHARES, overrides: PlanOverrides = {}): CasePlan {
  let fate = overrides.fate ?? draw.weighted(shares);
  // An immediate item cannot be early: its deadline is the day of acceptance (当场办结 is on time).
  if (fate === 'early' && item.committedLimitDays === 0) fate = 'on-time';
  const decideAfterDays = fate === 'early' ? draw.int(0, item.committedLimitDays - 1) : fate === 'on-time' ? item.committedLimitDays : item.committedLimitDays + draw.int(1, 3);
  const supplement = overrides.supplement ?? draw.chance(EPISODE_SHARES.supplement);
  const assistance = overrides.assistance ?? draw.chance(EPISODE_SHARES.assistance);
  const handover = overrides.handover ?? draw.chance(EPISODE_SHARES.handover);
  // An immediate item is decided while the applicant waits: nothing to suspend.
  const suspended = fate !== 'refused' && !item.immediate && (overrides.suspension ?? draw.chance(EPISODE_SHARES.suspension));
  const commitmentSigned = item.commitmentRoute && (overrides.commitmentSigned ?? draw.chance(EPISODE_SHARES.commitment));
  const denied = fate !== 'refused' && (overrides.denied ?? draw.chance(EPISODE_SHARES.denial));
  return {
    fate,
    supplement,
    decideAfterDays,
    suspension: suspended ? { afterDays: draw.int(0, decideAfterDays), forDays: draw.int(1, 3) } : null,
    assistance: fate !== 'refused' && assistance,
    handover: fate !== 'refused' && handover,
    commitmentSigned: fate !== 'refused' && commitmentSigned,
    denied,
  };
}

/** How a decided case actually ended against its committed deadline, as the dashboard counts it. */
export function outcomeOf(decidedOn: string, committedDeadline: string): Exclude<CaseFate, 'refused'> {
  if (decidedOn < committedDeadline) return 'early';
  return decidedOn === committedDeadline ? 'on-time' : 'overdue';
}
