import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import type { AuthenticatedUser } from '@sangeyipi/platform';
import { CaseStreams } from '../case.streams';
import { runStaffCommand } from '../staff-command';
import type { AttemptChargeDto } from './attempt-charge.dto';

/**
 * No fees for speed: the charge is refused with 422 `forbidden-charge`, after the attempt has been
 * recorded as ForbiddenChargeRefused for supervision. Staff of the case's unit (clerk) only.
 */
@Injectable()
export class AttemptChargeHandler {
  constructor(private readonly cases: CaseStreams) {}

  async execute(caseId: string, dto: AttemptChargeDto, user: AuthenticatedUser): Promise<never> {
    await runStaffCommand(this.cases, caseId, user, 'clerk', { type: 'AttemptForbiddenCharge', charge: dto.charge, description: dto.description, userId: user.userId });
    throw new UnprocessableEntityException({
      code: 'forbidden-charge',
      message: '不得收取“加急费”“服务费”或增设前置条件: the charge was refused and reported to supervision',
    });
  }
}
