import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The relay's checkpoint, the consumers' record of processed events, and dead letters. */
export class CreateMessaging1764300000100 implements MigrationInterface {
  name = 'CreateMessaging1764300000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE relay_checkpoints (
        relay         text PRIMARY KEY,
        log_sequence  bigint NOT NULL,
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE processed_messages (
        consumer_group  text NOT NULL,
        event_id        uuid NOT NULL,
        processed_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, event_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE dead_letters (
        id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        consumer_group  text NOT NULL,
        topic           text NOT NULL,
        partition       integer NOT NULL,
        "offset"        text NOT NULL,
        message_key     text,
        value           bytea NOT NULL,
        error           text NOT NULL,
        attempts        integer NOT NULL,
        failed_at       timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE dead_letters, processed_messages, relay_checkpoints`);
  }
}
