import type { BulletinValue } from './bulletin';
import { definitionNamed, valueOf } from './indicators';

/**
 * The published weights of the efficiency assessment (效能评估). A unit's score is the weighted mean
 * of its defined indicator values (0 … 1) × 100; an indicator a unit has nothing to measure for
 * (0 / 0) leaves its weight out. Changing the weights is a new version; old assessments keep theirs.
 */
export const EFFICIENCY_WEIGHTS = {
  version: '2026.1',
  weights: {
    committed_limit_compression: 10,
    actual_time_compression: 15,
    immediate_item_share: 5,
    on_the_spot_completion_rate: 15,
    on_time_completion_rate: 20,
    one_time_notification_rate: 15,
    good_rating_rate: 15,
    bad_rating_rectification_rate: 5,
  } as Record<string, number>,
} as const;

export interface ScorePart {
  indicator: string;
  weight: number;
  /** The indicator's value, 0 … 1 (null when undefined and so left out). */
  value: number | null;
  /** weight × value × 100 / Σ weights counted, in hundredths of a point. */
  points: number | null;
}

export interface UnitScore {
  unitId: string;
  /** 0 … 100, rounded to hundredths. */
  score: number;
  rank: number;
  breakdown: ScorePart[];
}

export interface EfficiencyAssessment {
  weightsVersion: string;
  weights: Record<string, number>;
  /** Units ranked by score (ties by unit id), per administrative level. */
  rankings: Array<{ level: string; units: UnitScore[] }>;
}

/**
 * Scores every unit of a bulletin's figures and ranks them per level. Hundredths are computed in
 * integers so the same figures always give the same scores and ranks.
 */
export function assessEfficiency(values: readonly BulletinValue[], levelOfUnit: (unitId: string) => string): EfficiencyAssessment {
  const byUnit = new Map<string, BulletinValue[]>();
  for (const value of values) {
    if (!value.unitId || !(value.indicator in EFFICIENCY_WEIGHTS.weights)) continue;
    byUnit.set(value.unitId, [...(byUnit.get(value.unitId) ?? []), value]);
  }
  const levels = new Map<string, UnitScore[]>();
  for (const [unitId, unitValues] of byUnit) {
    const parts = unitValues.map((value) => {
      const form = definitionNamed(value.indicator)?.form ?? 'rate';
      return { indicator: value.indicator, weight: EFFICIENCY_WEIGHTS.weights[value.indicator], value: valueOf(form, BigInt(value.numerator), BigInt(value.denominator)) };
    });
    const counted = parts.filter((part) => part.value !== null).reduce((sum, part) => sum + part.weight, 0);
    const breakdown = parts
      .map((part) => ({ ...part, points: part.value === null || counted === 0 ? null : Math.round((part.weight * clamp(part.value) * 10_000) / counted) }))
      .sort((a, b) => (a.indicator < b.indicator ? -1 : 1));
    const hundredths = breakdown.reduce((sum, part) => sum + (part.points ?? 0), 0);
    const level = levelOfUnit(unitId) || 'unknown';
    levels.set(level, [...(levels.get(level) ?? []), { unitId, score: hundredths / 100, rank: 0, breakdown: breakdown.map((p) => ({ ...p, points: p.points === null ? null : p.points / 100 })) }]);
  }
  const rankings = [...levels]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([level, units]) => {
      units.sort((a, b) => b.score - a.score || (a.unitId < b.unitId ? -1 : 1));
      units.forEach((unit, i) => (unit.rank = i > 0 && units[i - 1].score === unit.score ? units[i - 1].rank : i + 1));
      return { level, units };
    });
  return { weightsVersion: EFFICIENCY_WEIGHTS.version, weights: { ...EFFICIENCY_WEIGHTS.weights }, rankings };
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));
