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

  async apply(events: readonly StoredEvent[], manager: EntityManager): Promise<void> {
    for (const stored of events) {
      const event = { type: stored.type, data: stored.data } as CaseEvent;
      const id = (event.data as { caseId?: string }).caseId;
      if (!id) continue;
      const set = (assignments: string, values: unknown[]) =>
        manager.query(`UPDATE cases_case_summaries SET ${assignments}, stream_version = $2 WHERE case_id = $1`, [id, stored.streamVersion, ...values]);
      switch (event.type) {
        case 'cases.CaseReceived': {
          const d = event.data;
          await manager.query(
            `INSERT INTO cases_case_summaries (case_id, unit_id, region_code, item_id, applicant_id, first_asked_user_id, responsible_user_id,
               receipt_voucher_number, status, approval_steps, received_on, stream_version, commitment_signed)
             VALUES ($1, $2, $3, $4, $5, $6, $6, $7, 'received', $8, $9, $10, $11) ON CONFLICT (case_id) DO NOTHING`,
            [id, d.unitId, stored.metadata.regionCode ?? '', d.itemId, d.applicant.applicantId, d.firstAskedUserId, d.receiptVoucherNumber,
              JSON.stringify(d.approvalSteps), d.receivedOn, stored.streamVersion, d.commitmentSigned ?? false],
          );
          break;
        }
        case 'cases.MaterialsSupplementRequested':
          await set(`status = 'awaiting-supplement', supplement_requests = supplement_requests + 1`, []);
          break;
        case 'cases.CaseAccepted':
          await set(`status = 'in-progress', accepted_on = $3, committed_deadline = $4`, [event.data.acceptedOn, event.data.committedDeadline]);
          break;
        case 'cases.CaseAcceptanceRefused':
          await set(`status = 'refused'`, []);
          break;
        case 'cases.StepCompleted':
          await set(`completed_steps = completed_steps + 1`, []);
          break;
        case 'cases.CaseDecided':
          await set(`status = 'decided', decision = $3`, [event.data.decision]);
          break;
        case 'cases.DocumentIssued':
          await set(`status = 'document-issued'`, []);
          break;
        case 'cases.DocumentDelivered':
          await set(`status = 'completed'`, []);
          break;
        case 'cases.ClockSuspended':
          await set(`suspended = true`, []);
          break;
        case 'cases.ClockResumed':
          await set(`suspended = false, committed_deadline = $3`, [event.data.committedDeadline]);
          break;
        case 'cases.CaseOverdue':
          await set(`overdue = true`, []);
          break;
        case 'cases.CommitmentVerificationRequested':
          await set(`decided_on = $3`, [event.data.decidedOn]);
          break;
        case 'cases.DecisionRevoked':
          await set(`status = 'revoked'`, []);
          break;
        case 'cases.CaseReassigned':
          await set(`responsible_user_id = $3`, [event.data.toUserId]);
          break;
        case 'cases.CaseDeadlineApproaching':
          await set(`warned_for_deadline = $3`, [event.data.committedDeadline]);
          break;
        default:
          await set(`status = status`, []);
      }
    }
  }
}
