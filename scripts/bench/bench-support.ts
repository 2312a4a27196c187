// Shared pieces of the benchmark scripts: a throwaway database, a realistic event, pacing-free
// concurrent loops, percentiles, CPU sampling and a plain-text table. Not a test helper.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';
import { cpus } from 'node:os';
import { Client } from 'pg';
import { testInfrastructure } from '@sangeyipi/testing';

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** `CREATE DATABASE bench_<label>_<random>` on the test PostgreSQL; `drop()` removes it. */
export async function createBenchDatabase(label: string): Promise<BenchDatabase> {
  const adminUrl = process.env.BENCH_POSTGRES_URL ?? testInfrastructure().postgresUrl;
  const name = `bench_${label}_${randomBytes(4).toString('hex')}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  const database: BenchDatabase = {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
  cleanups.push(() => database.drop());
  return database;
}

async function withAdmin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const cleanups: Array<() => Promise<unknown>> = [];

/** Runs `main`, then every registered cleanup (also on Ctrl-C), and sets the exit code. */
export function runBenchmark(main: () => Promise<void>): void {
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error(`cleanup failed: ${String(error)}`));
    })());
  process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));
  main()
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    })
    .then(cleanUp)
    .then(() => process.exit());
}

export function onCleanup(cleanup: () => Promise<unknown>): void {
  cleanups.push(cleanup);
}

export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

export function envList(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  return raw ? raw.split(',').map((part) => Number(part.trim())) : fallback;
}

/** A case-received event as the cases service appends it: registered type, protobuf-JSON data. */
export function caseReceivedEvent(caseId: string, serial: number) {
  return {
    type: 'cases.CaseReceived',
    data: {
      caseId,
      receiptVoucherNumber: `RV-310115-${String(serial).padStart(8, '0')}`,
      itemId: 'item-310115-0042',
      unitId: 'unit-310115-003',
      applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId: `pseudo-${caseId.slice(0, 8)}` },
      channel: 'CHANNEL_WINDOW',
      materialsReceived: [
        { materialId: 'mat-1', name: '申请书', copies: 1 },
        { materialId: 'mat-2', name: '营业执照复印件', copies: 2 },
      ],
      handlerBadge: `B${serial % 1000}`,
    },
  };
}

export function benchMetadata() {
  return { correlationId: randomUUID(), actor: { id: 'staff-0042', role: 'staff' }, regionCode: '310115', unitId: 'unit-310115-003' };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export const nowMs = (): number => performance.now();

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** CPU ticks used so far by every process whose command is `comm` (e.g. postgres, java). */
function processTicks(comm: string, only?: ReadonlySet<number>): Map<number, number> {
  const ticks = new Map<number, number>();
  let entries: string[] = [];
  try {
    entries = only ? [...only].map(String) : readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return ticks;
  }
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (name !== comm) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(Number(pid), Number(fields[11]) + Number(fields[12]));
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks;
}

const TICKS_PER_SECOND = 100;

/** PostgreSQL backend pids serving the given databases (the benchmark's own connections). */
export async function backendPids(query: (sql: string, params: unknown[]) => Promise<Array<{ pid: number }>>, databases: string[]): Promise<Set<number>> {
  const rows = await query(`SELECT pid FROM pg_stat_activity WHERE datname = ANY($1)`, [databases]);
  return new Set(rows.map((row) => Number(row.pid)));
}

/**
 * CPU use between start and stop: the host's busy share of all cores (/proc/stat), and as % of
 * one core this Node process, PostgreSQL and all Java processes (the Kafka broker). PostgreSQL
 * is the backends in `pgPids()` (asked at start and stop: the benchmark's own connections) or,
 * without it, every postgres process on the machine.
 */
export function cpuSampler(pgPids?: () => Promise<Set<number>>) {
  const readHost = () => {
    try {
      const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
      const idle = fields[3] + (fields[4] ?? 0);
      return { idle, total: fields.reduce((a, b) => a + b, 0) };
    } catch {
      return undefined;
    }
  };
  const delta = (before: Map<number, number>, after: Map<number, number>) => {
    let sum = 0;
    for (const [pid, ticks] of after) sum += ticks - (before.get(pid) ?? 0);
    return sum;
  };
  const host0 = readHost();
  const pidsAtStart = pgPids?.();
  const pg0 = processTicks('postgres');
  const java0 = processTicks('java');
  const process0 = process.cpuUsage();
  const wall0 = nowMs();
  return async () => {
    const host1 = readHost();
    const used = process.cpuUsage(process0);
    const wallMs = nowMs() - wall0;
    const pids = pgPids && pidsAtStart ? new Set([...(await pidsAtStart), ...(await pgPids())]) : undefined;
    const perCore = (ticks: number) => (100 * ticks) / TICKS_PER_SECOND / (wallMs / 1000);
    const hostPct = host0 && host1 ? 100 * (1 - (host1.idle - host0.idle) / (host1.total - host0.total)) : NaN;
    const nodePct = (100 * (used.user + used.system)) / 1000 / wallMs;
    const pgPct = perCore(delta(pids ? new Map([...pg0].filter(([pid]) => pids.has(pid))) : pg0, processTicks('postgres', pids)));
    const javaPct = perCore(delta(java0, processTicks('java')));
    return {
      /** % of all cores busy on the host (PostgreSQL, Kafka, this process, anything else). */
      hostPct,
      /** % of one core used by this Node process. */
      nodePct,
      /** % of one core used by PostgreSQL (the benchmark's backends when their pids were given). */
      pgPct,
      /** % of one core used by all Java processes (the Kafka broker). */
      javaPct,
      /** % of one core used by everything else: other people's work skews the figures. */
      otherPct: Math.max(0, (hostPct * cpus().length) - nodePct - pgPct - javaPct),
      cores: cpus().length,
    };
  };
}

/** How busy the host is before the benchmark starts: other work skews every figure. */
export async function backgroundCpu(ms = 2000): Promise<number> {
  const cpu = cpuSampler();
  await sleep(ms);
  return (await cpu()).hostPct;
}

/** Left-aligned plain-text table. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

export const fmt = (value: number, digits = 0): string =>
  Number.isFinite(value) ? value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a';

/**
 * With BENCH_PROFILE set, records a V8 CPU profile from now until the returned function is
 * called, into scripts/bench/tmp/<label>.cpuprofile (Chrome DevTools, or profile-summary.ts).
 */
export function startProfile(label: string): () => Promise<void> {
  if (!process.env.BENCH_PROFILE) return async () => undefined;
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<object | undefined>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  const started = post('Profiler.enable')
    .then(() => post('Profiler.setSamplingInterval', { interval: 500 }))
    .then(() => post('Profiler.start'));
  return async () => {
    await started;
    const { profile } = (await post('Profiler.stop')) as { profile: object };
    const dir = path.join(__dirname, 'tmp');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${label}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    console.log(`    cpu profile: ${path.relative(process.cwd(), file)}`);
  };
}

/** `work` under startProfile(label). */
export async function profiled<T>(label: string, work: () => Promise<T>): Promise<T> {
  const stop = startProfile(label);
  try {
    return await work();
  } finally {
    await stop();
  }
}
