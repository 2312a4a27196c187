import type { Projection, StoredEvent } from '@sangeyipi/eventstore';
import type { EntityManager } from 'typeorm';
import type { CaseEvent } from '../case/case.events';

/**
 * The case summaries ("my cases" with deadline lights), fed from the service's own event log in commit
 * order. Each batch commits with the runner's checkpoint; rebuildable from position 0.
 */
export class CaseSummaryProjection implements Projection {
  readonly name = 'cases.case-summary';

  async reset(manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM cases_case_summaries`);
  }

  /**
   * One statement per case of the batch, not per event: a case's changes in the batch are folded
   * into one UPDATE (the last value of each column, counters summed), after its INSERT if it was
   * received in the batch.
   */
  async apply(events: readonly StoredEvent[], manager: EntityManager): Promise<void> {
    const changes = new Map<string, SummaryChange>();
    for (const stored of events) {
      const event = { type: stored.type, data: stored.data } as CaseEvent;
      const id = (event.data as { caseId?: string }).caseId;
      if (!id) continue;
      let change = changes.get(id);
      if (!change) changes.set(id, (change = { set: new Map(), add: new Map(), version: stored.streamVersion }));
      change.version = stored.streamVersion;
      const set = (column: SetColumn, value: unknown) => change.set.set(column, value);
      const add = (column: CountColumn) => change.add.set(column, (change.add.get(column) ?? 0) + 1);
      switch (event.type) {
        case 'cases.CaseReceived': {
          const d = event.data;
          change.insert = [id, d.unitId, stored.metadata.regionCode ?? '', d.itemId, d.applicant.applicantId, d.firstAskedUserId, d.receiptVoucherNumber,
            JSON.stringify(d.approvalSteps), d.receivedOn, stored.streamVersion, d.commitmentSigned ?? false];
          break;
        }
        case 'cases.MaterialsSupplementRequested':
          set('status', 'awaiting-supplement');
          add('supplement_requests');
          break;
        case 'cases.CaseAccepted':
          set('status', 'in-progress');
          set('accepted_on', event.data.acceptedOn);
          set('committed_deadline', event.data.committedDeadline);
          break;
        case 'cases.CaseAcceptanceRefused':
          set('status', 'refused');
          break;
        case 'cases.StepCompleted':
          add('completed_steps');
          break;
        case 'cases.CaseDecided':
          set('status', 'decided');
          set('decision', event.data.decision);
          break;
        case 'cases.DocumentIssued':
          set('status', 'document-issued');
          break;
        case 'cases.DocumentDelivered':
          set('status', 'completed');
          break;
        case 'cases.ClockSuspended':
          set('suspended', true);
          break;
        case 'cases.ClockResumed':
          set('suspended', false);
          set('committed_deadline', event.data.committedDeadline);
          break;
        case 'cases.CaseOverdue':
          set('overdue', true);
          break;
        case 'cases.CommitmentVerificationRequested':
          set('decided_on', event.data.decidedOn);
          break;
        case 'cases.DecisionRevoked':
          set('status', 'revoked');
          break;
        case 'cases.CaseReassigned':
          set('responsible_user_id', event.data.toUserId);
          break;
        case 'cases.CaseDeadlineApproaching':
          set('warned_for_deadline', event.data.committedDeadline);
          break;
        default:
          break; // only the stream version moves
      }
    }
    for (const [id, change] of changes) {
      if (change.insert) {
        await manager.query(
          `INSERT INTO cases_case_summaries (case_id, unit_id, region_code, item_id, applicant_id, first_asked_user_id, responsible_user_id,
             receipt_voucher_number, status, approval_steps, received_on, stream_version, commitment_signed)
           VALUES ($1, $2, $3, $4, $5, $6, $6, $7, 'received', $8, $9, $10, $11) ON CONFLICT (case_id) DO NOTHING`,
          change.insert,
        );
      }
      const values: unknown[] = [id, change.version];
      const assignments = ['stream_version = $2'];
      for (const [column, value] of change.set) assignments.push(`${column} = $${values.push(value)}`);
      for (const [column, count] of change.add) assignments.push(`${column} = ${column} + $${values.push(count)}`);
      await manager.query(`UPDATE cases_case_summaries SET ${assignments.join(', ')} WHERE case_id = $1`, values);
    }
  }
}

/** Columns an event sets, and counters it increments (fixed names: they are written into the SQL). */
type SetColumn =
  | 'status'
  | 'accepted_on'
  | 'committed_deadline'
  | 'decision'
  | 'suspended'
  | 'overdue'
  | 'decided_on'
  | 'responsible_user_id'
  | 'warned_for_deadline';
type CountColumn = 'supplement_requests' | 'completed_steps';

interface SummaryChange {
  insert?: unknown[];
  set: Map<SetColumn, unknown>;
  add: Map<CountColumn, number>;
  version: number;
}
