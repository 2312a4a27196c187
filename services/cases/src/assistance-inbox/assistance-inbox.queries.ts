import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseStreams } from '../case/case.streams';

export const ASSISTANCE_STATES = ['pending', 'answered', 'all'] as const;
export type AssistanceState = (typeof ASSISTANCE_STATES)[number];

export interface IncomingAssistanceRequest {
  requestId: string;
  caseId: string;
  fromUnitId: string;
  question: string;
  limitDays: number;
  dueOn: string;
  requestedAt: string;
  /** Unanswered after its due day. */
  overdue: boolean;
  answeredOn: string | null;
  opinion: string | null;
  answeredByUserId: string | null;
}

interface Row {
  request_id: string;
  case_id: string;
  from_unit_id: string;
  question: string;
  limit_days: number;
  due_on: string;
  requested_at: Date;
  answered_on: string | null;
  opinion: string | null;
  answered_by_user_id: string | null;
}

const WHERE_STATE: Record<AssistanceState, string> = {
  pending: 'AND answered_on IS NULL',
  answered: 'AND answered_on IS NOT NULL',
  all: '',
};

/** The assistance inbox: the requests a unit was asked (行政协助), due first, 200 at most. */
@Injectable()
export class AssistanceInboxQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseStreams,
  ) {}

  async askedOf(unitId: string, state: AssistanceState): Promise<IncomingAssistanceRequest[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM cases_assistance_requests WHERE to_unit_id = $1 ${WHERE_STATE[state]} ORDER BY due_on, requested_at, request_id LIMIT 200`,
      [unitId],
    )) as Row[];
    const today = this.cases.today();
    return rows.map((row) => ({
      requestId: row.request_id,
      caseId: row.case_id,
      fromUnitId: row.from_unit_id,
      question: row.question,
      limitDays: row.limit_days,
      dueOn: row.due_on,
      requestedAt: row.requested_at.toISOString(),
      overdue: row.answered_on === null && row.due_on < today,
      answeredOn: row.answered_on,
      opinion: row.opinion,
      answeredByUserId: row.answered_by_user_id,
    }));
  }
}
