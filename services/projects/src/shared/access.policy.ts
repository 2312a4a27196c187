import { isWithinRegion, type AuthenticatedUser, type Role } from '@sangeyipi/platform';

/**
 * Who may act on what, beyond the role checks on the routes: staff act only inside their unit, the reform
 * office and supervisors inside their region subtree (ARCHITECTURE.md, "People and permissions").
 */

const STAFF_ROLES: readonly Role[] = ['clerk', 'reviewer', 'decider', 'unit_admin'];

/** A unit admin registers and follows the projects of their own unit. */
export function managesUnit(user: AuthenticatedUser, unitId: string): boolean {
  return user.roles.includes('unit_admin') && user.unitId === unitId;
}

/** Clerks and unit admins of a unit record what happens on the ground (milestones, advance services). */
export function servesForUnit(user: AuthenticatedUser, unitId: string): boolean {
  return (user.roles.includes('clerk') || user.roles.includes('unit_admin')) && user.unitId === unitId;
}

/** Any staff member of the unit may read its records. */
export function worksInUnit(user: AuthenticatedUser, unitId: string): boolean {
  return user.unitId === unitId && user.roles.some((role) => STAFF_ROLES.includes(role));
}

/** The reform office (编办/审改办) of a region publishes lists and approves changes and exclusions there and below. */
export function reviewsRegion(user: AuthenticatedUser, regionCode: string): boolean {
  return user.roles.includes('reform_office') && user.regionCode !== undefined && isWithinRegion(regionCode, user.regionCode);
}

/** Supervisors and the reform office follow their region subtree; auditors read everything. */
export function overseesRegion(user: AuthenticatedUser, regionCode: string): boolean {
  if (user.roles.includes('auditor')) return true;
  return (user.roles.includes('supervisor') || user.roles.includes('reform_office')) && user.regionCode !== undefined && isWithinRegion(regionCode, user.regionCode);
}

/** Who may read a project or an advance service of a unit in a region. */
export function readsUnitRecord(user: AuthenticatedUser, unitId: string, regionCode: string): boolean {
  return worksInUnit(user, unitId) || overseesRegion(user, regionCode);
}
