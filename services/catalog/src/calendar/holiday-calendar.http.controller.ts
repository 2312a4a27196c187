import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles, type AuthenticatedUser } from '@sangeyipi/platform';
import { CorrectHolidayNoticeDto, EnterHolidayNoticeDto } from './dto/holiday-notice.dto';
import { HolidayCalendarCommandHandler } from './holiday-calendar.command-handler';
import type { HolidayNotice } from './holiday-calendar.decider';
import { HolidayCalendarQueries, type CalendarYearView, type YearCoverageView } from './holiday-calendar.queries';

/**
 * The working-day calendar's State Council notices: the city enters next year's in November or
 * December (docs/runbooks/entering-next-years-holidays.md); everyone may read which years are covered.
 */
@ApiTags('working-day calendar')
@Controller('calendar')
export class HolidayCalendarHttpController {
  constructor(
    private readonly commands: HolidayCalendarCommandHandler,
    private readonly queries: HolidayCalendarQueries,
  ) {}

  @Post('notices')
  @ApiBearerAuth()
  @Roles('reform_office', 'operations_admin')
  @ApiOperation({ summary: "Enter a year's complete State Council holiday arrangement (city reform office or operations)" })
  @ApiCreatedResponse({ description: 'The year as now covered, with its days' })
  @ApiConflictResponse({ description: 'The package or an earlier entry already covers the year: correct it with PUT' })
  async enter(@CurrentUser() user: AuthenticatedUser, @Body() body: EnterHolidayNoticeDto): Promise<CalendarYearView> {
    await this.commands.enter(user, noticeOf(body.year, body));
    return this.mustShow(body.year);
  }

  @Put('notices/:year')
  @ApiBearerAuth()
  @Roles('reform_office', 'operations_admin')
  @ApiOperation({ summary: 'Correct the arrangement of a covered year, with a reason, before that year begins' })
  @ApiOkResponse({ description: 'The year as now covered; the same arrangement again records nothing' })
  @ApiNotFoundResponse({ description: 'Nothing covers the year: enter it with POST' })
  @ApiConflictResponse({ description: 'The year has begun: deadlines inside it are committed' })
  @HttpCode(200)
  async correct(@CurrentUser() user: AuthenticatedUser, @Param('year', ParseIntPipe) year: number, @Body() body: CorrectHolidayNoticeDto): Promise<CalendarYearView> {
    await this.commands.correct(user, noticeOf(year, body), body.reason);
    return this.mustShow(year);
  }

  @Get('notices')
  @Public()
  @ApiOperation({ summary: 'Which years the calendar covers, and from which source (an entered notice or the package)' })
  @ApiOkResponse({ description: 'Every covered year, oldest first' })
  notices(): Promise<YearCoverageView[]> {
    return this.queries.coverage();
  }

  @Get('years/:year')
  @Public()
  @ApiOperation({ summary: "A covered year's rest days and adjustment working days, with their holidays" })
  @ApiOkResponse({ description: 'The year, its source and its days' })
  @ApiNotFoundResponse({ description: 'Nothing covers the year yet' })
  async year(@Param('year', ParseIntPipe) year: number): Promise<CalendarYearView> {
    const view = await this.queries.year(year);
    if (!view) throw new NotFoundException(`no holiday arrangement of ${year} has been entered or shipped`);
    return view;
  }

  private async mustShow(year: number): Promise<CalendarYearView> {
    const view = await this.queries.year(year);
    if (!view) throw new Error(`the calendar stream does not show ${year} right after its append`);
    return view;
  }
}

function noticeOf(year: number, body: Omit<EnterHolidayNoticeDto, 'year'>): HolidayNotice {
  const days = (list: ReadonlyArray<{ date: string; holiday: string }>) => list.map(({ date, holiday }) => ({ date, holiday }));
  return { year, noticeNumber: body.noticeNumber, title: body.title, restDays: days(body.restDays), workdays: days(body.workdays) };
}
