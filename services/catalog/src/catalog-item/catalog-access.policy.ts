import { isWithinRegion, type AuthenticatedUser } from '@sangeyipi/platform';

/**
 * Who may act on what, beyond the role checks on the routes: staff act only inside their unit and
 * region subtree (ARCHITECTURE.md, "People and permissions").
 */

/** A unit admin drafts, submits and asks for changes for their own unit only. */
export function managesUnit(user: AuthenticatedUser, unitId: string): boolean {
  return user.roles.includes('unit_admin') && user.unitId === unitId;
}

/** The reform office (编办/审改办) of a region approves and publishes for that region's subtree. */
export function reviewsRegion(user: AuthenticatedUser, regionCode: string): boolean {
  return user.roles.includes('reform_office') && user.regionCode !== undefined && isWithinRegion(regionCode, user.regionCode);
}

/** Supervisors follow their region subtree; auditors read everything. */
export function supervisesRegion(user: AuthenticatedUser, regionCode: string): boolean {
  if (user.roles.includes('auditor')) return true;
  return user.roles.includes('supervisor') && user.regionCode !== undefined && isWithinRegion(regionCode, user.regionCode);
}

/** Who may see an item before (and beside) its publication: its unit, its reviewers, its supervisors. */
export function seesItemWorkflow(user: AuthenticatedUser, owner: { unitId: string; regionCode: string }): boolean {
  return managesUnit(user, owner.unitId) || reviewsRegion(user, owner.regionCode) || supervisesRegion(user, owner.regionCode);
}
