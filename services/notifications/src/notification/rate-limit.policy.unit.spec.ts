import { isRateLimited, rateWindow } from './rate-limit.policy';

const HOURLY_FIVE = { limit: 5, windowMs: 3_600_000 };

describe('per-recipient rate limit', () => {
  it('holds a non-urgent SMS once the window has its five', () => {
    expect(isRateLimited('sms', false, 4, HOURLY_FIVE)).toBe(false);
    expect(isRateLimited('sms', false, 5, HOURLY_FIVE)).toBe(true);
  });

  it('never holds urgent messages nor the inbox', () => {
    expect(isRateLimited('email', true, 50, HOURLY_FIVE)).toBe(false);
    expect(isRateLimited('inbox', false, 50, HOURLY_FIVE)).toBe(false);
  });

  it('a held message may go when the fixed window ends', () => {
    const window = rateWindow(new Date('2025-03-03T10:42:00Z'), HOURLY_FIVE);

    expect(window.startsAt).toEqual(new Date('2025-03-03T10:00:00Z'));
    expect(window.endsAt).toEqual(new Date('2025-03-03T11:00:00Z'));
  });
});
