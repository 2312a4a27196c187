import type { AuthenticatedUser } from '@sangeyipi/platform';
import { decideAtEdge, matchRoute, type EdgeRequest } from './route-policy';

const huangpuClerk: AuthenticatedUser = { userId: 'c1', roles: ['clerk'], unitId: 'unit-310101-scjgj', regionCode: '310101' };
const huangpuAdmin: AuthenticatedUser = { userId: 'a1', roles: ['unit_admin'], unitId: 'unit-310101-scjgj', regionCode: '310101' };
const huangpuSupervisor: AuthenticatedUser = { userId: 's1', roles: ['supervisor'], regionCode: '310101' };
const citySupervisor: AuthenticatedUser = { userId: 's2', roles: ['supervisor'], regionCode: '310000' };
const auditor: AuthenticatedUser = { userId: 'au', roles: ['auditor'] };

const request = (overrides: Partial<EdgeRequest>): EdgeRequest => ({ service: 'cases', method: 'GET', path: '/cases/mine', query: {}, body: undefined, caller: undefined, ...overrides });

describe('the edge’s route policy', () => {
  it('lets anyone read under /public/, in any service, but never write there', () => {
    expect(decideAtEdge(request({ service: 'analytics', path: '/public/bulletins' })).outcome).toBe('allow');
    expect(decideAtEdge(request({ method: 'POST', path: '/public/commitments' })).outcome).toBe('unauthenticated');
  });

  it('lets anyone read the routes listed as public outside /public/, such as published bulletins', () => {
    expect(decideAtEdge(request({ service: 'analytics', path: '/bulletins/b-1' })).outcome).toBe('allow');
    expect(decideAtEdge(request({ service: 'analytics', method: 'POST', path: '/bulletins' })).outcome).toBe('unauthenticated');
    expect(decideAtEdge(request({ service: 'analytics', method: 'POST', path: '/bulletins', caller: huangpuClerk })).outcome).toBe('forbidden');
  });

  it('asks for a token everywhere else, and names why a token that came was refused', () => {
    expect(decideAtEdge(request({}))).toEqual({ outcome: 'unauthenticated', message: 'a bearer token is required' });
    expect(decideAtEdge(request({ tokenProblem: 'the token has expired' }))).toEqual({ outcome: 'unauthenticated', message: 'the token has expired' });
  });

  it('applies the roles of a listed route, and only a valid token to an unlisted one', () => {
    const step = { method: 'POST', path: '/cases/6f1c/steps' };
    expect(decideAtEdge(request({ ...step, caller: huangpuClerk })).outcome).toBe('allow');
    expect(decideAtEdge(request({ ...step, caller: huangpuSupervisor }))).toEqual({ outcome: 'forbidden', message: 'this action needs one of the roles: clerk, reviewer, decider' });
    expect(decideAtEdge(request({ service: 'projects', method: 'POST', path: '/projects', caller: huangpuSupervisor })).outcome).toBe('allow');
  });

  it('lets only auditors and operations read any service’s event-chain verification', () => {
    const verification = { method: 'GET', path: '/event-log/verification' };
    for (const service of ['catalog', 'cases', 'analytics', 'notifications']) {
      expect(decideAtEdge(request({ ...verification, service, caller: auditor })).outcome).toBe('allow');
      expect(decideAtEdge(request({ ...verification, service, caller: { userId: 'ops', roles: ['operations_admin'] } })).outcome).toBe('allow');
      expect(decideAtEdge(request({ ...verification, service, caller: huangpuClerk }))).toEqual({
        outcome: 'forbidden',
        message: 'this action needs one of the roles: auditor, operations_admin',
      });
      expect(decideAtEdge(request({ ...verification, service })).outcome).toBe('unauthenticated');
    }
  });

  it('matches the literal segment before a parameter: /cases/mine is not a case id', () => {
    expect(matchRoute('cases', 'GET', '/cases/mine')?.rule.pattern).toBe('/cases/mine');
    expect(matchRoute('cases', 'GET', '/cases/1234')).toMatchObject({ rule: { pattern: '/cases/:caseId' }, params: { caseId: '1234' } });
    expect(matchRoute('cases', 'GET', '/cases/1234/extra')).toBeUndefined();
  });

  it('refuses a region outside the caller’s subtree, in the query or the body', () => {
    expect(decideAtEdge(request({ service: 'catalog', path: '/workflow', query: { regionCode: '310104' }, caller: huangpuSupervisor }))).toEqual({
      outcome: 'forbidden',
      message: 'region 310104 is outside your region 310101',
    });
    expect(decideAtEdge(request({ service: 'catalog', path: '/workflow', query: { regionCode: '310101002' }, caller: huangpuSupervisor })).outcome).toBe('allow');
    expect(decideAtEdge(request({ service: 'catalog', path: '/workflow', query: { regionCode: '310104' }, caller: citySupervisor })).outcome).toBe('allow');
    expect(decideAtEdge(request({ service: 'catalog', path: '/workflow', query: { regionCode: '310104' }, caller: auditor })).outcome).toBe('allow');
    const batch = { service: 'catalog', method: 'POST', path: '/batches', body: { regionCode: '310104' } };
    expect(decideAtEdge(request({ ...batch, caller: { ...huangpuSupervisor, roles: ['reform_office'] } })).outcome).toBe('forbidden');
  });

  it('leaves an unknown region code to the service, which answers 400 for it', () => {
    expect(decideAtEdge(request({ service: 'catalog', path: '/workflow', query: { regionCode: 'abc' }, caller: huangpuSupervisor })).outcome).toBe('allow');
  });

  it('refuses a unit admin acting on another unit’s handlers', () => {
    const path = '/units/unit-310104-scjgj/handlers/h-1/backup';
    expect(decideAtEdge(request({ method: 'PUT', path, caller: huangpuAdmin }))).toEqual({ outcome: 'forbidden', message: 'unit unit-310104-scjgj is not your unit' });
    expect(decideAtEdge(request({ method: 'PUT', path: '/units/unit-310101-scjgj/handlers/h-1/backup', caller: huangpuAdmin })).outcome).toBe('allow');
  });
});
