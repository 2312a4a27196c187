import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Answers to commands sent with an Idempotency-Key, per caller and key, until they expire. */
export class CreateIdempotencyKeys1764500000100 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1764500000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE cases_idempotency_keys (
        user_id           text NOT NULL,
        idempotency_key   text NOT NULL,
        request_hash      text NOT NULL,
        response_status   integer NOT NULL,
        response_body     jsonb NOT NULL,
        created_at        timestamptz NOT NULL DEFAULT now(),
        expires_at        timestamptz NOT NULL,
        PRIMARY KEY (user_id, idempotency_key)
      )`);
    await queryRunner.query(`CREATE INDEX cases_idempotency_keys_expiry ON cases_idempotency_keys (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE cases_idempotency_keys`);
  }
}
