import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@sangeyipi/platform';
import { STEP_ROLE } from '../case.permissions';
import { CaseStreams, type CaseCommandResult } from '../case.streams';
import { runStaffCommand } from '../staff-command';
import type { CompleteStepDto } from './complete-step.dto';

/**
 * Completes the pending step as staff of the case's unit holding the step's role. The decider refuses
 * the person who did the step before; a concurrent completion of the same step loses with 409.
 */
@Injectable()
export class CompleteStepHandler {
  constructor(private readonly cases: CaseStreams) {}

  execute(caseId: string, dto: CompleteStepDto, user: AuthenticatedUser): Promise<CaseCommandResult> {
    return runStaffCommand(
      this.cases,
      caseId,
      user,
      STEP_ROLE[dto.step],
      {
        type: 'CompleteStep',
        step: dto.step,
        staff: { userId: user.userId, badge: dto.badge, asBackup: dto.asBackup },
        opinion: dto.opinion,
        today: this.cases.today(),
        decision: dto.decision,
      },
      dto.expectedVersion,
    );
  }
}
