import type { AuthenticatedUser } from '@sangeyipi/platform';
import { listingScope, managesUnit, readsRecord, supervisesRegion } from './supervision-access.policy';

const user = (roles: string[], extra: Partial<AuthenticatedUser> = {}) => ({ userId: 'u', roles, ...extra }) as AuthenticatedUser;

describe('who may act on supervision records', () => {
  it('lets a supervisor act in their region subtree only', () => {
    expect(supervisesRegion(user(['supervisor'], { regionCode: '310000' }), '310101')).toBe(true);
    expect(supervisesRegion(user(['supervisor'], { regionCode: '310101' }), '310101')).toBe(true);
    expect(supervisesRegion(user(['supervisor'], { regionCode: '310104' }), '310101')).toBe(false);
    expect(supervisesRegion(user(['supervisor']), '310101')).toBe(false);
    expect(supervisesRegion(user(['reform_office'], { regionCode: '310000' }), '310101')).toBe(false);
  });

  it('lets a unit admin answer for their own unit only', () => {
    expect(managesUnit(user(['unit_admin'], { unitId: 'a' }), 'a')).toBe(true);
    expect(managesUnit(user(['unit_admin'], { unitId: 'b' }), 'a')).toBe(false);
    expect(managesUnit(user(['clerk'], { unitId: 'a' }), 'a')).toBe(false);
  });

  it('lets auditors read everything, and nobody else outside their scope', () => {
    expect(readsRecord(user(['auditor']), { regionCode: '310151' })).toBe(true);
    expect(readsRecord(user(['clerk'], { unitId: 'a', regionCode: '310101' }), { unitId: 'a', regionCode: '310101' })).toBe(false);
    expect(readsRecord(user(['unit_admin'], { unitId: 'a' }), { unitId: 'a', regionCode: '310101' })).toBe(true);
    expect(listingScope(user(['supervisor'], { regionCode: '310000' }))).toEqual({ regionPrefix: '31' });
    expect(listingScope(user(['supervisor'], { regionCode: '310101' }))).toEqual({ regionPrefix: '310101' });
    expect(listingScope(user(['unit_admin'], { unitId: 'a' }))).toEqual({ unitId: 'a' });
    expect(listingScope(user(['applicant']))).toBeUndefined();
  });
});
