import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Published statistics bulletins (统计通报). A bulletin never changes once published: a trigger
 * refuses UPDATE and DELETE for every role. A scheduled bulletin is published once per scope and
 * period, whichever replica gets there first.
 */
export class CreateAnalyticsBulletins1764800000100 implements MigrationInterface {
  name = 'CreateAnalyticsBulletins1764800000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE analytics_bulletins (
        bulletin_id uuid PRIMARY KEY,
        origin text NOT NULL CHECK (origin IN ('scheduled', 'on-demand')),
        title text NOT NULL,
        scope_level text NOT NULL,
        scope_region text NOT NULL,
        period_kind text NOT NULL,
        period_key text NOT NULL,
        as_of timestamptz NOT NULL,
        content jsonb NOT NULL,
        digest text NOT NULL,
        event_ranges jsonb NOT NULL,
        assessment jsonb NOT NULL,
        published_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX analytics_bulletins_scheduled ON analytics_bulletins (period_kind, period_key, scope_level, scope_region) WHERE origin = 'scheduled'`,
    );
    await queryRunner.query(`CREATE INDEX analytics_bulletins_published_at ON analytics_bulletins (published_at DESC)`);
    await queryRunner.query(`
      CREATE FUNCTION analytics_bulletins_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% on analytics_bulletins refused: a published bulletin never changes', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER analytics_bulletins_immutable BEFORE UPDATE OR DELETE ON analytics_bulletins FOR EACH ROW EXECUTE FUNCTION analytics_bulletins_immutable()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE analytics_bulletins`);
    await queryRunner.query(`DROP FUNCTION analytics_bulletins_immutable()`);
  }
}
