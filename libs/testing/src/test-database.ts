import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { testInfrastructure } from './infrastructure.js';

let counter = 0;

export interface TestDatabase {
  name: string;
  /** Connection URL as the superuser (the test's administrator). */
  url: string;
  drop(): Promise<void>;
}

/** Creates a fresh PostgreSQL database for one test file, named after the run. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const infra = testInfrastructure();
  const name = `${infra.runId}_${label}_${randomBytes(3).toString('hex')}_${++counter}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const admin = new Client({ connectionString: infra.postgresUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(infra.postgresUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: infra.postgresUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * A name unique to this run, for topics, consumer groups and key prefixes. The random part
 * matters: Jest reloads this module for every test file, so the counter starts again.
 */
export function uniqueName(label: string): string {
  return `${testInfrastructure().runId}.${label}.${randomBytes(3).toString('hex')}.${++counter}`;
}

/**
 * Changes history the only way left to anyone: as a superuser with the append-only triggers switched
 * off (`session_replication_role = replica`), for tests that show the tampering is found.
 */
export async function changeHistoryAsSuperuser(databaseUrl: string, sql: string, params: unknown[]): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`SET session_replication_role = replica`);
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}
