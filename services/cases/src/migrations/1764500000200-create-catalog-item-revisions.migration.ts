import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every published revision of the catalog items in the local copy, with the day it applies from, so a
 * revision applies to cases received from its effective day on. Existing items get their current
 * revision, in force at once.
 */
export class CreateCatalogItemRevisions1764500000200 implements MigrationInterface {
  name = 'CreateCatalogItemRevisions1764500000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE cases_catalog_item_revisions (
        item_id               text NOT NULL,
        revision              integer NOT NULL,
        effective_on          text NOT NULL,
        unit_id               text NOT NULL,
        region_code           text NOT NULL,
        name                  text NOT NULL,
        approval_steps        jsonb NOT NULL,
        immediate             boolean NOT NULL,
        statutory_limit_days  integer NOT NULL,
        committed_limit_days  integer NOT NULL,
        holiday_service       boolean NOT NULL,
        commitment_route      boolean NOT NULL,
        recorded_by_event     text NOT NULL,
        PRIMARY KEY (item_id, revision)
      )`);
    await queryRunner.query(`
      INSERT INTO cases_catalog_item_revisions
        SELECT item_id, revision, '', unit_id, region_code, name, approval_steps, immediate, statutory_limit_days,
               committed_limit_days, holiday_service, commitment_route, updated_by_event
          FROM cases_catalog_items`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE cases_catalog_item_revisions`);
  }
}
