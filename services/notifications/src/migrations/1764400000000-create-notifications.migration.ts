import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory of people and units (the only place their contact points live), the copy of each
 * case's parties, the delivery outbox and the in-app inbox.
 */
export class CreateNotifications1764400000000 implements MigrationInterface {
  name = 'CreateNotifications1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE people (
        person_id   text PRIMARY KEY,
        email       text,
        phone       text,
        language    text NOT NULL DEFAULT 'zh-CN',
        channels    text[] NOT NULL DEFAULT '{inbox}',
        updated_at  timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE unit_contacts (
        unit_id        text PRIMARY KEY,
        webhook_url    text,
        handler_id     text,
        backup_id      text,
        supervisor_id  text,
        updated_at     timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE case_parties (
        case_id                 text PRIMARY KEY,
        applicant_id            text NOT NULL,
        unit_id                 text NOT NULL,
        receipt_voucher_number  text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE deliveries (
        id                  uuid PRIMARY KEY,
        seq                 bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        dedup_key           text NOT NULL UNIQUE,
        trigger_event_id    uuid NOT NULL,
        trigger_event_type  text NOT NULL,
        correlation_id      text NOT NULL,
        recipient_id        text NOT NULL,
        channel             text NOT NULL,
        address             text NOT NULL,
        language            text NOT NULL,
        template_id         text NOT NULL,
        template_version    integer NOT NULL,
        subject             text NOT NULL,
        body                text NOT NULL,
        case_id             text,
        urgent              boolean NOT NULL,
        status              text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts            integer NOT NULL DEFAULT 0,
        events_recorded     integer NOT NULL DEFAULT 0,
        not_before          timestamptz NOT NULL,
        last_error          text,
        created_at          timestamptz NOT NULL,
        finished_at         timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX deliveries_due ON deliveries (not_before, seq) WHERE status = 'pending'`);
    await queryRunner.query(`CREATE INDEX deliveries_failed ON deliveries (finished_at DESC) WHERE status = 'failed'`);
    await queryRunner.query(`CREATE INDEX deliveries_recipient_sent ON deliveries (recipient_id, finished_at) WHERE status = 'delivered'`);
    await queryRunner.query(`
      CREATE TABLE inbox_messages (
        id           uuid PRIMARY KEY REFERENCES deliveries (id),
        person_id    text NOT NULL,
        template_id  text NOT NULL,
        subject      text NOT NULL,
        body         text NOT NULL,
        case_id      text,
        created_at   timestamptz NOT NULL,
        read_at      timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX inbox_messages_person ON inbox_messages (person_id, created_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE inbox_messages, deliveries, case_parties, unit_contacts, people`);
  }
}
