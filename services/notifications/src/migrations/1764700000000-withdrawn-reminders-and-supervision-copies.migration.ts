import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A scheduled delivery can be withdrawn (a rectification reminder once the unit has answered), and
 * the facts later events need: a rating's applicant and comment, a complaint's complainant, a
 * project's name and following unit.
 */
export class WithdrawnRemindersAndSupervisionCopies1764700000000 implements MigrationInterface {
  name = 'WithdrawnRemindersAndSupervisionCopies1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE deliveries DROP CONSTRAINT deliveries_status_check`);
    await queryRunner.query(`ALTER TABLE deliveries ADD CONSTRAINT deliveries_status_check CHECK (status IN ('pending', 'delivered', 'failed', 'withdrawn'))`);
    await queryRunner.query(`ALTER TABLE deliveries ADD COLUMN withdraw_key text`);
    await queryRunner.query(`CREATE INDEX deliveries_withdrawable ON deliveries (withdraw_key) WHERE status = 'pending' AND withdraw_key IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE ratings (
        rating_id     text PRIMARY KEY,
        case_id       text NOT NULL,
        applicant_id  text NOT NULL,
        comment       text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE projects (
        project_id  text PRIMARY KEY,
        name        text NOT NULL,
        unit_id     text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE complaints (
        complaint_id    text PRIMARY KEY,
        complainant_id  text NOT NULL,
        lodged_on       text NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE complaints, projects, ratings`);
    await queryRunner.query(`DROP INDEX deliveries_withdrawable`);
    await queryRunner.query(`ALTER TABLE deliveries DROP COLUMN withdraw_key`);
    await queryRunner.query(`ALTER TABLE deliveries DROP CONSTRAINT deliveries_status_check`);
    await queryRunner.query(`ALTER TABLE deliveries ADD CONSTRAINT deliveries_status_check CHECK (status IN ('pending', 'delivered', 'failed'))`);
  }
}
