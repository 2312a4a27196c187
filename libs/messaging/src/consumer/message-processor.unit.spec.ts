import { isTransientInfrastructureError } from './message-processor';

describe('telling an infrastructure outage from a bad message', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['an administrator shutdown', Object.assign(new Error('terminating connection'), { code: '57P01' })],
    ['a connection failure class', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['a serialization failure', Object.assign(new Error('could not serialize access'), { code: '40001' })],
    ['a pool that lost its connection', new Error('Connection terminated unexpectedly')],
  ])('waits out %s', (_what, error) => {
    expect(isTransientInfrastructureError(error)).toBe(true);
  });

  it.each([
    ['a constraint violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a handler bug', new TypeError("Cannot read properties of undefined (reading 'unitId')")],
    ['a domain refusal', new Error('downstream refused')],
  ])('counts %s as a failed attempt', (_what, error) => {
    expect(isTransientInfrastructureError(error)).toBe(false);
  });
});
