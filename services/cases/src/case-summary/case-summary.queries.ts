import { Injectable } from '@nestjs/common';
import { WorkingDayCalendar, type AuthenticatedUser } from '@sangeyipi/platform';
import { DataSource } from 'typeorm';
import { STAFF_ROLES } from '../case/case.permissions';
import { CaseStreams } from '../case/case.streams';
import { CasesConfig } from '../config/cases-config.schema';
import { deadlineLight, type DeadlineLight } from './deadline-light';

interface Row {
  case_id: string;
  unit_id: string;
  item_id: string;
  receipt_voucher_number: string;
  status: string;
  approval_steps: string[];
  completed_steps: number;
  received_on: string;
  accepted_on: string | null;
  committed_deadline: string | null;
  suspended: boolean;
  overdue: boolean;
  supplement_requests: number;
  decision: string | null;
  stream_version: number;
}

export interface CaseSummary {
  caseId: string;
  unitId: string;
  itemId: string;
  receiptVoucherNumber: string;
  status: string;
  pendingStep: string | null;
  receivedOn: string;
  acceptedOn: string | null;
  committedDeadline: string | null;
  workingDaysLeft: number | null;
  light: DeadlineLight;
  overdue: boolean;
  supplementRequests: number;
  decision: string | null;
  version: number;
}

/** "My cases": an applicant's own; staff their unit's open cases; supervisors their region subtree; auditors all. */
@Injectable()
export class CaseSummaryQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: WorkingDayCalendar,
    private readonly cases: CaseStreams,
    private readonly config: CasesConfig,
  ) {}

  async mine(user: AuthenticatedUser, limit = 200): Promise<CaseSummary[]> {
    let where: string;
    let params: unknown[];
    if (user.roles.includes('auditor')) [where, params] = ['true', []];
    else if (user.roles.some((role) => STAFF_ROLES.includes(role)) && user.unitId) {
      [where, params] = [`unit_id = $1 AND status NOT IN ('completed', 'refused', 'revoked')`, [user.unitId]];
    } else if ((user.roles.includes('supervisor') || user.roles.includes('reform_office')) && user.regionCode) {
      [where, params] = [`region_code LIKE $1`, [`${user.regionCode.replace(/(00)+$/, '')}%`]];
    } else if (user.roles.includes('applicant')) [where, params] = ['applicant_id = $1', [user.userId]];
    else return [];
    const rows = (await this.dataSource.query(
      `SELECT * FROM cases_case_summaries WHERE ${where} ORDER BY committed_deadline NULLS LAST, received_on, case_id LIMIT ${Number(limit)}`,
      params,
    )) as Row[];
    const today = this.cases.today();
    return rows.map((row) => {
      const { light, workingDaysLeft } = deadlineLight(
        { status: row.status, committedDeadline: row.committed_deadline, suspended: row.suspended },
        today,
        this.config.CASES_DEADLINE_WARNING_DAYS,
        this.calendar,
      );
      return {
        caseId: row.case_id,
        unitId: row.unit_id,
        itemId: row.item_id,
        receiptVoucherNumber: row.receipt_voucher_number,
        status: row.status,
        pendingStep: row.status === 'in-progress' ? (row.approval_steps[row.completed_steps] ?? null) : null,
        receivedOn: row.received_on,
        acceptedOn: row.accepted_on,
        committedDeadline: row.committed_deadline,
        workingDaysLeft,
        light,
        overdue: row.overdue,
        supplementRequests: row.supplement_requests,
        decision: row.decision,
        version: row.stream_version,
      };
    });
  }
}
