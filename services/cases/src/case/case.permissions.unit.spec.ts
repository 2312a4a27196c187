import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { AuthenticatedUser } from '@sangeyipi/platform';
import { INITIAL_STATE } from './case.decider';
import { canRead, inRegionSubtree, requireExisting, requireStaffOf, STEP_ROLE } from './case.permissions';

const user = (roles: AuthenticatedUser['roles'], extra: Partial<AuthenticatedUser> = {}): AuthenticatedUser => ({ userId: 'u-1', roles, ...extra });
const aCase = { unitId: 'unit-a', applicantId: 'applicant-1', regionCode: '310101' };

describe('case permissions', () => {
  it('lets staff act only in their unit and in the role the action needs', () => {
    expect(() => requireStaffOf(user(['clerk'], { unitId: 'unit-a' }), 'unit-a', 'clerk')).not.toThrow();
    expect(() => requireStaffOf(user(['clerk'], { unitId: 'unit-b' }), 'unit-a', 'clerk')).toThrow(ForbiddenException);
    expect(() => requireStaffOf(user(['clerk']), 'unit-a', 'clerk')).toThrow(ForbiddenException);
    expect(() => requireStaffOf(user(['reviewer'], { unitId: 'unit-a' }), 'unit-a', 'clerk')).toThrow(ForbiddenException);
  });

  it('maps each step to its role: 承办 clerk, 审核 reviewer, 决定 decider', () => {
    expect(STEP_ROLE).toEqual({ APPROVAL_STEP_HANDLE: 'clerk', APPROVAL_STEP_REVIEW: 'reviewer', APPROVAL_STEP_DECIDE: 'decider' });
  });

  it('answers 404 for a case that does not exist', () => {
    expect(() => requireExisting(INITIAL_STATE, 'x')).toThrow(NotFoundException);
  });

  it('lets auditors read everything, staff their unit, applicants their own, supervisors their region subtree', () => {
    expect(canRead(user(['auditor']), aCase)).toBe(true);
    expect(canRead(user(['decider'], { unitId: 'unit-a' }), aCase)).toBe(true);
    expect(canRead(user(['decider'], { unitId: 'unit-b' }), aCase)).toBe(false);
    expect(canRead(user(['applicant'], { userId: 'applicant-1' }), aCase)).toBe(true);
    expect(canRead(user(['applicant']), aCase)).toBe(false);
    expect(canRead(user(['supervisor'], { regionCode: '310000' }), aCase)).toBe(true);
    expect(canRead(user(['supervisor'], { regionCode: '310104' }), aCase)).toBe(false);
    expect(canRead(user(['operations_admin']), aCase)).toBe(false);
  });

  it('treats GB/T 2260 codes as a tree', () => {
    expect(inRegionSubtree('310101001', '310101')).toBe(true);
    expect(inRegionSubtree('310101', '310000')).toBe(true);
    expect(inRegionSubtree('320101', '310000')).toBe(false);
    expect(inRegionSubtree('310101', undefined)).toBe(false);
  });
});
