import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@sangeyipi/platform';
import type { CaseCommandDto } from '../case-command.dto';
import { CaseStreams, type CaseCommandResult } from '../case.streams';
import { runStaffCommand } from '../staff-command';

/**
 * A clerk of the case's unit ends the suspension: today is the last day the clock stood still; the
 * deadlines move by the working days suspended.
 */
@Injectable()
export class ResumeClockHandler {
  constructor(private readonly cases: CaseStreams) {}

  execute(caseId: string, dto: CaseCommandDto, user: AuthenticatedUser): Promise<CaseCommandResult> {
    return runStaffCommand(this.cases, caseId, user, 'clerk', { type: 'ResumeClock', today: this.cases.today() }, dto.expectedVersion);
  }
}
