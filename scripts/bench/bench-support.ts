// Shared pieces of the benchmark scripts: a throwaway database, a realistic event, pacing-free
// concurrent loops, percentiles, CPU sampling and a plain-text table. Not a test helper.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/** Busy share of all CPUs (from /proc/stat) and of this process, between start() and stop(). */
export function cpuSampler() {
  const readHost = () => {
    try {
      const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
      const idle = fields[3] + (fields[4] ?? 0);
      return { idle, total: fields.reduce((a, b) => a + b, 0) };
    } catch {
      return undefined;
    }
  };
  const host0 = readHost();
  const process0 = process.cpuUsage();
  const wall0 = nowMs();
  return () => {
    const host1 = readHost();
    const used = process.cpuUsage(process0);
    const wallMs = nowMs() - wall0;
    const cores = cpus().length;
    return {
      /** % of all cores busy on the host (PostgreSQL, Kafka, this process, anything else). */
      hostPct: host0 && host1 ? (100 * (1 - (host1.idle - host0.idle) / (host1.total - host0.total))) : NaN,
      /** % of one core used by this Node process. */
      nodePct: (100 * (used.user + used.system)) / 1000 / wallMs,
      cores,
    };
  };
}

/** How busy the host is before the benchmark starts: other work skews every figure. */
export async function backgroundCpu(ms = 2000): Promise<number> {
  const cpu = cpuSampler();
  await sleep(ms);
  return cpu().hostPct;
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
 * With BENCH_PROFILE set, records a V8 CPU profile of `work` alone into
 * scripts/bench/tmp/<label>.cpuprofile (open it in Chrome DevTools, or run profile-summary.ts).
 */
export async function profiled<T>(label: string, work: () => Promise<T>): Promise<T> {
  if (!process.env.BENCH_PROFILE) return work();
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await post('Profiler.stop');
    const dir = path.join(__dirname, 'tmp');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${label}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    console.log(`    cpu profile: ${path.relative(process.cwd(), file)}`);
  }
}
