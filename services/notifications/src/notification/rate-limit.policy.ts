import { INTRUSIVE_CHANNELS } from './quiet-hours.policy';
import type { Channel } from './notification.types';

/** At most `limit` intrusive messages per recipient in each fixed window of `windowMs`. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** The fixed window `now` falls in: its number (for counter keys) and when it ends. */
export function rateWindow(now: Date, { windowMs }: RateLimit): { id: number; startsAt: Date; endsAt: Date } {
  const id = Math.floor(now.getTime() / windowMs);
  return { id, startsAt: new Date(id * windowMs), endsAt: new Date((id + 1) * windowMs) };
}

/** Only non-urgent messages on intrusive channels count towards the limit; urgent ones always go. */
export function isLimitedKind(channel: Channel, urgent: boolean): boolean {
  return !urgent && INTRUSIVE_CHANNELS.has(channel);
}

/** A limited kind of message waits once the recipient's window is full. */
export function isRateLimited(channel: Channel, urgent: boolean, sentInWindow: number, { limit }: RateLimit): boolean {
  return isLimitedKind(channel, urgent) && sentInWindow >= limit;
}
