import type { Provider } from '@nestjs/common';
import type { catalog } from '@sangeyipi/contracts';
import { WorkingDayCalendar } from '@sangeyipi/platform';
import type { EntityManager } from 'typeorm';
import type { IntegrationEvent } from '../integration-event';
import type { EventSubscriber } from '../nest/event-subscriber';
import { enterLoggedNotice } from './calendar-notice-entry';

/**
 * Keeps the service's copy of the notices from the catalog's events (Kafka only) and puts each new
 * one into the running calendar at once. The row is written first, in the consumer's transaction; if
 * that transaction then fails, the event is delivered again and entering the same notice twice
 * changes nothing.
 */
export class CalendarNoticesSubscriber implements EventSubscriber {
  readonly purpose = 'calendar-notices';
  readonly contexts = ['catalog'] as const;

  constructor(private readonly calendar: WorkingDayCalendar) {}

  readonly handle = async (event: IntegrationEvent, manager: EntityManager): Promise<void> => {
    if (event.type !== 'catalog.HolidayNoticeEntered' && event.type !== 'catalog.HolidayNoticeCorrected') return;
    const data = event.data as catalog.HolidayNoticeEntered | catalog.HolidayNoticeCorrected;
    const days = (list: readonly catalog.NoticeDay[]) => JSON.stringify(list.map(({ date, holiday }) => ({ date, holiday })));
    const written: unknown[] = await manager.query(
      `INSERT INTO calendar_notices (year, notice_number, title, rest_days, workdays, stream_version, event_id, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (year) DO UPDATE SET notice_number = EXCLUDED.notice_number, title = EXCLUDED.title, rest_days = EXCLUDED.rest_days,
         workdays = EXCLUDED.workdays, stream_version = EXCLUDED.stream_version, event_id = EXCLUDED.event_id, recorded_at = EXCLUDED.recorded_at
       WHERE calendar_notices.stream_version < EXCLUDED.stream_version
       RETURNING year`,
      [data.year, data.noticeNumber, data.title, days(data.restDays), days(data.workdays), event.streamVersion, event.eventId, event.recordedAt],
    );
    if (written.length === 0) return; // an older arrangement than the one kept
    enterLoggedNotice(this.calendar, { year: data.year, noticeNumber: data.noticeNumber, restDays: data.restDays.map((day) => day.date), workdays: data.workdays.map((day) => day.date) });
  };
}

/**
 * The subscriber as EventBackboneModule registers it: built in that module's scope, where the
 * calendar is visible because CalendarNoticesModule is global.
 */
export const CALENDAR_NOTICES_SUBSCRIBER: Provider = {
  provide: CalendarNoticesSubscriber,
  inject: [WorkingDayCalendar],
  useFactory: (calendar: WorkingDayCalendar) => new CalendarNoticesSubscriber(calendar),
};

