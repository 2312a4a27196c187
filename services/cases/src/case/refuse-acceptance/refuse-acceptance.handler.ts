import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@sangeyipi/platform';
import { CaseStreams, type CaseCommandResult } from '../case.streams';
import { noticeNumber, runStaffCommand } from '../staff-command';
import type { RefuseAcceptanceDto } from './refuse-acceptance.dto';

/** A clerk of the case's unit refuses acceptance with reasons (不予受理通知书). */
@Injectable()
export class RefuseAcceptanceHandler {
  constructor(private readonly cases: CaseStreams) {}

  execute(caseId: string, dto: RefuseAcceptanceDto, user: AuthenticatedUser): Promise<CaseCommandResult> {
    const command = { type: 'RefuseAcceptance', noticeNumber: noticeNumber('BSL', caseId, this.cases.today()), reason: dto.reason, legalBasis: dto.legalBasis } as const;
    return runStaffCommand(this.cases, caseId, user, 'clerk', command, dto.expectedVersion);
  }
}
