import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The indicator projection: one fact per event stream (jsonb, see fact.types.ts) and, committed in
 * the same transactions, how far each topic partition has been folded in.
 */
export class CreateIndicatorFacts1764800000000 implements MigrationInterface {
  name = 'CreateIndicatorFacts1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE analytics_facts (
        fact_key text PRIMARY KEY,
        kind text NOT NULL,
        version integer NOT NULL,
        first_at timestamptz NOT NULL,
        last_at timestamptz NOT NULL,
        fact jsonb NOT NULL
      )`);
    // A bulletin loads the facts with activity in its period (cases, ratings, inspections) and all of the small kinds.
    await queryRunner.query(`CREATE INDEX analytics_facts_kind_last_at ON analytics_facts (kind, last_at)`);
    await queryRunner.query(`
      CREATE TABLE analytics_offsets (
        topic text NOT NULL,
        partition integer NOT NULL,
        next_offset bigint NOT NULL CHECK (next_offset >= 0),
        PRIMARY KEY (topic, partition)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE analytics_offsets`);
    await queryRunner.query(`DROP TABLE analytics_facts`);
  }
}
