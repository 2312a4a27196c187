import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, WorkingDayCalendar, type AuthenticatedUser, type Clock } from '@sangeyipi/platform';
import { requireSupervisorOf } from '../access/supervision-access.policy';
import { todayIn } from '../clock.util';
import { creditAppend } from '../credit/credit.ledger';
import { FindingCommandHandler } from '../finding/finding.command-handler';
import { violation } from '../supervision.errors';
import type { WindowInspectionRecorded } from '../supervision.events';
import { metadataFor, streamIds, SupervisionStreams, type StreamAppend } from '../supervision-streams.repository';
import { findingsFromWindowInspection } from '../watch/watch.rules';

/**
 * Open and undercover window visits (明查暗访): the visit, a finding per failed rule and one credit
 * record for the unit when anything failed, in one transaction.
 */
@Injectable()
export class WindowInspectionCommandHandler {
  private readonly findings: FindingCommandHandler;

  constructor(
    private readonly streams: SupervisionStreams,
    calendar: WorkingDayCalendar,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.findings = new FindingCommandHandler(streams, calendar, clock);
  }

  async record(user: AuthenticatedUser, regionCode: string, visit: Omit<WindowInspectionRecorded['data'], 'windowInspectionId'>): Promise<{ windowInspectionId: string; findingIds: string[] }> {
    requireSupervisorOf(user, regionCode);
    const today = todayIn(this.clock);
    if (visit.visitedOn > today) throw violation('visitedOn', 'not-in-the-future', `must be ${today} or earlier`);
    const checked = visit.checks.map((c) => c.check);
    if (new Set(checked).size !== checked.length) throw violation('checks', 'each-rule-once', 'names a rule more than once');
    const windowInspectionId = randomUUID();
    const data = { windowInspectionId, ...visit };
    const findings = findingsFromWindowInspection(data);
    const appends: StreamAppend[] = [{ streamId: streamIds.windowInspection(windowInspectionId), expectedVersion: 0, events: [{ type: 'supervision.WindowInspectionRecorded', data }] }];
    for (const finding of findings) appends.push(...(await this.findings.raiseAppends(finding, today, undefined, { withCredit: false })));
    if (findings.length) {
      appends.push(
        await creditAppend(this.streams, {
          subjectId: visit.unitId,
          subjectKind: 'CREDIT_SUBJECT_KIND_SERVICE_UNIT',
          reason: 'CREDIT_REASON_FINDING_RAISED',
          sourceId: windowInspectionId,
          recordId: randomUUID(),
          today,
        }),
      );
    }
    await this.streams.append(appends, metadataFor(user, 'supervisor', regionCode));
    return { windowInspectionId, findingIds: findings.map((f) => f.findingId) };
  }
}
