import { SHANGHAI_CITY, SHANGHAI_DISTRICTS, SHANGHAI_TOWNS, SHANGHAI_VILLAGES_SAMPLE } from './shanghai-regions.data';

/** The four administrative levels, from the top (市 · 区 · 街镇 · 居村). */
export const REGION_LEVELS = ['city', 'district', 'town', 'village'] as const;

export type RegionLevel = (typeof REGION_LEVELS)[number];

/** One node of the region tree. */
export interface Region {
  /** GB/T 2260 code (6 digits) or its statistical extension (9 digits for 街镇, 12 for 居村). */
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  /** The enclosing region; null for the city. */
  readonly parentCode: string | null;
}

/** Shanghai municipality, the root of the tree. */
export const SHANGHAI_REGION_CODE = SHANGHAI_CITY[0];

/** The parent code is the code's own prefix one level up; a district's parent is the city. */
function parentCodeOf(code: string, level: RegionLevel): string | null {
  switch (level) {
    case 'city':
      return null;
    case 'district':
      return SHANGHAI_REGION_CODE;
    case 'town':
      return code.slice(0, 6);
    case 'village':
      return code.slice(0, 9);
  }
}

const REGIONS: ReadonlyMap<string, Region> = new Map(
  (
    [
      [[SHANGHAI_CITY], 'city'],
      [SHANGHAI_DISTRICTS, 'district'],
      [SHANGHAI_TOWNS, 'town'],
      [SHANGHAI_VILLAGES_SAMPLE, 'village'],
    ] as const
  ).flatMap(([entries, level]) =>
    entries.map(([code, name]): [string, Region] => [code, Object.freeze({ code, name, level, parentCode: parentCodeOf(code, level) })]),
  ),
);

/** The region with this code, or undefined when the tree does not know it. */
export function findRegion(code: string): Region | undefined {
  return REGIONS.get(code);
}

/** The level of a known region (310000 → city, 310101 → district, 310101002 → town, …). */
export function levelOfRegion(code: string): RegionLevel | undefined {
  return REGIONS.get(code)?.level;
}

/** The name of a known region, e.g. 310101002 → 南京东路街道. */
export function regionName(code: string): string | undefined {
  return REGIONS.get(code)?.name;
}

/** The region one level up; undefined for the city and for unknown codes. */
export function parentRegion(code: string): Region | undefined {
  const parentCode = REGIONS.get(code)?.parentCode;
  return parentCode ? REGIONS.get(parentCode) : undefined;
}

/** True when `code` is `ancestorCode` itself or lies anywhere below it; false for unknown codes. */
export function isWithinRegion(code: string, ancestorCode: string): boolean {
  for (let region = REGIONS.get(code); region; region = region.parentCode ? REGIONS.get(region.parentCode) : undefined) {
    if (region.code === ancestorCode) return true;
  }
  return false;
}

/**
 * The prefix shared by every code in a known region's subtree, so that a database can select the
 * subtree with `LIKE prefix || '%'`: '31' for the city, the code itself below it.
 */
export function regionSubtreePrefix(code: string): string | undefined {
  const region = REGIONS.get(code);
  if (!region) return undefined;
  return region.level === 'city' ? code.slice(0, 2) : code;
}

/** Every known region of one level, in code order. */
export function regionsAt(level: RegionLevel): Region[] {
  return [...REGIONS.values()].filter((region) => region.level === level).sort((a, b) => a.code.localeCompare(b.code));
}
