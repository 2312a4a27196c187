import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deliveries are claimed with a lease instead of a row lock held while sending (a slow channel no
 * longer keeps a transaction open), and the copies of other contexts' facts that later events need:
 * inspection plans, named backups (AB角), assistance requests and advance-service requests.
 */
export class DeliveryLeasesAndContextCopies1764600000000 implements MigrationInterface {
  name = 'DeliveryLeasesAndContextCopies1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE deliveries
        ADD COLUMN claimed_by     text,
        ADD COLUMN claimed_until  timestamptz,
        ADD COLUMN claim_count    integer NOT NULL DEFAULT 0`);
    // The worker claims per channel, so that a slow channel's backlog does not hide the others' rows.
    await queryRunner.query(`DROP INDEX deliveries_due`);
    await queryRunner.query(`CREATE INDEX deliveries_due ON deliveries (channel, not_before, seq) WHERE status = 'pending'`);
    // A recipient's older due deliveries on the channel are looked up for every claim (order per recipient).
    await queryRunner.query(`CREATE INDEX deliveries_pending_by_recipient ON deliveries (recipient_id, channel, seq) WHERE status = 'pending'`);
    // The recipients being sent to right now (few rows: a lease is released when its outcome is recorded).
    await queryRunner.query(`CREATE INDEX deliveries_claimed ON deliveries (channel, recipient_id) WHERE claimed_until IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE inspection_plans (
        plan_id  text PRIMARY KEY,
        title    text NOT NULL,
        method   integer NOT NULL,
        draw_on  text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE handler_backups (
        unit_id          text NOT NULL,
        handler_user_id  text NOT NULL,
        backup_user_id   text NOT NULL,
        PRIMARY KEY (unit_id, handler_user_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE assistance_requests (
        case_id       text NOT NULL,
        request_id    text NOT NULL,
        from_unit_id  text NOT NULL,
        to_unit_id    text NOT NULL,
        question      text NOT NULL,
        PRIMARY KEY (case_id, request_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE advance_service_requests (
        request_id    text PRIMARY KEY,
        applicant_id  text NOT NULL,
        unit_id       text NOT NULL,
        subject       text NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE advance_service_requests, assistance_requests, handler_backups, inspection_plans`);
    await queryRunner.query(`DROP INDEX deliveries_due, deliveries_pending_by_recipient, deliveries_claimed`);
    await queryRunner.query(`CREATE INDEX deliveries_due ON deliveries (not_before, seq) WHERE status = 'pending'`);
    await queryRunner.query(`ALTER TABLE deliveries DROP COLUMN claimed_by, DROP COLUMN claimed_until, DROP COLUMN claim_count`);
  }
}
