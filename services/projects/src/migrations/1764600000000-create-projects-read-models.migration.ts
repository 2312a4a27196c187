import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The projects service's tables besides the event store: the local catalog copy and the followed cases
 * (both fed by other contexts' events through consumers), and the read model of its own log.
 */
export class CreateProjectsReadModels1764600000000 implements MigrationInterface {
  name = 'CreateProjectsReadModels1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Fed by catalog events (consumer group projects.catalog-copy).
    await queryRunner.query(`
      CREATE TABLE projects_catalog_items (
        item_id               text PRIMARY KEY,
        unit_id               text NOT NULL,
        region_code           text NOT NULL,
        revision              integer NOT NULL,
        name                  text NOT NULL,
        advance_service       boolean NOT NULL,
        statutory_limit_days  integer NOT NULL,
        committed_limit_days  integer NOT NULL,
        approaches            jsonb NOT NULL,
        kinds                 jsonb NOT NULL,
        withdrawn             boolean NOT NULL DEFAULT false,
        updated_by_event      text NOT NULL
      )`);
    // Fed by cases events (consumer group projects.case-links): which cases this service follows, for whom.
    await queryRunner.query(`
      CREATE TABLE projects_followed_cases (
        case_id               text NOT NULL,
        stream_id             text NOT NULL,
        kind                  text NOT NULL,
        item_id               text NOT NULL,
        received_on           text NOT NULL,
        supplement_requests   integer NOT NULL DEFAULT 0,
        acceptance_refused    boolean NOT NULL DEFAULT false,
        accepted_on           text,
        decided_on            text,
        decision              text,
        PRIMARY KEY (case_id, stream_id)
      )`);
    await queryRunner.query(`CREATE INDEX projects_followed_cases_stream ON projects_followed_cases (stream_id)`);

    // The read model of the service's own log (projection projects-read-model).
    await queryRunner.query(`
      CREATE TABLE projects_projects (
        project_id            text PRIMARY KEY,
        name                  text NOT NULL,
        unit_id               text NOT NULL,
        level                 text NOT NULL,
        list_region_code      text NOT NULL,
        site_region_code      text NOT NULL,
        owner_id              text NOT NULL,
        industry              text NOT NULL,
        investment_ten_thousand_yuan bigint NOT NULL,
        industrial            boolean NOT NULL,
        target                text NOT NULL,
        listing_year          integer NOT NULL,
        status                text NOT NULL,
        batch_number          integer,
        published_on          text,
        milestones            jsonb NOT NULL DEFAULT '[]',
        landed_on             text,
        exclusion             text,
        year_outcome          text,
        open_change_request   text,
        chain_planned         boolean NOT NULL DEFAULT false,
        chain_flagged_on      text,
        chain_completed_on    text,
        updated_at            timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX projects_projects_list ON projects_projects (listing_year, list_region_code text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX projects_projects_unit ON projects_projects (unit_id, listing_year)`);
    // The risk scanner's candidates: chains planned, running, not flagged yet.
    await queryRunner.query(`CREATE INDEX projects_projects_open_chains ON projects_projects (project_id) WHERE chain_planned AND chain_flagged_on IS NULL AND chain_completed_on IS NULL`);
    await queryRunner.query(`
      CREATE TABLE projects_list_batches (
        batch_id              text PRIMARY KEY,
        level                 text NOT NULL,
        region_code           text NOT NULL,
        listing_year          integer NOT NULL,
        batch_number          integer NOT NULL,
        title                 text NOT NULL,
        project_ids           jsonb NOT NULL,
        published_on          text NOT NULL,
        closed_on             text
      )`);
    await queryRunner.query(`CREATE INDEX projects_list_batches_list ON projects_list_batches (listing_year, region_code text_pattern_ops)`);
    // The year-end closer's candidates: lists of past years not closed yet.
    await queryRunner.query(`CREATE INDEX projects_list_batches_open ON projects_list_batches (listing_year) WHERE closed_on IS NULL`);
    // What the cases consumer looks a received case up by: the enterprise and the item it applies for.
    await queryRunner.query(`
      CREATE TABLE projects_approval_slots (
        project_id            text NOT NULL,
        approval_id           text NOT NULL,
        item_id               text NOT NULL,
        owner_id              text NOT NULL,
        PRIMARY KEY (project_id, approval_id)
      )`);
    await queryRunner.query(`CREATE INDEX projects_approval_slots_owner ON projects_approval_slots (owner_id, item_id)`);
    await queryRunner.query(`
      CREATE TABLE projects_advance_services (
        request_id            text PRIMARY KEY,
        item_id               text NOT NULL,
        unit_id               text NOT NULL,
        region_code           text NOT NULL,
        applicant_id          text NOT NULL,
        approach              text NOT NULL,
        origin                text NOT NULL,
        status                text NOT NULL,
        requested_on          text NOT NULL,
        scheduled_on          text,
        delivered_on          text,
        linked_cases          integer NOT NULL DEFAULT 0
      )`);
    await queryRunner.query(`CREATE INDEX projects_advance_services_applicant ON projects_advance_services (applicant_id, requested_on)`);
    await queryRunner.query(`CREATE INDEX projects_advance_services_unit ON projects_advance_services (unit_id, status)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['projects_advance_services', 'projects_approval_slots', 'projects_list_batches', 'projects_projects', 'projects_followed_cases', 'projects_catalog_items']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
