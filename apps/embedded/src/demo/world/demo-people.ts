/**
 * Who acts in the demo world. Nobody is stored anywhere: a person is a user id made by convention
 * from their unit or region, so the seeder, the simulator and the portal's demo sign-in all name the
 * same people without sharing state.
 */

export type StaffRole = 'clerk' | 'reviewer' | 'decider' | 'unit_admin';

export interface DemoPerson {
  userId: string;
  roles: string[];
  unitId?: string;
  regionCode?: string;
}

/** Two clerks per unit, so that 首问负责 and AB角 (each clerk the other's backup) have someone to work with. */
export const CLERKS_PER_UNIT = 2;

/** The staff of a unit: 承办 clerks, a 审核 reviewer, a 决定 decider and the unit admin. */
export function staffOf(unit: { unitId: string; regionCode: string }): { clerks: DemoPerson[]; reviewer: DemoPerson; decider: DemoPerson; admin: DemoPerson } {
  const person = (suffix: string, role: StaffRole): DemoPerson => ({ userId: `${unit.unitId}-${suffix}`, roles: [role], unitId: unit.unitId, regionCode: unit.regionCode });
  return {
    clerks: Array.from({ length: CLERKS_PER_UNIT }, (_, index) => person(`clerk${index + 1}`, 'clerk')),
    reviewer: person('reviewer1', 'reviewer'),
    decider: person('decider1', 'decider'),
    admin: person('admin', 'unit_admin'),
  };
}

/** 编办/审改办 of a region (310000 for the city): approves and publishes its catalogs. */
export function reformOfficeOf(regionCode: string): DemoPerson {
  return { userId: `reform-office-${regionCode}`, roles: ['reform_office'], regionCode };
}

/** The reform office that reviews a region's catalogs: the city's or the district's (towns and villages have none). */
export function reformOfficeFor(regionCode: string): DemoPerson {
  return reformOfficeOf(regionCode.slice(0, 6));
}

/** The supervision department of a region: inspections, ratings, rectifications. */
export function supervisorOf(regionCode: string): DemoPerson {
  return { userId: `supervisor-${regionCode}`, roles: ['supervisor'], regionCode };
}

/** Registers the service units (the catalog's operations administrator). */
export const OPERATIONS_ADMIN: DemoPerson = { userId: 'operations-admin', roles: ['operations_admin'] };

/** Reads everything: used to find out what the world holds. */
export const DEMO_AUDITOR: DemoPerson = { userId: 'demo-auditor', roles: ['auditor'] };

/** Citizens and enterprises who apply; a pool, so that some apply more than once. */
export function applicant(index: number): DemoPerson {
  return { userId: `applicant-${String(index).padStart(4, '0')}`, roles: ['applicant'] };
}

/** A badge number (挂牌上岗) for a staff member, stable per person. */
export function badgeOf(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return `SH-${String(hash % 100_000).padStart(5, '0')}`;
}
