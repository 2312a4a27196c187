import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { AuthenticatedUser, Role } from '@sangeyipi/platform';
import type { CaseState } from './case.decider';
import type { ApprovalStep } from './case.events';

/** The role that may do each approval step: 承办 clerk, 审核 reviewer, 决定 decider. */
export const STEP_ROLE: Record<ApprovalStep, Role> = {
  APPROVAL_STEP_HANDLE: 'clerk',
  APPROVAL_STEP_REVIEW: 'reviewer',
  APPROVAL_STEP_DECIDE: 'decider',
};

/** The staff of a service unit: whoever works its cases. */
export const STAFF_ROLES: readonly Role[] = ['clerk', 'reviewer', 'decider', 'unit_admin'];

/** Staff of some unit only; answers their unit. `what` ends the refusal: "only staff of a unit <what>". */
export function requireUnitStaff(user: AuthenticatedUser, what: string): string {
  if (!user.unitId || !user.roles.some((role) => STAFF_ROLES.includes(role))) throw new ForbiddenException(`only staff of a unit ${what}`);
  return user.unitId;
}

/** Staff act only inside their own unit, and only in the role the action needs. */
export function requireStaffOf(user: AuthenticatedUser, unitId: string, role: Role): void {
  if (!user.roles.includes(role)) throw new ForbiddenException(`this action needs the ${role} role`);
  if (!user.unitId || user.unitId !== unitId) throw new ForbiddenException('staff act only on their own unit’s cases');
}

export function requireExisting(state: CaseState, caseId: string): void {
  if (state.status === 'none') throw new NotFoundException(`case ${caseId} not found`);
}

/** True when `regionCode` lies in the subtree of `scope` (GB/T 2260: 310000 ⊃ 310101 ⊃ 310101001…). */
export function inRegionSubtree(regionCode: string, scope: string | undefined): boolean {
  if (!scope) return false;
  const prefix = scope.replace(/(00)+$/, '');
  return regionCode.startsWith(prefix);
}

/**
 * Who may read a case: auditors everything; staff of the case's unit; the applicant their own;
 * supervisors and the reform office their region subtree.
 */
export function canRead(user: AuthenticatedUser, c: { unitId: string; applicantId: string; regionCode: string; assistingUnitIds?: string[] }): boolean {
  if (user.roles.includes('auditor')) return true;
  if (user.roles.some((role) => STAFF_ROLES.includes(role)) && user.unitId === c.unitId) return true;
  // Staff of a unit asked for administrative assistance (行政协助) see the case they are asked about.
  if (user.roles.some((role) => STAFF_ROLES.includes(role)) && user.unitId && c.assistingUnitIds?.includes(user.unitId)) return true;
  if (user.roles.includes('applicant') && user.userId === c.applicantId) return true;
  if ((user.roles.includes('supervisor') || user.roles.includes('reform_office')) && inRegionSubtree(c.regionCode, user.regionCode)) return true;
  return false;
}
