import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@sangeyipi/platform';
import { CaseStreams, type CaseCommandResult } from '../case.streams';
import { runStaffCommand } from '../staff-command';
import type { SuspendClockDto } from './suspend-clock.dto';

/** A clerk of the case's unit stops the clock from today, for a reason the law excludes. */
@Injectable()
export class SuspendClockHandler {
  constructor(private readonly cases: CaseStreams) {}

  execute(caseId: string, dto: SuspendClockDto, user: AuthenticatedUser): Promise<CaseCommandResult> {
    const command = { type: 'SuspendClock', reason: dto.reason, description: dto.description, applicantNotified: dto.applicantNotified, today: this.cases.today() } as const;
    return runStaffCommand(this.cases, caseId, user, 'clerk', command, dto.expectedVersion);
  }
}
