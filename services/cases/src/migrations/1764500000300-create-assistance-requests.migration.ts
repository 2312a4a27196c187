import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The assistance inbox (行政协助): every request for assistance, by the unit asked, with its answer once
 * given. Kept by the case-summary projection; the requests and answers already stored are copied in here
 * (the projection applies any it had not reached yet again, without effect).
 */
export class CreateAssistanceRequests1764500000300 implements MigrationInterface {
  name = 'CreateAssistanceRequests1764500000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE cases_assistance_requests (
        request_id           text PRIMARY KEY,
        case_id              text NOT NULL,
        from_unit_id         text NOT NULL,
        to_unit_id           text NOT NULL,
        question             text NOT NULL,
        limit_days           integer NOT NULL,
        due_on               text NOT NULL,
        requested_at         timestamptz NOT NULL,
        answered_on          text,
        opinion              text,
        answered_by_user_id  text
      )`);
    // The inbox reads a unit's requests due first; the pending ones are most of what is asked for.
    await queryRunner.query(`CREATE INDEX cases_assistance_requests_pending ON cases_assistance_requests (to_unit_id, due_on) WHERE answered_on IS NULL`);
    await queryRunner.query(`CREATE INDEX cases_assistance_requests_asked ON cases_assistance_requests (to_unit_id, due_on)`);
    await queryRunner.query(`
      INSERT INTO cases_assistance_requests (request_id, case_id, from_unit_id, to_unit_id, question, limit_days, due_on, requested_at)
        SELECT data->>'requestId', data->>'caseId', data->>'fromUnitId', data->>'toUnitId', data->>'question', (data->>'limitDays')::integer,
               data->>'dueOn', recorded_at
          FROM events WHERE event_type = 'cases.AssistanceRequested'
        ON CONFLICT (request_id) DO NOTHING`);
    await queryRunner.query(`
      UPDATE cases_assistance_requests AS a
         SET answered_on = e.data->>'answeredOn', opinion = e.data->>'opinion', answered_by_user_id = e.data->>'answeredByUserId'
        FROM events e
       WHERE e.event_type = 'cases.AssistanceAnswered' AND a.request_id = e.data->>'requestId'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE cases_assistance_requests`);
  }
}
