import type { Channel } from './notification.types';

/**
 * Quiet hours (免打扰时段) in Asia/Shanghai local time, as minutes of the day. A window whose start
 * is after its end wraps midnight (22:00–08:00).
 */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

/** Channels that interrupt a person (a phone buzzes); the inbox and unit webhooks do not. */
export const INTRUSIVE_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['email', 'sms']);

const MINUTES_PER_DAY = 1440;
const MS_PER_MINUTE = 60_000;
/** Shanghai is UTC+8 all year (no daylight saving time). */
const SHANGHAI_OFFSET_MINUTES = 480;
const WINDOW = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/;

/** Parses `HH:MM-HH:MM`; `off` means no quiet hours. Throws on anything else. */
export function parseQuietHours(text: string): QuietHours | undefined {
  if (text === 'off') return undefined;
  const match = WINDOW.exec(text);
  if (!match) throw new Error(`quiet hours must be HH:MM-HH:MM or off, got "${text}"`);
  const [, startH, startM, endH, endM] = match.map(Number);
  if (startH * 60 + startM === endH * 60 + endM) throw new Error(`quiet hours "${text}" start and end at the same minute`);
  return { startMinute: startH * 60 + startM, endMinute: endH * 60 + endM };
}

/**
 * The earliest instant a message may go out: now, unless it is non-urgent, travels on an intrusive
 * channel and now falls in quiet hours; then the minute quiet hours end.
 */
export function earliestDelivery(now: Date, channel: Channel, urgent: boolean, quietHours: QuietHours | undefined): Date {
  if (!quietHours || urgent || !INTRUSIVE_CHANNELS.has(channel)) return now;
  const minuteStart = Math.floor(now.getTime() / MS_PER_MINUTE) * MS_PER_MINUTE;
  const localMinute = (minuteStart / MS_PER_MINUTE + SHANGHAI_OFFSET_MINUTES) % MINUTES_PER_DAY;
  if (!isQuiet(localMinute, quietHours)) return now;
  const minutesLeft = (quietHours.endMinute - localMinute + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return new Date(minuteStart + minutesLeft * MS_PER_MINUTE);
}

function isQuiet(minute: number, { startMinute, endMinute }: QuietHours): boolean {
  return startMinute < endMinute ? minute >= startMinute && minute < endMinute : minute >= startMinute || minute < endMinute;
}
