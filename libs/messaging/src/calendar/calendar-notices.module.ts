import { Global, Module, type DynamicModule } from '@nestjs/common';
import { WorkingDayCalendar } from '@sangeyipi/platform';
import { CalendarNoticesLoader } from './calendar-notices.loader';

/**
 * The one WorkingDayCalendar of a service that counts working days, kept up to date with the
 * notices the city enters. A service imports `CalendarNoticesModule.forService()`, lists
 * CALENDAR_NOTICES_SUBSCRIBER among its backbone subscribers and CreateCalendarNotices among its
 * migrations; everything that injects WorkingDayCalendar then sees each notice as soon as it arrives.
 */
@Global()
@Module({})
export class CalendarNoticesModule {
  static forService(): DynamicModule {
    return {
      module: CalendarNoticesModule,
      providers: [{ provide: WorkingDayCalendar, useFactory: () => new WorkingDayCalendar() }, CalendarNoticesLoader],
      exports: [WorkingDayCalendar],
    };
  }
}
