import type { AuthenticatedUser, Role } from '@sangeyipi/platform';
import type { CaseCommand } from './case.decider';
import { requireExisting, requireStaffOf } from './case.permissions';
import type { CaseCommandResult, CaseStreams } from './case.streams';

/** Runs a command on an existing case for a staff member who must hold `role` in the case's unit. */
export function runStaffCommand(
  cases: CaseStreams,
  caseId: string,
  user: AuthenticatedUser,
  role: Role,
  command: CaseCommand,
  expectedVersion?: number,
): Promise<CaseCommandResult> {
  return cases.execute(caseId, user, command, {
    expectedVersion,
    authorize: (state) => {
      requireExisting(state, caseId);
      requireStaffOf(user, state.unitId, role);
    },
  });
}

/** A notice number (通知书编号) for the case. */
export function noticeNumber(prefix: string, caseId: string, today: string): string {
  return `${prefix}-${today.replaceAll('-', '')}-${caseId.slice(0, 8).toUpperCase()}`;
}
