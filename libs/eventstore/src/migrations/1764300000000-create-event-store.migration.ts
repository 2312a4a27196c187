import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only event table, the sealed global log, snapshots and checkpoints.
 * Triggers refuse UPDATE, DELETE and TRUNCATE on events and the log for every role. Only the
 * tables' owner or a superuser can switch the triggers off, which is why a service runs as a
 * role that owns nothing (DATABASE_MIGRATION_URL); whoever rewrites history anyway is named by
 * the chain verifier at the first event that no longer matches.
 */
export class CreateEventStore1764300000000 implements MigrationInterface {
  name = 'CreateEventStore1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE events (
        position        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id  xid8 NOT NULL DEFAULT pg_current_xact_id(),
        event_id        uuid NOT NULL UNIQUE,
        stream_id       text NOT NULL,
        stream_version  integer NOT NULL CHECK (stream_version > 0),
        event_type      text NOT NULL,
        schema_version  integer NOT NULL CHECK (schema_version > 0),
        data            jsonb NOT NULL,
        metadata        jsonb NOT NULL,
        recorded_at     timestamptz NOT NULL,
        content_digest  text NOT NULL,
        previous_hash   text NOT NULL,
        hash            text NOT NULL,
        CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version)
      )`);
    await queryRunner.query(`CREATE INDEX events_log_order ON events (transaction_id, position)`);
    await queryRunner.query(`
      CREATE TABLE event_log (
        log_sequence    bigint PRIMARY KEY CHECK (log_sequence > 0),
        position        bigint NOT NULL UNIQUE REFERENCES events (position),
        chain_hash      text NOT NULL,
        sealed_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE snapshots (
        stream_id       text PRIMARY KEY,
        stream_version  integer NOT NULL,
        schema_version  integer NOT NULL,
        state           jsonb NOT NULL,
        taken_at        timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE projection_checkpoints (
        projection      text PRIMARY KEY,
        transaction_id  xid8 NOT NULL,
        position        bigint NOT NULL,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% on % refused: the event history is append-only', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['events', 'event_log']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
           FOR EACH ROW EXECUTE FUNCTION refuse_history_change()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change()`,
      );
    }
  }

  async down(): Promise<void> {
    throw new Error('the event store is never dropped by a migration');
  }
}
