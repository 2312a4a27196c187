import { ForbiddenException, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@sangeyipi/platform';
import { requireExisting } from '../case.permissions';
import { CaseStreams, type CaseCommandResult } from '../case.streams';
import type { HandOverCaseDto } from './hand-over-case.dto';

/**
 * A recorded handover of an open case: by the staff member responsible now (首问负责) or a unit admin
 * of the case's unit. The clock keeps running.
 */
@Injectable()
export class HandOverCaseHandler {
  constructor(private readonly cases: CaseStreams) {}

  execute(caseId: string, dto: HandOverCaseDto, user: AuthenticatedUser): Promise<CaseCommandResult> {
    return this.cases.execute(caseId, user, { type: 'ReassignCase', toUserId: dto.toUserId, reason: 'REASSIGNMENT_REASON_HANDOVER', note: dto.note }, {
      expectedVersion: dto.expectedVersion,
      authorize: (state) => {
        requireExisting(state, caseId);
        const admin = user.roles.includes('unit_admin') && user.unitId === state.unitId;
        const responsible = user.userId === state.responsibleUserId && user.unitId === state.unitId;
        if (!admin && !responsible) throw new ForbiddenException('only the responsible staff member or a unit admin hands a case over');
      },
    });
  }
}
