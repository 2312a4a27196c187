import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@sangeyipi/platform';
import type { CaseCommandDto } from '../case-command.dto';
import { CaseStreams, type CaseCommandResult } from '../case.streams';
import { noticeNumber, runStaffCommand } from '../staff-command';

/** A clerk of the case's unit accepts it (受理): the committed deadline is set in working days from today. */
@Injectable()
export class AcceptCaseHandler {
  constructor(private readonly cases: CaseStreams) {}

  execute(caseId: string, dto: CaseCommandDto, user: AuthenticatedUser): Promise<CaseCommandResult> {
    const today = this.cases.today();
    return runStaffCommand(this.cases, caseId, user, 'clerk', { type: 'AcceptCase', noticeNumber: noticeNumber('SL', caseId, today), today }, dto.expectedVersion);
  }
}
