import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalog's read model, fed from its event log by CatalogReadModelProjection: registered units,
 * the published catalogs with a trigram index for Chinese substring search, every published version
 * of every item, the batches, the items' workflow for staff, and the generation counter that keys
 * the public cache.
 */
export class CreateCatalogReadModel1764400000000 implements MigrationInterface {
  name = 'CreateCatalogReadModel1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // pg_trgm indexes substrings of any script: `LIKE '%营业执照%'` uses the trigram index below.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // A keyword of one or two characters (许可, 药品) has no trigram to look up, and most Chinese words
    // are two characters long: the characters and character pairs of a text answer those instead
    // (through the expression index below; the exact match needs no recheck, so no per-row call).
    await queryRunner.query(`
      CREATE FUNCTION catalog_search_grams(search_text text) RETURNS text[]
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$
          SELECT coalesce(array_agg(DISTINCT gram), '{}')
            FROM (SELECT substr(search_text, i, 1) AS gram FROM generate_series(1, length(search_text)) AS i
                  UNION ALL
                  SELECT substr(search_text, i, 2) FROM generate_series(1, length(search_text) - 1) AS i) AS grams
           WHERE gram !~ '[[:space:]]'
        $$`);

    await queryRunner.query(`
      CREATE TABLE catalog_units (
        unit_id        text PRIMARY KEY,
        name           text NOT NULL,
        unit_kind      text NOT NULL,
        level          text NOT NULL,
        region_code    text NOT NULL,
        registered_at  timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX catalog_units_region ON catalog_units (region_code text_pattern_ops)`);

    // One row per item currently in a published catalog (withdrawn items leave it). Narrow on purpose:
    // the full definitions live in catalog_item_versions, so that searches scan few pages.
    await queryRunner.query(`
      CREATE TABLE catalog_published_items (
        item_id               uuid PRIMARY KEY,
        unit_id               text NOT NULL,
        unit_name             text NOT NULL,
        level                 text NOT NULL,
        region_code           text NOT NULL,
        region_name           text NOT NULL,
        kind                  text NOT NULL,
        completion_mode       text,
        name                  text NOT NULL,
        basic_code            text NOT NULL,
        statutory_limit_days  integer,
        committed_limit_days  integer,
        revision              integer NOT NULL,
        search_text           text NOT NULL,
        batch_id              uuid NOT NULL,
        batch_number          integer NOT NULL,
        published_on          date NOT NULL,
        effective_on          date NOT NULL
      )`);
    // fastupdate off: catalog changes are rare, and a GIN pending list would make the planner
    // distrust these indexes (and scan the table) until the next vacuum.
    await queryRunner.query(
      `CREATE INDEX catalog_published_items_search ON catalog_published_items USING gin (search_text gin_trgm_ops) WITH (fastupdate = off)`,
    );
    await queryRunner.query(
      `CREATE INDEX catalog_published_items_grams ON catalog_published_items USING gin (catalog_search_grams(search_text)) WITH (fastupdate = off)`,
    );
    await queryRunner.query(`CREATE INDEX catalog_published_items_region ON catalog_published_items (region_code text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX catalog_published_items_unit ON catalog_published_items (unit_id)`);
    await queryRunner.query(`CREATE INDEX catalog_published_items_order ON catalog_published_items (published_on DESC, item_id)`);

    // Every version an item has had in a catalog: its publication, each revision, its withdrawal.
    await queryRunner.query(`
      CREATE TABLE catalog_item_versions (
        item_id             uuid NOT NULL,
        stream_version      integer NOT NULL,
        change              text NOT NULL CHECK (change IN ('published', 'revised', 'withdrawn')),
        revision            integer NOT NULL,
        unit_id             text NOT NULL,
        level               text NOT NULL,
        region_code         text NOT NULL,
        definition          jsonb NOT NULL,
        decided_on          date NOT NULL,
        effective_on        date NOT NULL,
        batch_id            uuid,
        batch_number        integer,
        change_request_id   uuid,
        approval_reference  text,
        reason              text,
        PRIMARY KEY (item_id, stream_version)
      )`);

    await queryRunner.query(`
      CREATE TABLE catalog_batches (
        batch_id      uuid PRIMARY KEY,
        kind          text NOT NULL,
        level         text NOT NULL,
        region_code   text NOT NULL,
        batch_year    integer NOT NULL,
        batch_number  integer NOT NULL,
        title         text NOT NULL,
        published_on  date NOT NULL,
        items         jsonb NOT NULL,
        UNIQUE (kind, level, region_code, batch_year, batch_number)
      )`);
    await queryRunner.query(`CREATE INDEX catalog_batches_region ON catalog_batches (region_code text_pattern_ops)`);

    // Where each item stands, for the unit and the reform office; not public.
    await queryRunner.query(`
      CREATE TABLE catalog_item_workflow (
        item_id                    uuid PRIMARY KEY,
        unit_id                    text NOT NULL,
        level                      text NOT NULL,
        region_code                text NOT NULL,
        kind                       text NOT NULL,
        name                       text NOT NULL,
        status                     text NOT NULL,
        rejection_reason           text,
        pending_change_request_id  uuid,
        pending_change             text,
        unauthorized_attempts      integer NOT NULL DEFAULT 0,
        updated_at                 timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX catalog_item_workflow_region ON catalog_item_workflow (region_code text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX catalog_item_workflow_unit ON catalog_item_workflow (unit_id)`);

    // Bumped in the transaction of every projected batch: a cache key that names the generation
    // can never be served after the change it predates has been handled. The epoch tells this
    // database's generations from those of an earlier one (a restore, a re-created database) that
    // may still be cached under the same numbers.
    await queryRunner.query(`
      CREATE TABLE catalog_read_model_state (
        singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        epoch       uuid NOT NULL DEFAULT gen_random_uuid(),
        generation  bigint NOT NULL
      )`);
    await queryRunner.query(`INSERT INTO catalog_read_model_state (generation) VALUES (0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TABLE catalog_read_model_state, catalog_item_workflow, catalog_batches, catalog_item_versions, catalog_published_items, catalog_units`,
    );
    await queryRunner.query(`DROP FUNCTION catalog_search_grams(text)`);
  }
}
