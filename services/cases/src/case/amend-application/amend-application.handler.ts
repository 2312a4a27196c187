import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@sangeyipi/platform';
import { CaseStreams, type CaseCommandResult } from '../case.streams';
import { runStaffCommand } from '../staff-command';
import type { AmendApplicationDto } from './amend-application.dto';

/** Records a change of what is applied for, before acceptance; it reopens the one-time notification. */
@Injectable()
export class AmendApplicationHandler {
  constructor(private readonly cases: CaseStreams) {}

  execute(caseId: string, dto: AmendApplicationDto, user: AuthenticatedUser): Promise<CaseCommandResult> {
    const materials = dto.materials.map((m) => ({ ...m, replacedByCommitment: m.replacedByCommitment ?? false }));
    return runStaffCommand(this.cases, caseId, user, 'clerk', { type: 'AmendApplication', description: dto.description, materials }, dto.expectedVersion);
  }
}
