import { Injectable } from '@nestjs/common';
import { PostgresEventStore } from '@sangeyipi/eventstore';
import { chineseDaysHolidayName, chineseDaysSource } from '@sangeyipi/platform';
import { decodeCatalogEvent } from '../catalog-events.codec';
import { HOLIDAY_CALENDAR_STREAM, type HolidayCalendarEvent, type NoticeDay } from './holiday-calendar.decider';

/** One correction of an entered (or shipped) year. */
export interface CorrectionView {
  correctedAt: string;
  noticeNumber: string;
  reason: string;
  replaces: string;
}

/** A covered year and what covers it: an entered notice (which wins), or the package. */
export interface YearCoverageView {
  year: number;
  source: 'notice' | 'package';
  /** The notice number, or the package's name and version. */
  sourceName: string;
  title: string | null;
  enteredAt: string | null;
  corrections: CorrectionView[];
}

export interface CalendarYearView extends YearCoverageView {
  restDays: NoticeDay[];
  workdays: NoticeDay[];
}

/** What the public may know about the working-day calendar: read from the calendar's stream (a few events a year). */
@Injectable()
export class HolidayCalendarQueries {
  constructor(private readonly store: PostgresEventStore) {}

  /** Every covered year, oldest first. */
  async coverage(): Promise<YearCoverageView[]> {
    const years = await this.years();
    return [...years.values()].map(({ restDays: _rest, workdays: _work, ...coverage }) => coverage).sort((a, b) => a.year - b.year);
  }

  /** A covered year's days; undefined when nothing covers it. */
  async year(year: number): Promise<CalendarYearView | undefined> {
    return (await this.years()).get(year);
  }

  private async years(): Promise<Map<number, CalendarYearView>> {
    const source = chineseDaysSource();
    const years = new Map<number, CalendarYearView>();
    for (const year of source.years) {
      const named = (dates: readonly string[]) => dates.filter((date) => date.startsWith(`${year}-`)).map((date) => ({ date, holiday: chineseDaysHolidayName(date) ?? '' }));
      years.set(year, { year, source: 'package', sourceName: source.name, title: null, enteredAt: null, corrections: [], restDays: named(source.restDays), workdays: named(source.workdays) });
    }
    for (const stored of await this.store.readStream(HOLIDAY_CALENDAR_STREAM)) {
      const event = decodeCatalogEvent(stored) as HolidayCalendarEvent;
      const { year, noticeNumber, title, restDays, workdays } = event.data;
      const at = stored.recordedAt.toISOString();
      const before = years.get(year);
      const corrections = before?.corrections ?? [];
      if (event.type === 'catalog.HolidayNoticeCorrected') corrections.push({ correctedAt: at, noticeNumber, reason: event.data.reason, replaces: event.data.replaces });
      const enteredAt = before?.source === 'notice' ? before.enteredAt : at;
      years.set(year, { year, source: 'notice', sourceName: noticeNumber, title, enteredAt, corrections, restDays, workdays });
    }
    return years;
  }
}
