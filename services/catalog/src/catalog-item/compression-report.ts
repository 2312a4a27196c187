import type { AdministrativeLevel, CompletionMode } from './catalog-item.definition';
import { cutsAtLeastThirtyPercent } from './catalog-item.rules';

/** What the report needs of one published item. */
export interface CompressionInput {
  unitId: string;
  level: AdministrativeLevel;
  completionMode: CompletionMode | null;
  statutoryLimitDays: number | null;
  committedLimitDays: number | null;
}

export interface CompressionTotals {
  /** Items with both a statutory and a committed limit: the only ones the ratio can count. */
  itemsCounted: number;
  statutoryDays: number;
  committedDays: number;
  /** (Σstatutory − Σcommitted) / Σstatutory, rounded to four decimals; null when nothing counts. */
  ratio: number | null;
}

export interface UnitCompression {
  unitId: string;
  level: AdministrativeLevel;
  /** 承诺时限压缩比 over all the unit's published items. */
  overall: CompressionTotals;
  /** The same over its early-completion (提前办结) items only. */
  early: CompressionTotals;
  /** True when its early items together cut less than 30% ("总体缩短30%以上"). */
  flagged: boolean;
}

function totalsOf(items: readonly CompressionInput[]): CompressionTotals {
  const counted = items.filter((item) => item.statutoryLimitDays !== null && item.committedLimitDays !== null);
  const statutoryDays = counted.reduce((sum, item) => sum + (item.statutoryLimitDays ?? 0), 0);
  const committedDays = counted.reduce((sum, item) => sum + (item.committedLimitDays ?? 0), 0);
  const ratio = statutoryDays > 0 ? Math.round(((statutoryDays - committedDays) / statutoryDays) * 10_000) / 10_000 : null;
  return { itemsCounted: counted.length, statutoryDays, committedDays, ratio };
}

/**
 * The compression of committed limits per unit, ordered by unit id. The item rules already hold
 * every early item to 30%; the flag measures the unit as a whole, as the reform's target is stated.
 */
export function compressionByUnit(items: readonly CompressionInput[]): UnitCompression[] {
  const byUnit = new Map<string, CompressionInput[]>();
  for (const item of items) byUnit.set(item.unitId, [...(byUnit.get(item.unitId) ?? []), item]);
  return [...byUnit.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([unitId, unitItems]) => {
      const early = totalsOf(unitItems.filter((item) => item.completionMode === 'early'));
      return {
        unitId,
        level: unitItems[0].level,
        overall: totalsOf(unitItems),
        early,
        flagged: early.statutoryDays > 0 && !cutsAtLeastThirtyPercent(early.statutoryDays, early.committedDays),
      };
    });
}
