import type { QueryRunner } from 'typeorm';

/**
 * Grants a service's runtime role what it needs and no more on the event history: it may
 * INSERT and SELECT events and log entries, never UPDATE, DELETE or TRUNCATE them. Other
 * tables of the schema (snapshots, checkpoints, read models) stay fully writable.
 * Run by the schema owner after migrations.
 */
export async function grantServiceRole(queryRunner: QueryRunner, role: string, schema = 'public'): Promise<void> {
  const quotedRole = `"${role.replace(/"/g, '""')}"`;
  const quotedSchema = `"${schema.replace(/"/g, '""')}"`;
  await queryRunner.query(`GRANT USAGE ON SCHEMA ${quotedSchema} TO ${quotedRole}`);
  await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${quotedSchema} TO ${quotedRole}`);
  await queryRunner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${quotedSchema} TO ${quotedRole}`);
  await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${quotedSchema}.events, ${quotedSchema}.event_log FROM ${quotedRole}`);
}
