import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The gateway's user directory for the local sign-in: bcrypt hashes only, never passwords. */
export class CreateGatewayUsers1764900000000 implements MigrationInterface {
  name = 'CreateGatewayUsers1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE gateway_users (
        user_id       text PRIMARY KEY,
        username      text NOT NULL,
        password_hash text NOT NULL,
        display_name  text NOT NULL,
        roles         text[] NOT NULL,
        unit_id       text,
        region_code   text,
        disabled      boolean NOT NULL DEFAULT false,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
    // Sign-in looks people up by name, whatever case they type it in.
    await queryRunner.query(`CREATE UNIQUE INDEX gateway_users_username ON gateway_users (lower(username))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE gateway_users`);
  }
}
