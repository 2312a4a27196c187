import { Catch, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { CalendarYearNotCoveredError } from './calendar.errors';

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

/**
 * A deadline that reaches into a year whose holiday notice nobody has entered yet cannot be set
 * correctly, and guessing would put deadlines on public holidays. That is not the caller's mistake
 * and not a crash: 503 with what is missing, and an error log line for the operators who can fix it.
 */
@Catch(CalendarYearNotCoveredError)
export class CalendarYearNotCoveredFilter implements ExceptionFilter {
  private readonly logger = new Logger('WorkingDayCalendar');

  catch(error: CalendarYearNotCoveredError, host: ArgumentsHost): void {
    this.logger.error({ year: error.year, coveredYears: error.coveredYears }, error.message);
    host
      .switchToHttp()
      .getResponse<JsonResponse>()
      .status(HttpStatus.SERVICE_UNAVAILABLE)
      .json({
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: 'Service Unavailable',
        code: 'calendar-year-not-entered',
        message: `the working-day calendar for ${error.year} has not been entered yet (the State Council's holiday notice); deadlines reaching into ${error.year} cannot be set until an operator enters it`,
        year: error.year,
      });
  }
}
