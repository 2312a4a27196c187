import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cases service's read models: the local copy of the published catalog items it handles (fed by
 * catalog events only) and the case summaries (fed by the service's own event log).
 */
export class CreateCasesReadModels1764500000000 implements MigrationInterface {
  name = 'CreateCasesReadModels1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE cases_catalog_items (
        item_id               text PRIMARY KEY,
        unit_id               text NOT NULL,
        region_code           text NOT NULL,
        revision              integer NOT NULL,
        name                  text NOT NULL,
        approval_steps        jsonb NOT NULL,
        immediate             boolean NOT NULL,
        statutory_limit_days  integer NOT NULL,
        committed_limit_days  integer NOT NULL,
        holiday_service       boolean NOT NULL,
        commitment_route      boolean NOT NULL DEFAULT false,
        withdrawn             boolean NOT NULL DEFAULT false,
        effective_on          text NOT NULL DEFAULT '',
        updated_by_event      text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE cases_case_summaries (
        case_id               text PRIMARY KEY,
        unit_id               text NOT NULL,
        region_code           text NOT NULL,
        item_id               text NOT NULL,
        applicant_id          text NOT NULL,
        first_asked_user_id   text NOT NULL,
        responsible_user_id   text NOT NULL,
        receipt_voucher_number text NOT NULL,
        status                text NOT NULL,
        approval_steps        jsonb NOT NULL,
        completed_steps       integer NOT NULL DEFAULT 0,
        received_on           text NOT NULL,
        accepted_on           text,
        committed_deadline    text,
        suspended             boolean NOT NULL DEFAULT false,
        overdue               boolean NOT NULL DEFAULT false,
        warned_for_deadline   text NOT NULL DEFAULT '',
        supplement_requests   integer NOT NULL DEFAULT 0,
        decision              text,
        commitment_signed     boolean NOT NULL DEFAULT false,
        decided_on            text,
        stream_version        integer NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX cases_case_summaries_unit ON cases_case_summaries (unit_id, status)`);
    await queryRunner.query(`CREATE INDEX cases_case_summaries_responsible ON cases_case_summaries (unit_id, responsible_user_id)`);
    await queryRunner.query(`CREATE INDEX cases_case_summaries_applicant ON cases_case_summaries (applicant_id)`);
    await queryRunner.query(`CREATE INDEX cases_case_summaries_deadline ON cases_case_summaries (committed_deadline) WHERE status = 'in-progress'`);
    await queryRunner.query(`CREATE INDEX cases_case_summaries_region ON cases_case_summaries (region_code text_pattern_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE cases_case_summaries`);
    await queryRunner.query(`DROP TABLE cases_catalog_items`);
  }
}
