import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Brings facts folded before the projects and supervision events were folded to today's shape
 * (fact.types.ts): a project's single target becomes its first target change, and the new fields
 * start empty. Facts are derived data, but in the embedded mode there is no Kafka history to rebuild
 * them from, so they are upgraded in place.
 */
export class UpgradeIndicatorFacts1764800000200 implements MigrationInterface {
  name = 'UpgradeIndicatorFacts1764800000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE analytics_facts
         SET fact = (fact - 'target') || jsonb_build_object(
               'targets', jsonb_build_array(jsonb_build_object('at', fact->'firstAt', 'target', coalesce(fact->'target', '""'::jsonb))),
               'delistedAt', coalesce(fact->'delistedAt', 'null'::jsonb),
               'approvalChain', coalesce(fact->'approvalChain', 'null'::jsonb))
       WHERE kind = 'project' AND NOT fact ? 'targets'`);
    await queryRunner.query(`
      UPDATE analytics_facts SET fact = fact || '{"answeredAt": null}'::jsonb
       WHERE kind = 'rating' AND NOT fact ? 'answeredAt'`);
  }

  async down(): Promise<void> {
    // The old shape cannot hold what the new one records; facts can be rebuilt from Kafka instead.
  }
}
