import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The assistance inbox (行政协助: every request for assistance, by the unit asked, with its answer once
 * given), and case summaries that list online applications from their submission. Both are kept by the
 * case-summary projection, which this migration sends back to the start of the log: on start-up it
 * rebuilds them from the stored events ("my cases" fills up again batch by batch).
 */
export class AssistanceInboxAndOnlineSummaries1764500000300 implements MigrationInterface {
  name = 'AssistanceInboxAndOnlineSummaries1764500000300';

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
    await queryRunner.query(`DELETE FROM cases_case_summaries`);
    await queryRunner.query(`DELETE FROM projection_checkpoints WHERE projection = 'cases.case-summary'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE cases_assistance_requests`);
  }
}
