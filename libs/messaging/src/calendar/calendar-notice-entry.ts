import { Logger } from '@nestjs/common';
import type { HolidayNotice, WorkingDayCalendar } from '@sangeyipi/platform';

/** A row of calendar_notices, as the loader reads it. */
export interface NoticeRow {
  year: number;
  notice_number: string;
  rest_days: Array<{ date: string }>;
  workdays: Array<{ date: string }>;
}

const logger = new Logger('WorkingDayCalendar');

/** Enters a notice into the calendar and says so in the log, loudly when it overrules the package. */
export function enterLoggedNotice(calendar: WorkingDayCalendar, notice: HolidayNotice): void {
  const { changed, disagreesWithSource } = calendar.enterNotice(notice);
  if (disagreesWithSource) {
    logger.warn(
      { year: notice.year, noticeNumber: notice.noticeNumber, package: calendar.sourceName },
      `the entered notice for ${notice.year} differs from ${calendar.sourceName}; the entered notice decides`,
    );
  }
  if (changed) logger.log({ year: notice.year, noticeNumber: notice.noticeNumber }, `working-day calendar for ${notice.year} from ${notice.noticeNumber}`);
}

export function noticeOfRow(row: NoticeRow): HolidayNotice {
  return { year: row.year, noticeNumber: row.notice_number, restDays: row.rest_days.map((day) => day.date), workdays: row.workdays.map((day) => day.date) };
}

