import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@sangeyipi/platform';
import { CaseStreams, type CaseCommandResult } from '../case.streams';
import { runStaffCommand } from '../staff-command';
import type { RequestAssistanceDto } from './request-assistance.dto';

/** A clerk of the case's unit asks another unit for its opinion; the applicant is never sent for it. */
@Injectable()
export class RequestAssistanceHandler {
  constructor(private readonly cases: CaseStreams) {}

  async execute(caseId: string, dto: RequestAssistanceDto, user: AuthenticatedUser): Promise<CaseCommandResult & { requestId: string }> {
    const requestId = randomUUID();
    const command = { type: 'RequestAssistance', requestId, toUnitId: dto.toUnitId, question: dto.question, limitDays: dto.limitDays, today: this.cases.today() } as const;
    return { ...(await runStaffCommand(this.cases, caseId, user, 'clerk', command, dto.expectedVersion)), requestId };
  }
}
