import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MetricsRegistry, WorkingDayCalendar } from '@sangeyipi/platform';
import { DataSource } from 'typeorm';
import { enterLoggedNotice, noticeOfRow, type NoticeRow } from './calendar-notice-entry';

/**
 * Loads the service's copy of the notices into the calendar when the application initialises: after
 * the migrations, before the consumers start and before the HTTP server listens, so no deadline is
 * ever computed without a notice the service already had.
 */
@Injectable()
export class CalendarNoticesLoader implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: WorkingDayCalendar,
    metrics: MetricsRegistry,
  ) {
    // What the runbook checks on every service after a notice is entered.
    metrics.gauge({
      name: 'working_day_calendar_last_year',
      help: 'The last year the working-day calendar covers (the package or an entered State Council notice)',
      collect() {
        this.set(calendar.coveredYears().at(-1) ?? 0);
      },
    });
  }

  async onModuleInit(): Promise<void> {
    const rows: NoticeRow[] = await this.dataSource.query(`SELECT year, notice_number, rest_days, workdays FROM calendar_notices ORDER BY year`);
    for (const row of rows) enterLoggedNotice(this.calendar, noticeOfRow(row));
  }
}

