import type { AuthenticatedUser } from '@sangeyipi/platform';
import { managesUnit, reviewsRegion, seesItemWorkflow, supervisesRegion } from './catalog-access.policy';

const person = (roles: AuthenticatedUser['roles'], scope: Partial<AuthenticatedUser> = {}): AuthenticatedUser => ({ userId: 'u', roles, ...scope });
const huangpuItem = { unitId: 'unit-310101-scjgj', regionCode: '310101' };

describe('who may act on catalog items', () => {
  it('lets a unit admin manage only their own unit', () => {
    expect(managesUnit(person(['unit_admin'], { unitId: 'unit-310101-scjgj' }), 'unit-310101-scjgj')).toBe(true);
    expect(managesUnit(person(['unit_admin'], { unitId: 'unit-310104-scjgj' }), 'unit-310101-scjgj')).toBe(false);
    expect(managesUnit(person(['clerk'], { unitId: 'unit-310101-scjgj' }), 'unit-310101-scjgj')).toBe(false);
  });

  it("lets the reform office review its region's subtree, and nothing outside it", () => {
    expect(reviewsRegion(person(['reform_office'], { regionCode: '310101' }), '310101')).toBe(true);
    expect(reviewsRegion(person(['reform_office'], { regionCode: '310101' }), '310101002')).toBe(true);
    expect(reviewsRegion(person(['reform_office'], { regionCode: '310000' }), '310151102201')).toBe(true);
    expect(reviewsRegion(person(['reform_office'], { regionCode: '310104' }), '310101')).toBe(false);
    expect(reviewsRegion(person(['reform_office'], { regionCode: '310101002' }), '310101')).toBe(false);
    expect(reviewsRegion(person(['reform_office']), '310101')).toBe(false);
    expect(reviewsRegion(person(['supervisor'], { regionCode: '310000' }), '310101')).toBe(false);
  });

  it('lets supervisors follow their subtree and auditors everything', () => {
    expect(supervisesRegion(person(['supervisor'], { regionCode: '310101' }), '310101013')).toBe(true);
    expect(supervisesRegion(person(['supervisor'], { regionCode: '310104' }), '310101')).toBe(false);
    expect(supervisesRegion(person(['auditor']), '310151')).toBe(true);
  });

  it("shows an item's workflow to its unit, its reviewers and its supervisors only", () => {
    expect(seesItemWorkflow(person(['unit_admin'], { unitId: 'unit-310101-scjgj' }), huangpuItem)).toBe(true);
    expect(seesItemWorkflow(person(['reform_office'], { regionCode: '310000' }), huangpuItem)).toBe(true);
    expect(seesItemWorkflow(person(['unit_admin'], { unitId: 'unit-310104-scjgj', regionCode: '310101' }), huangpuItem)).toBe(false);
    expect(seesItemWorkflow(person(['applicant']), huangpuItem)).toBe(false);
  });
});
