import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Supervision's read models: the local copy of cases it watches (fed by cases events only), and the
 * registries, plans, inspections, findings, verifications, ratings, complaints, window visits and
 * credit standings fed from the service's own event log by SupervisionReadModelProjection.
 * Region columns come from each event's metadata and are indexed for subtree prefixes.
 */
export class CreateSupervisionReadModels1764600000000 implements MigrationInterface {
  name = 'CreateSupervisionReadModels1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    // What supervision knows of cases: who may rate which completed case.
    await q(`
      CREATE TABLE sup_cases (
        case_id          text PRIMARY KEY,
        unit_id          text NOT NULL,
        item_id          text NOT NULL,
        region_code      text NOT NULL,
        applicant_kind   text NOT NULL,
        applicant_id     text NOT NULL,
        completed        boolean NOT NULL DEFAULT false
      )`);
    await q(`
      CREATE TABLE sup_inspection_items (
        inspection_item_id       text PRIMARY KEY,
        name                     text NOT NULL,
        legal_basis              text NOT NULL,
        inspecting_unit_id       text NOT NULL,
        target_kind              text NOT NULL,
        proportion_basis_points  integer NOT NULL,
        frequency                text NOT NULL,
        method                   text NOT NULL,
        inspector_qualification  text NOT NULL,
        region_code              text NOT NULL
      )`);
    await q(`
      CREATE TABLE sup_targets (
        target_id           text PRIMARY KEY,
        kind                text NOT NULL,
        name                text NOT NULL,
        affiliated_unit_id  text NOT NULL,
        region_code         text NOT NULL
      )`);
    await q(`CREATE INDEX sup_targets_region ON sup_targets (region_code text_pattern_ops, kind)`);
    await q(`
      CREATE TABLE sup_inspectors (
        inspector_id    text PRIMARY KEY,
        unit_id         text NOT NULL,
        qualifications  text[] NOT NULL,
        region_code     text NOT NULL
      )`);
    await q(`CREATE INDEX sup_inspectors_region ON sup_inspectors (region_code text_pattern_ops)`);
    await q(`
      CREATE TABLE sup_conflicts (
        inspector_id  text NOT NULL,
        target_id     text NOT NULL,
        reason        text NOT NULL,
        PRIMARY KEY (inspector_id, target_id)
      )`);
    await q(`
      CREATE TABLE sup_plans (
        plan_id             text PRIMARY KEY,
        title               text NOT NULL,
        region_code         text NOT NULL,
        inspection_item_id  text NOT NULL DEFAULT '',
        status              text NOT NULL,
        seed_commitment     text NOT NULL,
        lists_digest        text NOT NULL DEFAULT '',
        target_count        integer NOT NULL,
        draw_on             text NOT NULL,
        drawn_on            text
      )`);
    await q(`CREATE INDEX sup_plans_region ON sup_plans (region_code text_pattern_ops)`);
    await q(`
      CREATE TABLE sup_inspections (
        inspection_id  text PRIMARY KEY,
        plan_id        text NOT NULL,
        target_id      text NOT NULL,
        inspector_ids  text[] NOT NULL,
        region_code    text NOT NULL,
        drawn_on       text NOT NULL,
        outcome        text,
        summary        text,
        inspected_on   text,
        published_on   text,
        due_on         text,
        late           boolean NOT NULL DEFAULT false
      )`);
    await q(`CREATE INDEX sup_inspections_plan ON sup_inspections (plan_id)`);
    await q(`CREATE INDEX sup_inspections_published ON sup_inspections (region_code text_pattern_ops, published_on) WHERE published_on IS NOT NULL`);
    await q(`
      CREATE TABLE sup_findings (
        finding_id    text PRIMARY KEY,
        source        text NOT NULL,
        source_id     text NOT NULL,
        category      text NOT NULL,
        unit_id       text NOT NULL,
        case_id       text NOT NULL,
        region_code   text NOT NULL,
        description   text NOT NULL,
        status        text NOT NULL,
        due_on        text,
        answered_late boolean NOT NULL DEFAULT false,
        overdue       boolean NOT NULL DEFAULT false,
        raised_at     timestamptz NOT NULL
      )`);
    await q(`CREATE INDEX sup_findings_unit ON sup_findings (unit_id, raised_at DESC)`);
    await q(`CREATE INDEX sup_findings_region ON sup_findings (region_code text_pattern_ops, raised_at DESC)`);
    await q(`CREATE INDEX sup_findings_due ON sup_findings (due_on) WHERE status = 'ordered'`);
    await q(`
      CREATE TABLE sup_verifications (
        verification_id  text PRIMARY KEY,
        case_id          text NOT NULL,
        unit_id          text NOT NULL,
        item_id          text NOT NULL,
        region_code      text NOT NULL,
        decided_on       text NOT NULL,
        due_on           text NOT NULL,
        status           text NOT NULL,
        outcome          text,
        concluded_on     text,
        overdue          boolean NOT NULL DEFAULT false
      )`);
    await q(`CREATE INDEX sup_verifications_due ON sup_verifications (due_on) WHERE status = 'open'`);
    await q(`CREATE INDEX sup_verifications_region ON sup_verifications (region_code text_pattern_ops, status)`);
    await q(`
      CREATE TABLE sup_ratings (
        rating_id      text PRIMARY KEY,
        case_id        text NOT NULL UNIQUE,
        unit_id        text NOT NULL,
        item_id        text NOT NULL,
        region_code    text NOT NULL,
        grade          text NOT NULL,
        bad            boolean NOT NULL,
        status         text NOT NULL,
        answer_due_on  text,
        answered_on    text,
        answered_late  boolean NOT NULL DEFAULT false,
        overdue        boolean NOT NULL DEFAULT false,
        rated_at       timestamptz NOT NULL
      )`);
    await q(`CREATE INDEX sup_ratings_unit ON sup_ratings (unit_id, grade)`);
    await q(`CREATE INDEX sup_ratings_region ON sup_ratings (region_code text_pattern_ops, grade)`);
    await q(`CREATE INDEX sup_ratings_due ON sup_ratings (answer_due_on) WHERE status = 'referred'`);
    await q(`
      CREATE TABLE sup_complaints (
        complaint_id   text PRIMARY KEY,
        subject_id     text NOT NULL,
        case_id        text NOT NULL,
        region_code    text NOT NULL,
        description    text NOT NULL,
        status         text NOT NULL,
        substantiated  boolean,
        lodged_on      text NOT NULL
      )`);
    await q(`CREATE INDEX sup_complaints_subject ON sup_complaints (subject_id) WHERE status <> 'dismissed'`);
    await q(`CREATE INDEX sup_complaints_region ON sup_complaints (region_code text_pattern_ops, lodged_on DESC)`);
    await q(`
      CREATE TABLE sup_window_inspections (
        window_inspection_id  text PRIMARY KEY,
        unit_id               text NOT NULL,
        region_code           text NOT NULL,
        method                text NOT NULL,
        visited_on            text NOT NULL,
        checks                jsonb NOT NULL,
        failed_checks         integer NOT NULL
      )`);
    await q(`CREATE INDEX sup_window_inspections_unit ON sup_window_inspections (unit_id, visited_on DESC)`);
    await q(`CREATE INDEX sup_window_inspections_region ON sup_window_inspections (region_code text_pattern_ops, visited_on DESC)`);
    await q(`
      CREATE TABLE sup_credit (
        subject_id    text PRIMARY KEY,
        subject_kind  text NOT NULL,
        score         integer NOT NULL,
        credit_class  text NOT NULL,
        records       integer NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TABLE sup_credit, sup_window_inspections, sup_complaints, sup_ratings, sup_verifications, sup_findings, sup_inspections, sup_plans,
         sup_conflicts, sup_inspectors, sup_targets, sup_inspection_items, sup_cases`,
    );
  }
}
