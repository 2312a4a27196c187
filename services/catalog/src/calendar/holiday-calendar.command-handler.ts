import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { chineseDaysSource, CLOCK, CorrelationContext, SHANGHAI_REGION_CODE, toShanghaiDate, type AuthenticatedUser, type Clock } from '@sangeyipi/platform';
import { CatalogStreams } from '../catalog-streams.repository';
import { CatalogActionForbidden } from '../catalog.errors';
import { decideCorrection, decideEntry, HOLIDAY_CALENDAR_STREAM, type HolidayCalendarEvent, type HolidayNotice, type PackageCoverage } from './holiday-calendar.decider';

/** The years the `chinese-days` package ships, which an entry may not cover again. */
export function packageCoverage(): PackageCoverage {
  const source = chineseDaysSource();
  return { name: source.name, years: source.years };
}

/**
 * Enters and corrects the State Council holiday notices. The route lets the reform office and the
 * operations team in; of the reform offices, only the city's: the arrangement holds for all of Shanghai.
 */
@Injectable()
export class HolidayCalendarCommandHandler {
  constructor(
    private readonly streams: CatalogStreams,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async enter(user: AuthenticatedUser, notice: HolidayNotice): Promise<void> {
    const role = calendarRoleOf(user);
    const { state, version } = await this.streams.loadHolidayCalendar();
    const events = decideEntry({ type: 'EnterHolidayNotice', data: { notice, today: this.today(), package: packageCoverage() } }, state);
    await this.append(user, role, version, events);
  }

  /** The arrangement already in force is a repeat (a retried request): nothing is recorded. */
  async correct(user: AuthenticatedUser, notice: HolidayNotice, reason: string): Promise<void> {
    const role = calendarRoleOf(user);
    const { state, version } = await this.streams.loadHolidayCalendar();
    const events = decideCorrection({ type: 'CorrectHolidayNotice', data: { notice, reason, today: this.today(), package: packageCoverage() } }, state);
    if (events.length > 0) await this.append(user, role, version, events);
  }

  private today(): string {
    return toShanghaiDate(this.clock.now());
  }

  private async append(user: AuthenticatedUser, role: string, version: number, events: readonly HolidayCalendarEvent[]): Promise<void> {
    await this.streams.append([{ streamId: HOLIDAY_CALENDAR_STREAM, expectedVersion: version, events }], {
      correlationId: CorrelationContext.current() ?? randomUUID(),
      actor: { id: user.userId, role },
      regionCode: SHANGHAI_REGION_CODE,
    });
  }
}

/** The role under which the caller keeps the city's calendar; refuses a district's or town's reform office. */
function calendarRoleOf(user: AuthenticatedUser): 'operations_admin' | 'reform_office' {
  if (user.roles.includes('reform_office') && user.regionCode === SHANGHAI_REGION_CODE) return 'reform_office';
  if (user.roles.includes('operations_admin')) return 'operations_admin';
  throw new CatalogActionForbidden(`only the city's reform office (${SHANGHAI_REGION_CODE}) or the operations team enter the holiday notices`);
}
