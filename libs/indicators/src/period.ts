import { addCalendarDays, isCalendarDate, startOfShanghaiDay } from '@sangeyipi/platform';

export const PERIOD_KINDS = ['day', 'month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A reporting period in Shanghai calendar days, both ends included. */
export interface Period {
  kind: PeriodKind;
  /** `2026-10-05`, `2026-10`, `2026-Q4` or `2026`. */
  key: string;
  startOn: string;
  endOn: string;
}

export class InvalidPeriodError extends Error {
  override readonly name = 'InvalidPeriodError';
}

const PATTERNS: Record<PeriodKind, RegExp> = {
  day: /^(\d{4})-(\d{2})-(\d{2})$/,
  month: /^(\d{4})-(\d{2})$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  year: /^(\d{4})$/,
};

/** The period of a kind named by its key, e.g. ('quarter', '2026-Q4') → 2026-10-01 … 2026-12-31. */
export function parsePeriod(kind: string, key: string): Period {
  if (!(PERIOD_KINDS as readonly string[]).includes(kind)) throw new InvalidPeriodError(`period kind must be one of ${PERIOD_KINDS.join(', ')}`);
  const periodKind = kind as PeriodKind;
  const match = PATTERNS[periodKind].exec(key);
  if (!match) throw new InvalidPeriodError(`period "${key}" is not a ${kind} (e.g. ${{ day: '2026-10-05', month: '2026-10', quarter: '2026-Q4', year: '2026' }[periodKind]})`);
  const year = Number(match[1]);
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDayOfMonth = (month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  let startOn: string;
  let endOn: string;
  switch (periodKind) {
    case 'day':
      if (!isCalendarDate(key)) throw new InvalidPeriodError(`"${key}" is not a calendar date`);
      startOn = endOn = key;
      break;
    case 'month': {
      const month = Number(match[2]);
      if (month < 1 || month > 12) throw new InvalidPeriodError(`"${key}" has no month ${month}`);
      startOn = `${year}-${pad(month)}-01`;
      endOn = `${year}-${pad(month)}-${pad(lastDayOfMonth(month))}`;
      break;
    }
    case 'quarter': {
      const last = Number(match[2]) * 3;
      startOn = `${year}-${pad(last - 2)}-01`;
      endOn = `${year}-${pad(last)}-${pad(lastDayOfMonth(last))}`;
      break;
    }
    case 'year':
      startOn = `${year}-01-01`;
      endOn = `${year}-12-31`;
      break;
  }
  return { kind: periodKind, key, startOn, endOn };
}

/** The instants the period spans: [start, end) in UTC ISO form, from Shanghai midnights. */
export function periodInstants(period: Period): { start: string; end: string } {
  return { start: startOfShanghaiDay(period.startOn).toISOString(), end: startOfShanghaiDay(addCalendarDays(period.endOn, 1)).toISOString() };
}

/** The month before the one containing `date` (YYYY-MM-DD). */
export function previousMonth(date: string): Period {
  const [year, month] = date.split('-').map(Number);
  const previous = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  return parsePeriod('month', previous);
}
