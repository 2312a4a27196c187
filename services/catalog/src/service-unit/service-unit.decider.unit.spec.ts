import { CatalogRulesViolated, ServiceUnitAlreadyRegistered } from '../catalog.errors';
import { decideRegistration, evolveServiceUnit, initialServiceUnitState, type RegisterUnit, type ServiceUnit } from './service-unit.decider';

const marketRegulation: ServiceUnit = {
  unitId: 'unit-310101-scjgj',
  name: '黄浦区市场监督管理局',
  kind: 'government_department',
  level: 'district',
  regionCode: '310101',
};
const register = (unit: ServiceUnit, regionLevel: RegisterUnit['data']['regionLevel']): RegisterUnit => ({ type: 'RegisterUnit', data: { ...unit, regionLevel } });

function violationsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof CatalogRulesViolated) return error.violations.map(({ field, rule }) => `${field}: ${rule}`);
    throw error;
  }
  throw new Error('the registration was accepted');
}

describe('registering a service unit', () => {
  it('records a unit whose region is of its level', () => {
    expect(decideRegistration(register(marketRegulation, 'district'), initialServiceUnitState())).toEqual([
      { type: 'catalog.ServiceUnitRegistered', data: marketRegulation },
    ]);
  });

  it('refuses a region of another level', () => {
    const streetOffice = { ...marketRegulation, unitId: 'unit-310101002', level: 'district' as const, regionCode: '310101002' };

    expect(violationsOf(() => decideRegistration(register(streetOffice, 'town'), initialServiceUnitState()))).toEqual(['regionCode: region-matches-level']);
  });

  it('refuses a region the platform does not know', () => {
    expect(violationsOf(() => decideRegistration(register({ ...marketRegulation, regionCode: '310102' }, undefined), initialServiceUnitState()))).toEqual([
      'regionCode: known-region',
    ]);
  });

  it('registers a unit once', () => {
    const state = evolveServiceUnit(initialServiceUnitState(), { type: 'catalog.ServiceUnitRegistered', data: marketRegulation });

    expect(() => decideRegistration(register(marketRegulation, 'district'), state)).toThrow(ServiceUnitAlreadyRegistered);
  });
});
