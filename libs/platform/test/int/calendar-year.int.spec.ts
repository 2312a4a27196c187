import { Controller, Get, Module, Param } from '@nestjs/common';
import { createServiceApp, PlatformModule, Public, WorkingDayCalendar } from '@sangeyipi/platform';
import { startServiceUnderTest, type ServiceUnderTest } from '@sangeyipi/testing';

/** A deadline computed the way the services compute them: working days from a date. */
@Controller('deadline')
class DeadlineController {
  private readonly calendar = new WorkingDayCalendar();

  @Public()
  @Get(':from/:days')
  deadline(@Param('from') from: string, @Param('days') days: string) {
    return { deadline: this.calendar.addWorkingDays(from, Number(days)) };
  }
}

@Module({ imports: [PlatformModule.forService({ name: 'deadline-probe' })], controllers: [DeadlineController] })
class DeadlineProbeModule {}

describe('a deadline reaching into a year whose holiday notice is not entered', () => {
  let service: ServiceUnderTest;
  beforeAll(async () => (service = await startServiceUnderTest((env) => createServiceApp(DeadlineProbeModule, { env }), 'calendar')));
  afterAll(() => service?.close());

  it('is answered inside a covered year', async () => {
    const response = await fetch(`${service.url}/deadline/2026-03-02/5`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ deadline: '2026-03-09' });
  });

  it('is refused with 503 naming the missing year, never a 500', async () => {
    const uncovered = Math.max(...new WorkingDayCalendar().coveredYears()) + 1;
    const response = await fetch(`${service.url}/deadline/${uncovered - 1}-12-20/20`);

    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'calendar-year-not-entered',
      message: expect.stringContaining(`the working-day calendar for ${uncovered} has not been entered yet`),
      year: uncovered,
    });
  });
});
