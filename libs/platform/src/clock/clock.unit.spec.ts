import { ManualClock, SystemClock } from './clock';

describe('ManualClock', () => {
  it('stays where it was set until advanced', () => {
    const clock = new ManualClock('2025-09-26T02:00:00Z');
    expect(clock.now().toISOString()).toBe('2025-09-26T02:00:00.000Z');

    clock.advance(90_000);
    expect(clock.now().toISOString()).toBe('2025-09-26T02:01:30.000Z');

    clock.advanceDays(2);
    expect(clock.now().toISOString()).toBe('2025-09-28T02:01:30.000Z');

    clock.set(new Date('2026-01-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('cannot be moved by mutating a returned Date', () => {
    const clock = new ManualClock('2025-09-26T02:00:00Z');
    clock.now().setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2025-09-26T02:00:00.000Z');
  });

  it('rejects an invalid instant', () => {
    expect(() => new ManualClock('not a date')).toThrow(RangeError);
    expect(() => new ManualClock('2025-09-26T00:00:00Z').advance(Number.NaN)).toThrow(RangeError);
  });
});

describe('SystemClock', () => {
  it('reads the machine time', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
