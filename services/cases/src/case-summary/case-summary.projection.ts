import type { Projection, StoredEvent } from '@sangeyipi/eventstore';
import type { EntityManager } from 'typeorm';
import type { CaseEvent, CaseReceived } from '../case/case.events';

/**
 * The case summaries ("my cases" with deadline lights) and the assistance inbox (the requests for
 * assistance by the unit asked), fed from the service's own event log in commit order. Each batch
 * commits with the runner's checkpoint; rebuildable from position 0.
 */
export class CaseSummaryProjection implements Projection {
  readonly name = 'cases.case-summary';

  async reset(manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM cases_case_summaries`);
    await manager.query(`DELETE FROM cases_assistance_requests`);
  }

  /**
   * Two statements per batch, whatever its size: the cases received in the batch are inserted
   * together, then every case's changes in the batch — folded into one row each (the last value of
   * each column, counters summed) — are applied by one UPDATE. Requests for assistance and their
   * answers take one statement each, when the batch has any.
   */
  async apply(events: readonly StoredEvent[], manager: EntityManager): Promise<void> {
    const changes = new Map<string, SummaryChange>();
    const assistanceAsked: Record<string, unknown>[] = [];
    const assistanceAnswered: Record<string, unknown>[] = [];
    for (const stored of events) {
      const event = { type: stored.type, data: stored.data } as CaseEvent;
      const id = (event.data as { caseId?: string }).caseId;
      if (!id) continue;
      let change = changes.get(id);
      if (!change) changes.set(id, (change = { set: {}, add: {}, version: stored.streamVersion }));
      change.version = stored.streamVersion;
      const set = (column: SetColumn, value: unknown) => (change.set[column] = value);
      const add = (column: CountColumn) => (change.add[column] = (change.add[column] ?? 0) + 1);
      switch (event.type) {
        case 'cases.OnlineApplicationSubmitted':
          // Listed from submission (the applicant's and the unit's "my cases"); the day is the submission's until the window receipt.
          change.insert = {
            ...firstRow(stored, event.data),
            first_asked_user_id: '',
            receipt_voucher_number: '',
            status: 'submitted-online',
            received_on: event.data.submittedOn,
            commitment_signed: false,
          };
          break;
        case 'cases.CaseReceived': {
          const d = event.data;
          change.insert = {
            ...firstRow(stored, d),
            first_asked_user_id: d.firstAskedUserId,
            receipt_voucher_number: d.receiptVoucherNumber,
            status: 'received',
            received_on: d.receivedOn,
            commitment_signed: d.commitmentSigned ?? false,
          };
          // An online application received at the window starts afresh, as the case's own state does.
          change.set = {};
          change.add = {};
          break;
        }
        case 'cases.OnlinePreReviewPassed':
          set('status', 'pre-reviewed');
          break;
        case 'cases.MaterialsSupplementRequested': {
          // Online, the notice goes to the applicant and the application stays in pre-review.
          const known = change.set.status ?? change.insert?.status;
          set('status', known === undefined ? SUPPLEMENT_UNLESS_ONLINE : known === 'submitted-online' ? known : 'awaiting-supplement');
          add('supplement_requests');
          break;
        }
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
        case 'cases.AssistanceRequested': {
          const d = event.data;
          assistanceAsked.push({
            request_id: d.requestId,
            case_id: id,
            from_unit_id: d.fromUnitId,
            to_unit_id: d.toUnitId,
            question: d.question,
            limit_days: d.limitDays,
            due_on: d.dueOn,
            requested_at: stored.recordedAt,
          });
          break;
        }
        case 'cases.AssistanceAnswered':
          assistanceAnswered.push({
            request_id: event.data.requestId,
            answered_on: event.data.answeredOn,
            opinion: event.data.opinion,
            answered_by_user_id: event.data.answeredByUserId,
          });
          break;
        default:
          break; // only the stream version moves
      }
    }
    const inserts = [...changes.values()].flatMap((change) => (change.insert ? [change.insert] : []));
    if (inserts.length > 0) {
      // A window receipt of an application submitted online replaces its row with the receipt's facts.
      await manager.query(
        `INSERT INTO cases_case_summaries AS s (case_id, unit_id, region_code, item_id, applicant_id, first_asked_user_id, responsible_user_id,
           receipt_voucher_number, status, approval_steps, received_on, stream_version, commitment_signed)
         SELECT case_id, unit_id, region_code, item_id, applicant_id, first_asked_user_id, first_asked_user_id,
                receipt_voucher_number, status, approval_steps, received_on, stream_version, commitment_signed
           FROM jsonb_to_recordset($1::jsonb) AS r(case_id text, unit_id text, region_code text, item_id text, applicant_id text,
                first_asked_user_id text, receipt_voucher_number text, status text, approval_steps jsonb, received_on text,
                stream_version integer, commitment_signed boolean)
         ON CONFLICT (case_id) DO UPDATE SET
           unit_id = excluded.unit_id, region_code = excluded.region_code, item_id = excluded.item_id, applicant_id = excluded.applicant_id,
           approval_steps = excluded.approval_steps, first_asked_user_id = excluded.first_asked_user_id,
           responsible_user_id = excluded.first_asked_user_id, receipt_voucher_number = excluded.receipt_voucher_number,
           status = excluded.status, received_on = excluded.received_on, stream_version = excluded.stream_version,
           commitment_signed = excluded.commitment_signed, supplement_requests = 0, completed_steps = 0
         WHERE excluded.status = 'received' AND s.status IN ('submitted-online', 'pre-reviewed')`,
        [JSON.stringify(inserts)],
      );
    }
    const updates = [...changes].map(([caseId, { set, add, version }]) => ({ case_id: caseId, stream_version: version, set, add }));
    if (updates.length > 0) await manager.query(UPDATE_SUMMARIES, [JSON.stringify(updates)]);
    if (assistanceAsked.length > 0) {
      await manager.query(
        `INSERT INTO cases_assistance_requests (request_id, case_id, from_unit_id, to_unit_id, question, limit_days, due_on, requested_at)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(request_id text, case_id text, from_unit_id text, to_unit_id text, question text,
                limit_days integer, due_on text, requested_at timestamptz)
         ON CONFLICT (request_id) DO NOTHING`,
        [JSON.stringify(assistanceAsked)],
      );
    }
    if (assistanceAnswered.length > 0) {
      await manager.query(
        `UPDATE cases_assistance_requests AS a
            SET answered_on = r.answered_on, opinion = r.opinion, answered_by_user_id = r.answered_by_user_id
           FROM jsonb_to_recordset($1::jsonb) AS r(request_id text, answered_on text, opinion text, answered_by_user_id text)
          WHERE a.request_id = r.request_id`,
        [JSON.stringify(assistanceAnswered)],
      );
    }
  }
}

/** The columns a case's first event (received at the window, or submitted online) gives its summary row. */
function firstRow(stored: StoredEvent, d: Pick<CaseReceived['data'], 'caseId' | 'unitId' | 'itemId' | 'applicant' | 'approvalSteps'>) {
  return {
    case_id: d.caseId,
    unit_id: d.unitId,
    region_code: stored.metadata.regionCode ?? '',
    item_id: d.itemId,
    applicant_id: d.applicant.applicantId,
    approval_steps: d.approvalSteps,
    stream_version: stored.streamVersion,
  };
}

/** A column takes the batch's value if one of its events set it, and keeps its own otherwise. */
const assignIfSet = (column: SetColumn, type = 'text') =>
  `${column} = CASE WHEN c.set ? '${column}' THEN (c.set->>'${column}')::${type} ELSE s.${column} END`;
const addCount = (column: CountColumn) => `${column} = s.${column} + coalesce((c.add->>'${column}')::integer, 0)`;

/** A supplement request in a batch that did not show the case's status: the row's status before the batch decides. */
const SUPPLEMENT_UNLESS_ONLINE = 'supplement-unless-online';

const UPDATE_SUMMARIES = `UPDATE cases_case_summaries AS s SET
    stream_version = c.stream_version,
    ${[
      `status = CASE WHEN c.set->>'status' = '${SUPPLEMENT_UNLESS_ONLINE}' THEN (CASE WHEN s.status = 'submitted-online' THEN s.status ELSE 'awaiting-supplement' END)
                WHEN c.set ? 'status' THEN c.set->>'status' ELSE s.status END`,
      assignIfSet('accepted_on'),
      assignIfSet('committed_deadline'),
      assignIfSet('decision'),
      assignIfSet('suspended', 'boolean'),
      assignIfSet('overdue', 'boolean'),
      assignIfSet('decided_on'),
      assignIfSet('responsible_user_id'),
      assignIfSet('warned_for_deadline'),
      addCount('supplement_requests'),
      addCount('completed_steps'),
    ].join(',\n    ')}
  FROM jsonb_to_recordset($1::jsonb) AS c(case_id text, stream_version integer, set jsonb, add jsonb)
  WHERE s.case_id = c.case_id`;

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
  /** The summary row of a case received (or submitted online) in the batch, by column. */
  insert?: Record<string, unknown> & { status: string };
  set: Partial<Record<SetColumn, unknown>>;
  add: Partial<Record<CountColumn, number>>;
  version: number;
}
