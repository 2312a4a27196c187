// Full case lifecycles over HTTP against one in-process cases service: many concurrent clients each
// receive → accept → handle → review → decide → issue the document → deliver it, again and again.
//
//   npm run bench:cases
//   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register services/cases/bench/cases.bench.ts
//
// A run has two phases against the same service: a closed loop of 32 clients (the capacity), then an
// open loop offering the aimed 1,000 commands/s (the latency at that rate); the aim holds when both do.
// Environment: BENCH_SECONDS (timed run of each phase, default 30), BENCH_WARMUP_SECONDS (the same load
// untimed before it, default 5), BENCH_CLIENTS (only a closed loop of this many clients), BENCH_RATE
// (only an open loop offering this many commands/s, lifecycles started on a fixed schedule),
// BENCH_REPLICAS (cases service replicas on one database, default 1; the others run in worker threads,
// and the clients send each command to the next replica in turn, as a load balancer would, or with
// BENCH_ROUTING=case all of a case's commands to one replica, as one routing by case id would),
// BENCH_POSTGRES_URL (an administrator URL; default the local test PostgreSQL), BENCH_KAFKA_BROKERS
// (default 127.0.0.1:19092), BENCH_REDIS_URL (default redis://127.0.0.1:6379). The database is created
// for the run and dropped afterwards; Kafka topics and Redis keys get a prefix of their own.
// The published catalog item is written straight into the local catalog copy (cases_catalog_items).
// The service's clock is pinned to a working day, so that receipt is never refused as a holiday.
// The clients run in a worker thread, so their HTTP work does not share the service's event loop (it
// still shares the machine's cores). BENCH_PROFILE=1 writes a CPU profile of the service's thread during
// the timed run to services/cases/bench/tmp/ (summarise with scripts/bench/profile-summary.ts);
// BENCH_PROFILE=heap a sampling profile of its allocations (scripts/bench/allocation-summary.ts).
// BENCH_FLOOR=1 runs the same clients against http-floor.module.ts instead: the platform's stack with
// one trivial command that appends one event (the floor under every cases command on this machine).
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus } from 'node:os';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { INestApplication } from '@nestjs/common';
import { CLOCK, createServiceApp, type Clock } from '@sangeyipi/platform';
import { SignJWT } from 'jose';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CasesModule } from '../src/cases.module';
import { HttpFloorModule } from './http-floor.module';

const SECONDS = positiveNumber('BENCH_SECONDS', 30);
const WARMUP_SECONDS = positiveNumber('BENCH_WARMUP_SECONDS', 5);
const COMMANDS_PER_LIFECYCLE = 7;
const REPLICAS = positiveNumber('BENCH_REPLICAS', 1);
const ROUTING = process.env.BENCH_ROUTING ?? 'round-robin';
if (ROUTING !== 'round-robin' && ROUTING !== 'case') throw new Error(`BENCH_ROUTING must be round-robin or case, got "${ROUTING}"`);
const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const KAFKA_BROKERS = process.env.BENCH_KAFKA_BROKERS ?? '127.0.0.1:19092';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRET = randomBytes(32).toString('hex');
const UNIT = 'unit-bench';
const ITEM = randomUUID();
/** Friday 2025-09-26, 10:00 in Shanghai: a working day. */
const PINNED_NOW = new Date('2025-09-26T02:00:00Z');
const AIM_COMMANDS_PER_SECOND = 1_000;
const AIM_P99_MS = 50;
const FLOOR = process.env.BENCH_FLOOR === '1';

/**
 * The closed loop finds the capacity (as many commands as the clients can get through); the open loop
 * offers the aimed rate on a fixed schedule and measures the latency at it. A closed loop's latency only
 * says how many clients wait in line, so the aim is judged on both: capacity ≥ the rate, and p99 at it.
 */
type Phase = { loop: 'closed'; clients: number } | { loop: 'open'; rate: number };
const PHASES: Phase[] = process.env.BENCH_RATE
  ? [{ loop: 'open', rate: positiveNumber('BENCH_RATE', 1) }]
  : process.env.BENCH_CLIENTS
    ? [{ loop: 'closed', clients: positiveNumber('BENCH_CLIENTS', 32) }]
    : [
        { loop: 'closed', clients: 32 },
        { loop: 'open', rate: AIM_COMMANDS_PER_SECOND },
      ];

function positiveNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got "${process.env[name]}"`);
  return value;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function withAdmin(work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

const token = (userId: string, roles: string[], unitId?: string) =>
  new SignJWT({ roles, unit_id: unitId, region_code: unitId ? '310101' : undefined })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuer('sangeyipi')
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(SECRET));

interface Tokens {
  clerk: string;
  reviewer: string;
  decider: string;
}

/** Keep-alive connections, one per client at most: node:http costs the client about half of fetch(). */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function post(url: URL, bearer: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** Sends one command and records it. */
interface CommandSender {
  command(path: string, bearer: string, body: object, expected: number): Promise<Record<string, unknown>>;
}

class Recorder implements CommandSender {
  readonly latencies: number[] = [];
  readonly failures = new Map<string, number>();
  stopAt = Number.POSITIVE_INFINITY;

  private sent = 0;
  private lifecycles = 0;

  /** Commands go to the replicas' URLs in turn, or, routed by case, each lifecycle's to one replica. */
  constructor(
    private readonly baseUrls: readonly string[],
    private readonly routedByCase: boolean,
  ) {}

  /** The sender for the next lifecycle (one case). */
  nextLifecycle(): CommandSender {
    if (!this.routedByCase) return this;
    const baseUrl = this.baseUrls[this.lifecycles++ % this.baseUrls.length];
    return { command: (path, bearer, body, expected) => this.commandTo(baseUrl, path, bearer, body, expected) };
  }

  command(path: string, bearer: string, body: object, expected: number): Promise<Record<string, unknown>> {
    return this.commandTo(this.baseUrls[this.sent++ % this.baseUrls.length], path, bearer, body, expected);
  }

  /** One command; its latency is recorded while the clock runs. Throws on an unexpected status. */
  private async commandTo(baseUrl: string, path: string, bearer: string, body: object, expected: number): Promise<Record<string, unknown>> {
    const started = performance.now();
    const { status, text } = await post(new URL(path, baseUrl), bearer, JSON.stringify(body));
    const elapsed = performance.now() - started;
    if (status !== expected) {
      const key = `${path.replace(/[0-9a-f-]{36}/g, ':id')} → ${status}`;
      this.failures.set(key, (this.failures.get(key) ?? 0) + 1);
      throw new Error(`${key}: ${text.slice(0, 200)}`);
    }
    this.latencies.push(elapsed);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }
}

/** One full lifecycle: seven commands. */
async function caseLifecycle(recorder: CommandSender, tokens: Tokens, itemId: string, client: number): Promise<void> {
  const received = await recorder.command(
    '/cases',
    tokens.clerk,
    {
      itemId,
      applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId: randomUUID() },
      channel: 'CHANNEL_WINDOW',
      materials: [{ materialId: 'M01', name: '食品经营许可申请书', copies: 1 }],
      badge: `HP-${client}`,
    },
    201,
  );
  const caseId = String(received.caseId);
  await recorder.command(`/cases/${caseId}/acceptance`, tokens.clerk, {}, 200);
  await recorder.command(`/cases/${caseId}/steps`, tokens.clerk, { step: 'APPROVAL_STEP_HANDLE', badge: 'HP-1', opinion: '同意' }, 200);
  await recorder.command(`/cases/${caseId}/steps`, tokens.reviewer, { step: 'APPROVAL_STEP_REVIEW', badge: 'HP-2', opinion: '同意' }, 200);
  await recorder.command(
    `/cases/${caseId}/steps`,
    tokens.decider,
    { step: 'APPROVAL_STEP_DECIDE', badge: 'HP-3', opinion: '同意', decision: { outcome: 'DECISION_APPROVED', reasons: ['符合条件'], legalBasis: '《行政许可法》第三十八条' } },
    200,
  );
  const issued = await recorder.command(`/cases/${caseId}/documents`, tokens.clerk, { documentNumber: `JY-${caseId.slice(0, 8)}` }, 201);
  await recorder.command(`/cases/${caseId}/deliveries`, tokens.clerk, { documentId: issued.documentId, method: 'DELIVERY_METHOD_IN_PERSON' }, 201);
}

/** Seven floor commands by the same three people: as many requests as a lifecycle, none of its domain. */
async function floorLifecycle(recorder: CommandSender, tokens: Tokens, _itemId: string, client: number): Promise<void> {
  for (const bearer of [tokens.clerk, tokens.clerk, tokens.clerk, tokens.reviewer, tokens.decider, tokens.clerk, tokens.clerk]) {
    await recorder.command('/floor', bearer, { badge: `HP-${client}` }, 201);
  }
}

async function seedItem(app: INestApplication): Promise<void> {
  const dataSource = app.get(DataSource);
  const steps = JSON.stringify(['APPROVAL_STEP_HANDLE', 'APPROVAL_STEP_REVIEW', 'APPROVAL_STEP_DECIDE']);
  await dataSource.query(
    `INSERT INTO cases_catalog_items (item_id, unit_id, region_code, revision, name, approval_steps, immediate, statutory_limit_days,
                                      committed_limit_days, holiday_service, commitment_route, withdrawn, effective_on, updated_by_event)
     VALUES ($1, $2, '310101', 1, '食品经营许可', $3::jsonb, false, 20, 20, false, false, false, '', 'bench-seed')`,
    [ITEM, UNIT, steps],
  );
  await dataSource.query(
    `INSERT INTO cases_catalog_item_revisions (item_id, revision, effective_on, unit_id, region_code, name, approval_steps, immediate,
                                               statutory_limit_days, committed_limit_days, holiday_service, commitment_route, recorded_by_event)
     VALUES ($1, 1, '', $2, '310101', '食品经营许可', $3::jsonb, false, 20, 20, false, false, 'bench-seed')`,
    [ITEM, UNIT, steps],
  );
}

interface ClientJob {
  floor: boolean;
  baseUrls: string[];
  routedByCase: boolean;
  itemId: string;
  tokens: Tokens;
  clients: number;
  /** Commands per second offered in an open loop; undefined for the closed loop of `clients`. */
  rate: number | undefined;
  seconds: number;
  warmUpSeconds: number;
}

interface ClientResult {
  latencies: number[];
  failures: Array<[string, number]>;
  lifecycles: number;
  errors: number;
  firstError?: string;
  elapsedSeconds: number;
}

/** The worker thread: the load (closed or open loop), WARMUP_SECONDS untimed, then SECONDS timed. */
async function runClients({ floor, baseUrls, routedByCase, itemId, tokens, clients, rate, seconds, warmUpSeconds }: ClientJob): Promise<ClientResult> {
  const lifecycle = floor ? floorLifecycle : caseLifecycle;
  const loops = async (recorder: Recorder, forSeconds: number) => {
    const outcome = { lifecycles: 0, errors: 0, firstError: undefined as string | undefined, started: performance.now() };
    recorder.stopAt = outcome.started + forSeconds * 1000;
    const runOne = async (client: number) => {
      try {
        await lifecycle(recorder.nextLifecycle(), tokens, itemId, client);
        outcome.lifecycles++;
      } catch (error) {
        outcome.errors++;
        outcome.firstError ??= error instanceof Error ? error.message : String(error);
      }
    };
    if (rate === undefined) {
      // Closed loop: each client starts its next lifecycle when the last one is done.
      await Promise.all(
        Array.from({ length: clients }, async (_, client) => {
          while (performance.now() < recorder.stopAt) await runOne(client);
        }),
      );
    } else {
      // Open loop: lifecycles start on a fixed schedule, however many are still running, as
      // applicants arrive at windows; its seven commands then follow one another.
      const interval = (COMMANDS_PER_LIFECYCLE * 1000) / rate;
      const running = new Set<Promise<void>>();
      for (let n = 0; outcome.started + n * interval < recorder.stopAt; n++) {
        const wait = outcome.started + n * interval - performance.now();
        if (wait > 0) await new Promise((resolveLater) => setTimeout(resolveLater, wait));
        const one: Promise<void> = runOne(n % 1000).finally(() => running.delete(one));
        running.add(one);
      }
      await Promise.all(running);
    }
    return outcome;
  };
  // The warm-up runs the same load untimed, so that the timed run measures compiled code and warm
  // caches and connection pools, not the first seconds of a cold process; its failures still count.
  const warmUp = await loops(new Recorder(baseUrls, routedByCase), warmUpSeconds);
  parentPort?.postMessage({ kind: 'timed-run-starts', threadId: threadIdOnLinux() });
  const recorder = new Recorder(baseUrls, routedByCase);
  const timed = await loops(recorder, seconds);
  return {
    latencies: recorder.latencies,
    failures: [...recorder.failures],
    lifecycles: timed.lifecycles,
    errors: warmUp.errors + timed.errors,
    firstError: warmUp.firstError ?? timed.firstError,
    elapsedSeconds: (performance.now() - timed.started) / 1000,
  };
}

const BOOTSTRAP = `require('@swc-node/register'); require(${JSON.stringify(__filename)});`;

/** This thread's id as Linux numbers it (for its CPU time in /proc). */
function threadIdOnLinux(): number {
  return Number(readlinkSync('/proc/thread-self').split('/').pop());
}

/** The service's variables for a database and a prefix of this run. */
function serviceEnv(databaseUrl: string, prefix: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS,
    KAFKA_TOPIC_PREFIX: `${prefix}.`,
    KAFKA_TOPIC_PARTITIONS: '2',
    REDIS_URL,
    REDIS_KEY_PREFIX: `${prefix}:`,
    LOG_LEVEL: 'warn',
    AUTH_JWT_SECRET: SECRET,
    CASES_DEADLINE_SCAN_MS: '0',
  };
}

/** One service (cases, or the floor), its clock pinned to a working day, listening on a free port. */
async function startService(env: Record<string, string>): Promise<{ app: INestApplication; url: string }> {
  const app = await createServiceApp(FLOOR ? HttpFloorModule : CasesModule, { env });
  app.get<Clock>(CLOCK, { strict: false }).now = () => PINNED_NOW;
  await app.listen(0, '127.0.0.1');
  return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

/** A further replica in a worker thread: started, then closed when asked. */
async function runReplica(env: Record<string, string>): Promise<void> {
  const { app, url } = await startService(env);
  parentPort?.once('message', () => void app.close().then(() => parentPort?.postMessage({ kind: 'closed' })));
  parentPort?.postMessage({ kind: 'ready', url });
}

function replicaInWorker(env: Record<string, string>): Promise<{ url: string; close: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { role: 'replica', env } });
    worker.once('error', reject);
    worker.once('message', (message: { kind: string; url: string }) =>
      resolve({
        url: message.url,
        close: () =>
          new Promise<void>((closed) => {
            worker.once('message', () => void worker.terminate().then(() => closed()));
            worker.postMessage('close');
          }),
      }),
    );
  });
}

/** Runs the clients in a worker thread; `onTimedRun` is called when the warm-up is over. */
function clientsInWorker(job: ClientJob, onTimedRun: (clientsThreadId: number) => void): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { role: 'clients', job } });
    worker.on('message', (message: { kind: string; result?: ClientResult; threadId?: number }) => {
      if (message.kind === 'timed-run-starts') onTimedRun(message.threadId ?? 0);
      else if (message.kind === 'result' && message.result) resolve(message.result);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`client worker exited with ${code}`))));
  });
}

/**
 * A CPU profile of this (the service's) thread when BENCH_PROFILE is set; with BENCH_PROFILE=heap a
 * sampling profile of what it allocates instead (objects already collected included: the garbage).
 */
async function startProfile(): Promise<(() => Promise<void>) | undefined> {
  if (!process.env.BENCH_PROFILE) return undefined;
  const heap = process.env.BENCH_PROFILE === 'heap';
  const session = new Session();
  session.connect();
  if (heap) {
    await session.post('HeapProfiler.enable');
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 16_384,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    } as never);
  } else {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  return async () => {
    const { profile } = heap ? await session.post('HeapProfiler.stopSampling') : await session.post('Profiler.stop');
    const dir = path.join(__dirname, 'tmp');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `cases-${Date.now()}.${heap ? 'heapprofile' : 'cpuprofile'}`);
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    console.log(`service thread ${heap ? 'allocation' : 'CPU'} profile: ${file}`);
  };
}

/** CPU ticks (1/100 s) a task used, from /proc: `self/task/<tid>` for a thread, `<pid>` for a process. */
function cpuTicks(statPath: string): number {
  try {
    // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(statPath, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0; // the process ended meanwhile
  }
}

function hostTicks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: total - fields[3] - (fields[4] ?? 0), total };
}

/**
 * Where the CPU went during the timed run: the service's thread (this process's main thread), the
 * client worker (the rest of this process), the PostgreSQL backends of the benchmark's database, and
 * the whole host; on a shared machine the last shows how much others used.
 */
async function cpuAccount(dataSource: DataSource, database: string, clientsThreadId: number) {
  const backends = async () =>
    ((await dataSource.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [database])) as Array<{ pid: number }>).map((r) => r.pid);
  const pgPids = await backends();
  const pg0 = new Map(pgPids.map((pid) => [pid, cpuTicks(`/proc/${pid}/stat`)]));
  const clientsStat = `/proc/self/task/${clientsThreadId}/stat`;
  const clients0 = cpuTicks(clientsStat);
  const process0 = cpuTicks('/proc/self/stat');
  const host0 = hostTicks();
  return async () => {
    const clients = cpuTicks(clientsStat) - clients0;
    // Everything else in this process serves: the replicas' threads and their GC and I/O helpers.
    const service = cpuTicks('/proc/self/stat') - process0 - clients;
    let pg = 0;
    for (const pid of new Set([...pgPids, ...(await backends())])) pg += cpuTicks(`/proc/${pid}/stat`) - (pg0.get(pid) ?? 0);
    const host = hostTicks();
    // /proc/stat counts every core's ticks; per-process ticks are per core too (USER_HZ = 100).
    const hostBusy = ((host.busy - host0.busy) / (host.total - host0.total)) * cpus().length;
    return { serviceMs: service * 10, clientsMs: clients * 10, postgresMs: pg * 10, hostBusyCores: hostBusy };
  };
}

/** One phase against the running service: prints its figures; true when its part of the aim holds. */
async function runPhase(phase: Phase, load: Omit<ClientJob, 'clients' | 'rate'>, dataSource: DataSource, database: string): Promise<boolean> {
  let stopProfile: Promise<(() => Promise<void>) | undefined> = Promise.resolve(undefined);
  let stopCpu: Promise<() => Promise<{ serviceMs: number; clientsMs: number; postgresMs: number; hostBusyCores: number }>> | undefined;
  const job: ClientJob = { ...load, clients: phase.loop === 'closed' ? phase.clients : 0, rate: phase.loop === 'open' ? phase.rate : undefined };
  const result = await clientsInWorker(job, (clientsThreadId) => {
    stopCpu = cpuAccount(dataSource, database, clientsThreadId);
    stopProfile = startProfile();
  });
  const cpu = await (await stopCpu)?.();
  await (await stopProfile)?.();

  const sorted = [...result.latencies].sort((a, b) => a - b);
  const perSecond = sorted.length / result.elapsedSeconds;
  const p50 = percentile(sorted, 50);
  const p99 = percentile(sorted, 99);
  if (FLOOR) console.log('FLOOR: the platform stack with one trivial command appending one event (not the cases service)');
  console.log(
    `${phase.loop === 'closed' ? `${phase.clients} clients (closed loop)` : `open loop at ${phase.rate} commands/s`}, ${result.elapsedSeconds.toFixed(1)} s: ${result.lifecycles} full lifecycles, ${sorted.length} commands (7 per lifecycle), ${result.errors} failed lifecycles`,
  );
  for (const [key, count] of result.failures) console.log(`  unexpected ${key}: ${count}`);
  if (result.firstError) console.log(`  first failure: ${result.firstError}`);
  console.log(`commands/s ${perSecond.toFixed(0)}, latency p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, max ${sorted[sorted.length - 1]?.toFixed(2)} ms`);
  if (cpu) {
    const perCommand = (ms: number) => ((ms * 1000) / sorted.length).toFixed(0);
    const cores = (ms: number) => (ms / 1000 / result.elapsedSeconds).toFixed(2);
    console.log(
      `CPU per command: service ${REPLICAS === 1 ? '' : `(${REPLICAS} replicas) `}${perCommand(cpu.serviceMs)} µs, PostgreSQL ${perCommand(cpu.postgresMs)} µs, clients ${perCommand(cpu.clientsMs)} µs; ` +
        `cores busy: service ${cores(cpu.serviceMs)}, PostgreSQL ${cores(cpu.postgresMs)}, clients ${cores(cpu.clientsMs)}, whole host ${cpu.hostBusyCores.toFixed(2)} of ${cpus().length}`,
    );
  }
  const failed = result.errors > 0;
  if (phase.loop === 'closed') {
    const met = perSecond >= AIM_COMMANDS_PER_SECOND && !failed;
    console.log(`capacity (≥ ${AIM_COMMANDS_PER_SECOND} commands/s, no failures): ${met ? 'MET' : 'NOT MET'}`);
    return met;
  }
  // The schedule does not wait for the service: one that cannot keep up builds a queue, and the queue shows in p99.
  const met = phase.rate >= AIM_COMMANDS_PER_SECOND && p99 < AIM_P99_MS && !failed;
  console.log(`latency (p99 < ${AIM_P99_MS} ms with ${phase.rate} commands/s offered, no failures): ${met ? 'MET' : 'NOT MET'}`);
  return met;
}

async function main(): Promise<void> {
  const name = `bench_cases_${randomBytes(4).toString('hex')}`;
  const prefix = `bench-cases-${randomBytes(3).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  let app: INestApplication | undefined;
  const replicas: Array<{ url: string; close: () => Promise<void> }> = [];
  try {
    const env = serviceEnv(url.toString(), prefix);
    const first = await startService(env);
    app = first.app;
    if (!FLOOR) await seedItem(app);
    for (let n = 1; n < REPLICAS; n++) replicas.push(await replicaInWorker(env));
    const baseUrls = [first.url, ...replicas.map((replica) => replica.url)];
    const dataSource = app.get(DataSource);

    const tokens: Tokens = {
      clerk: await token('bench-clerk', ['clerk'], UNIT),
      reviewer: await token('bench-reviewer', ['reviewer'], UNIT),
      decider: await token('bench-decider', ['decider'], UNIT),
    };

    const load: Omit<ClientJob, 'clients' | 'rate'> = { floor: FLOOR, baseUrls, routedByCase: ROUTING === 'case', itemId: ITEM, tokens, seconds: SECONDS, warmUpSeconds: WARMUP_SECONDS };
    let met = true;
    for (const phase of PHASES) met = (await runPhase(phase, load, dataSource, name)) && met;
    if (PHASES.length > 1) console.log(`aim (≥ ${AIM_COMMANDS_PER_SECOND} commands/s, p99 < ${AIM_P99_MS} ms, no failures): ${met ? 'MET' : 'NOT MET'}`);
    if (!met) process.exitCode = 1;
  } finally {
    for (const replica of replicas) await replica.close();
    if (app) await app.close();
    await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

if (isMainThread) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
} else if ((workerData as { role: string }).role === 'replica') {
  runReplica((workerData as { env: Record<string, string> }).env).catch((error) => {
    throw error;
  });
} else {
  runClients((workerData as { job: ClientJob }).job).then(
    (result) => parentPort?.postMessage({ kind: 'result', result }),
    (error) => {
      throw error;
    },
  );
}
