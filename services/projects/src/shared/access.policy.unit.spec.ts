import type { AuthenticatedUser } from '@sangeyipi/platform';
import { managesUnit, overseesRegion, readsUnitRecord, reviewsRegion, servesForUnit } from './access.policy';

const user = (roles: AuthenticatedUser['roles'], unitId?: string, regionCode?: string): AuthenticatedUser => ({ userId: 'u', roles, unitId, regionCode });

describe('who may act on projects and advance services', () => {
  it('lets the unit admin manage and clerks serve only their own unit', () => {
    expect(managesUnit(user(['unit_admin'], 'unit-a'), 'unit-a')).toBe(true);
    expect(managesUnit(user(['unit_admin'], 'unit-b'), 'unit-a')).toBe(false);
    expect(managesUnit(user(['clerk'], 'unit-a'), 'unit-a')).toBe(false);
    expect(servesForUnit(user(['clerk'], 'unit-a'), 'unit-a')).toBe(true);
    expect(servesForUnit(user(['reviewer'], 'unit-a'), 'unit-a')).toBe(false);
  });

  it('lets the reform office decide in its region subtree only, and supervisors and auditors read', () => {
    expect(reviewsRegion(user(['reform_office'], undefined, '310000'), '310115')).toBe(true);
    expect(reviewsRegion(user(['reform_office'], undefined, '310115'), '310115')).toBe(true);
    expect(reviewsRegion(user(['reform_office'], undefined, '310101'), '310115')).toBe(false);
    expect(overseesRegion(user(['supervisor'], undefined, '310101'), '310115')).toBe(false);
    expect(overseesRegion(user(['auditor']), '310115')).toBe(true);
    expect(readsUnitRecord(user(['decider'], 'unit-a', '310115'), 'unit-a', '310115')).toBe(true);
    expect(readsUnitRecord(user(['applicant']), 'unit-a', '310115')).toBe(false);
  });
});
