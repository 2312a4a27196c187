import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@sangeyipi/platform';
import { CaseStreams, type CaseCommandResult } from '../case.streams';
import { noticeNumber, runStaffCommand } from '../staff-command';
import type { RequestSupplementDto } from './request-supplement.dto';

/** A clerk of the case's unit asks for the missing materials; a second request is refused unless the application changed. */
@Injectable()
export class RequestSupplementHandler {
  constructor(private readonly cases: CaseStreams) {}

  execute(caseId: string, dto: RequestSupplementDto, user: AuthenticatedUser): Promise<CaseCommandResult> {
    const command = { type: 'RequestSupplement', noticeNumber: noticeNumber('BZ', caseId, this.cases.today()), missingMaterials: dto.missingMaterials } as const;
    return runStaffCommand(this.cases, caseId, user, 'clerk', command, dto.expectedVersion);
  }
}
