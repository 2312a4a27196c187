import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { PostgresEventStore, StreamVersionConflictError } from '@sangeyipi/eventstore';
import type { AuthenticatedUser } from '@sangeyipi/platform';
import { DataSource } from 'typeorm';
import { CaseRuleViolation } from '../../case/case.errors';
import { CaseStreams } from '../../case/case.streams';
import { handlerStreamId, type HandlerBackupNamed } from '../handler-backup.streams';
import { requireUnitAdmin } from '../name-backup/name-backup.handler';

const ATTEMPTS = 3;

export interface AbsenceOutcome {
  handlerUserId: string;
  backupUserId: string;
  /** Open cases moved to the backup, each recorded as CaseReassigned. */
  reassignedCaseIds: string[];
}

/**
 * A unit admin marks a handler absent: every open case they are responsible for moves to their named
 * backup at once, each recorded as CaseReassigned (reason ABSENCE). The clocks keep running: deadlines
 * are not touched. Open cases are found in the case summaries (the read model), so a case received in
 * the last moments before the call may be missed until the next call.
 */
@Injectable()
export class MarkAbsentHandler {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly cases: CaseStreams,
    private readonly dataSource: DataSource,
  ) {}

  async execute(unitId: string, handlerUserId: string, user: AuthenticatedUser): Promise<AbsenceOutcome> {
    requireUnitAdmin(user, unitId);
    const named = (await this.store.readStream(handlerStreamId(unitId, handlerUserId))).filter((e) => e.type === 'cases.HandlerBackupNamed');
    const last = named.at(-1)?.data as HandlerBackupNamed['data'] | undefined;
    if (!last) throw new UnprocessableEntityException({ code: 'no-backup-named', message: `${handlerUserId} has no named backup (AB角) in ${unitId}` });

    const rows = (await this.dataSource.query(
      `SELECT case_id FROM cases_case_summaries WHERE unit_id = $1 AND responsible_user_id = $2 AND status NOT IN ('completed', 'refused', 'revoked')`,
      [unitId, handlerUserId],
    )) as { case_id: string }[];
    const reassignedCaseIds: string[] = [];
    for (const { case_id: caseId } of rows) {
      if (await this.reassign(caseId, unitId, handlerUserId, last.backupUserId, user)) reassignedCaseIds.push(caseId);
    }
    return { handlerUserId, backupUserId: last.backupUserId, reassignedCaseIds };
  }

  private async reassign(caseId: string, unitId: string, from: string, to: string, user: AuthenticatedUser): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.cases.execute(caseId, user, { type: 'ReassignCase', toUserId: to, reason: 'REASSIGNMENT_REASON_ABSENCE', note: `${from} absent` }, {
          authorize: (state) => {
            if (state.unitId !== unitId || state.responsibleUserId !== from) throw new CaseRuleViolation('action-not-allowed', 'no longer this handler’s case');
          },
        });
        return true;
      } catch (error) {
        if (error instanceof StreamVersionConflictError && attempt < ATTEMPTS) continue;
        if (error instanceof CaseRuleViolation) return false; // moved or finished meanwhile
        throw error;
      }
    }
  }
}
