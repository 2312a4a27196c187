import { ForbiddenException, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@sangeyipi/platform';
import { requireExisting, STAFF_ROLES } from '../case.permissions';
import { CaseStreams, type CaseCommandResult } from '../case.streams';
import type { AnswerAssistanceDto } from './answer-assistance.dto';

/** Staff of the asked unit answer a request for administrative assistance on another unit's case. */
@Injectable()
export class AnswerAssistanceHandler {
  constructor(private readonly cases: CaseStreams) {}

  execute(caseId: string, requestId: string, dto: AnswerAssistanceDto, user: AuthenticatedUser): Promise<CaseCommandResult> {
    const unitId = user.unitId ?? '';
    return this.cases.execute(
      caseId,
      user,
      { type: 'AnswerAssistance', requestId, unitId, opinion: dto.opinion, userId: user.userId, today: this.cases.today() },
      {
        expectedVersion: dto.expectedVersion,
        authorize: (state) => {
          requireExisting(state, caseId);
          const asked = state.assistance.some((r) => r.requestId === requestId && r.toUnitId === unitId);
          if (!asked || !user.roles.some((role) => STAFF_ROLES.includes(role))) throw new ForbiddenException('only staff of the asked unit answer');
        },
      },
    );
  }
}
