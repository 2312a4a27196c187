import { findRegion, isWithinRegion, levelOfRegion } from '@sangeyipi/platform';
import type { AdministrativeLevel } from '../project/project.events';
import type { SiteFacts } from '../project/project.rules';
import { toApi } from './api-names';

/** The contract level of a region code, or undefined for a code outside the tree. */
export function contractLevelOf(regionCode: string): AdministrativeLevel | undefined {
  const level = levelOfRegion(regionCode);
  return level ? (`ADMINISTRATIVE_LEVEL_${level.toUpperCase()}` as AdministrativeLevel) : undefined;
}

export function apiLevel(level: AdministrativeLevel): string {
  return toApi('ADMINISTRATIVE_LEVEL', level);
}

/** What the project rules need to know of a site: whether the tree knows it and whether it lies in the list's region. */
export function siteFacts(siteRegionCode: string, listRegionCode: string): SiteFacts {
  const siteKnown = findRegion(siteRegionCode) !== undefined;
  return { siteKnown, siteWithinList: siteKnown && isWithinRegion(siteRegionCode, listRegionCode) };
}
