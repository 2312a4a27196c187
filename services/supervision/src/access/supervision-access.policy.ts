import { isWithinRegion, regionSubtreePrefix, type AuthenticatedUser } from '@sangeyipi/platform';
import { SupervisionActionForbidden } from '../supervision.errors';

/**
 * Who may act on what, beyond the role checks on the routes (ARCHITECTURE.md, "People and
 * permissions"): supervisors act in their region subtree, unit admins answer for their own unit,
 * auditors read everything, applicants rate and complain about their own cases.
 */

/** A supervisor (supervision department) acts on records of their region subtree. */
export function supervisesRegion(user: AuthenticatedUser, regionCode: string): boolean {
  return user.roles.includes('supervisor') && user.regionCode !== undefined && isWithinRegion(regionCode, user.regionCode);
}

export function requireSupervisorOf(user: AuthenticatedUser, regionCode: string): void {
  if (!supervisesRegion(user, regionCode)) throw new SupervisionActionForbidden(`only a supervisor of ${regionCode || 'the region'} or above acts on this record`);
}

/** A unit admin answers rectifications and bad ratings for their own unit only. */
export function managesUnit(user: AuthenticatedUser, unitId: string): boolean {
  return user.roles.includes('unit_admin') && user.unitId === unitId;
}

/** Who reads a record of a unit in a region: auditors, its region's supervisors and reform office, the unit's own admin. */
export function readsRecord(user: AuthenticatedUser, record: { unitId?: string; regionCode: string }): boolean {
  if (user.roles.includes('auditor')) return true;
  if (supervisesRegion(user, record.regionCode)) return true;
  if (user.roles.includes('reform_office') && user.regionCode !== undefined && isWithinRegion(record.regionCode, user.regionCode)) return true;
  return record.unitId !== undefined && managesUnit(user, record.unitId);
}

/**
 * The SQL filter for a listing: auditors everything, supervisors and the reform office their region
 * subtree (by code prefix), unit admins their unit. `undefined` means the caller sees nothing.
 */
export function listingScope(user: AuthenticatedUser): { regionPrefix?: string; unitId?: string } | undefined {
  if (user.roles.includes('auditor')) return {};
  if ((user.roles.includes('supervisor') || user.roles.includes('reform_office')) && user.regionCode) {
    const prefix = regionSubtreePrefix(user.regionCode);
    if (prefix) return { regionPrefix: prefix };
  }
  if (user.roles.includes('unit_admin') && user.unitId) return { unitId: user.unitId };
  return undefined;
}
