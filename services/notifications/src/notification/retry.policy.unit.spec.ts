import { afterFailedAttempt, isAbandoned } from './retry.policy';

const POLICY = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 3_000 };
const NOW = new Date('2025-03-03T10:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe('retry with backoff', () => {
  it('doubles the wait after each failure, up to the cap', () => {
    expect(afterFailedAttempt(1, false, NOW, POLICY)).toEqual({ outcome: 'retry', nextAttemptAt: later(1_000) });
    expect(afterFailedAttempt(2, false, NOW, POLICY)).toEqual({ outcome: 'retry', nextAttemptAt: later(2_000) });
    expect(afterFailedAttempt(3, false, NOW, POLICY)).toEqual({ outcome: 'retry', nextAttemptAt: later(3_000) });
  });

  it('gives up after the last attempt', () => {
    expect(afterFailedAttempt(4, false, NOW, POLICY)).toEqual({ outcome: 'failed' });
  });

  it('gives up at once on a permanent failure (e.g. the gateway refuses the number)', () => {
    expect(afterFailedAttempt(1, true, NOW, POLICY)).toEqual({ outcome: 'failed' });
  });

  it('gives up on a delivery that as many replicas as attempts allowed died sending', () => {
    expect(isAbandoned(3, POLICY)).toBe(false);
    expect(isAbandoned(4, POLICY)).toBe(true);
  });
});
