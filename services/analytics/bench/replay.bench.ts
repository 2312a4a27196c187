// The analytics replay: a year of one district's events is loaded into Kafka, then read back twice
// by the same client — once raw (messages counted, nothing decoded) and once as the full rebuild of
// the indicator projection (decode, fold, write every fact to PostgreSQL with the offsets).
//
//   npm run bench:replay
//   BENCH_EVENTS=300000 npm run bench:replay        # a reduced scale on a shared machine
//
// Environment: BENCH_EVENTS (about how many events, default 1,500,000), BENCH_POSTGRES_URL (an
// administrator URL; default the local test PostgreSQL), BENCH_KAFKA_BROKERS (default 127.0.0.1:19092),
// BENCH_KEEP_TOPICS=1 to keep the generated topics, BENCH_TOPIC_PREFIX=<prefix> to replay topics kept
// from an earlier run instead of loading new ones, BENCH_FOLD_WORKERS=<n> to fold the rebuild on n worker
// threads instead of the default (one fewer than the cores), BENCH_PROFILE=1 to write a CPU profile of each read
// to services/analytics/bench/tmp/replay-<read>.cpuprofile (scripts/bench/profile-summary.ts sums one up). The database and the topics (under a prefix of their
// own) are created for the run and removed afterwards.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { CONTEXTS, TOPICS, catalog, common, encodeEnvelope, projects, sealEnvelope, supervision, type Context, type EventInit, type EventType } from '@sangeyipi/contracts';
import { chainHash } from '@sangeyipi/eventstore';
import { CreateIndicatorFacts1764800000000, FactFolder, IndicatorFactStore, currentRanges, decodeForFold, readHistory } from '@sangeyipi/indicators';
import { createKafka, ensureTopics } from '@sangeyipi/messaging';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

const EVENTS = positiveNumber('BENCH_EVENTS', 1_500_000);
const FOLD_WORKERS = process.env.BENCH_FOLD_WORKERS ? positiveNumber('BENCH_FOLD_WORKERS', 1) : undefined;
const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const KAFKA_BROKERS = (process.env.BENCH_KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');
const PREFIX = process.env.BENCH_TOPIC_PREFIX ?? `bench-replay-${randomBytes(3).toString('hex')}.`;
const PARTITIONS = 6;
const AIM_EVENTS_PER_SECOND = 50_000;
const DISTRICT = common.AdministrativeLevel.DISTRICT;
const REGION = '310101';
const UNITS = 60;
const ITEMS = 2_000;
const SEND_BATCH = 10_000;

function positiveNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got "${process.env[name]}"`);
  return value;
}

/** Seals events as each service's relay would: per-stream and per-service log chains, envelopes keyed by stream. */
class HistoryWriter {
  private readonly logs = new Map<Context, { position: bigint; chain: string }>();
  private readonly streams = new Map<string, { version: number; hash: string }>();
  private readonly pending = new Map<string, Array<{ key: string; value: Buffer }>>();
  private pendingCount = 0;
  written = 0;

  /** Events sealed but not yet sent. */
  get buffered(): number {
    return this.pendingCount;
  }

  constructor(private readonly producer: Producer) {}

  async add<T extends EventType>(context: Context, streamId: string, type: T, at: Date, data: EventInit<T>): Promise<void> {
    const stream = this.streams.get(streamId) ?? { version: 0, hash: '' };
    const log = this.logs.get(context) ?? { position: 0n, chain: '' };
    const hash = chainHash(stream.hash, createHash('sha256').update(`${streamId}:${stream.version + 1}:${type}`).digest('hex'));
    const nextLog = { position: log.position + 1n, chain: chainHash(log.chain, hash) };
    const envelope = sealEnvelope(type, data, {
      eventId: randomUUID(),
      streamId,
      streamVersion: stream.version + 1,
      sourcePosition: nextLog.position,
      occurredAt: timestampFromDate(at),
      recordedAt: timestampFromDate(at),
      correlationId: randomUUID(),
      regionCode: REGION,
      hash,
      previousHash: stream.hash,
      logChainHash: nextLog.chain,
      sourceService: context,
    });
    this.streams.set(streamId, { version: stream.version + 1, hash });
    this.logs.set(context, nextLog);
    const topic = `${PREFIX}${TOPICS[context]}`;
    const list = this.pending.get(topic) ?? [];
    list.push({ key: streamId, value: Buffer.from(encodeEnvelope(envelope)) });
    this.pending.set(topic, list);
    if (++this.pendingCount >= SEND_BATCH) await this.flush();
  }

  /** Forgets a finished stream's chain head, so memory stays flat over a year of cases. */
  close(streamId: string): void {
    this.streams.delete(streamId);
  }

  async flush(): Promise<void> {
    if (this.pendingCount === 0) return;
    await this.producer.sendBatch({ acks: -1, topicMessages: [...this.pending].map(([topic, messages]) => ({ topic, messages })) });
    this.written += this.pendingCount;
    this.pending.clear();
    this.pendingCount = 0;
  }
}

/** Noon-ish of the n-th day of 2025 in Shanghai, plus some minutes. */
function dayOf2025(day: number, minutes = 0): Date {
  return new Date(Date.UTC(2025, 0, 1 + (day % 365), 2, 0) + minutes * 60_000);
}

/** A year of 黄浦区: units, items, cases (each with its steps), ratings, projects and inspections. */
async function generate(writer: HistoryWriter): Promise<void> {
  for (let u = 0; u < UNITS; u++) {
    await writer.add('catalog', `service-unit-U${u}`, 'catalog.ServiceUnitRegistered', dayOf2025(0), { unitId: `U${u}`, name: `单位${u}`, level: DISTRICT, regionCode: REGION });
  }
  for (let i = 0; i < ITEMS; i++) {
    const definition = {
      name: `事项${i}`,
      catalogKind: i % 10 === 0 ? catalog.CatalogKind.ADVANCE_SERVICE : catalog.CatalogKind.ON_THE_SPOT,
      completionMode: i % 5 === 0 ? catalog.CompletionMode.IMMEDIATE : catalog.CompletionMode.EARLY,
      statutoryLimitDays: 20,
      committedLimitDays: i % 5 === 0 ? 0 : 10,
    };
    const item = { itemId: `I${i}`, unitId: `U${i % UNITS}`, level: DISTRICT, regionCode: REGION, definition };
    await writer.add('catalog', `catalog-item-I${i}`, 'catalog.CatalogItemDrafted', dayOf2025(0), item);
    await writer.add('catalog', `catalog-item-I${i}`, 'catalog.CatalogItemPublished', dayOf2025(1), { ...item, revision: 1 });
  }
  for (let p = 0; p < 500; p++) {
    const project = `project-P${p}`;
    await writer.add('projects', project, 'projects.ProjectListed', dayOf2025(20), { projectId: `P${p}`, unitId: `U${p % UNITS}`, level: DISTRICT, regionCode: REGION, target: 1 + (p % 2), listingYear: 2025 });
    if (p % 3 !== 0) await writer.add('projects', project, 'projects.MilestoneReached', dayOf2025(100 + p / 2), { projectId: `P${p}`, milestone: p % 2 ? projects.Milestone.COMPLETION_ACCEPTED : projects.Milestone.CONSTRUCTION_STARTED, reachedOn: '2025-06-01' });
  }
  for (let m = 0; m < 12; m++) {
    const plan = `plan-PL${m}`;
    await writer.add('supervision', plan, 'supervision.InspectionPlanned', dayOf2025(m * 30), { planId: `PL${m}`, level: DISTRICT, regionCode: REGION });
    await writer.add('supervision', plan, 'supervision.InspectionDrawn', dayOf2025(m * 30 + 2), { planId: `PL${m}`, inspections: Array.from({ length: 40 }, (_, k) => ({ inspectionId: `IN${m}-${k}` })) });
    for (let k = 0; k < 36; k++) {
      await writer.add('supervision', `inspection-IN${m}-${k}`, 'supervision.InspectionResultPublished', dayOf2025(m * 30 + 10), {
        inspectionId: `IN${m}-${k}`,
        planId: `PL${m}`,
        outcome: supervision.InspectionOutcome.COMPLIANT,
        inspectedOn: '2025-03-03',
        publishedOn: '2025-03-10',
      });
    }
  }
  // Cases until the budget is spent: about 7.6 events each.
  for (let c = 0; writer.written + writer.buffered < EVENTS; c++) {
    const caseId = `C${c}`;
    const stream = `case-${caseId}`;
    const itemIndex = c % ITEMS;
    const immediate = itemIndex % 5 === 0;
    const unitId = `U${itemIndex % UNITS}`;
    const day = c % 365;
    await writer.add('cases', stream, 'cases.CaseReceived', dayOf2025(day), { caseId, itemId: `I${itemIndex}`, unitId, immediate, statutoryLimitDays: 20, receivedOn: '2025-01-01' });
    if (!immediate) {
      if (c % 10 === 0) await writer.add('cases', stream, 'cases.MaterialsSupplementRequested', dayOf2025(day, 5), { caseId, requestNumber: 1 });
      await writer.add('cases', stream, 'cases.CaseAccepted', dayOf2025(day, 10), { caseId, committedDeadline: '2025-12-31', statutoryLimitDays: 20, committedLimitDays: 10 });
      await writer.add('cases', stream, 'cases.StepCompleted', dayOf2025(day + 1), { caseId, step: common.ApprovalStep.HANDLE });
      await writer.add('cases', stream, 'cases.StepCompleted', dayOf2025(day + 2), { caseId, step: common.ApprovalStep.REVIEW });
      if (c % 50 === 0) await writer.add('cases', stream, 'cases.CaseOverdue', dayOf2025(day + 3), { caseId, unitId, committedDeadline: '2025-12-31' });
    }
    await writer.add('cases', stream, 'cases.StepCompleted', dayOf2025(day + (immediate ? 0 : 3), 20), { caseId, step: common.ApprovalStep.DECIDE });
    await writer.add('cases', stream, 'cases.CaseDecided', dayOf2025(day + (immediate ? 0 : 3), 21), { caseId, decision: 1, workingDaysUsed: immediate ? 0 : 3, decidedOnTheSpot: immediate });
    await writer.add('cases', stream, 'cases.DocumentIssued', dayOf2025(day + (immediate ? 0 : 3), 22), { caseId, documentId: randomUUID(), kind: 1, issuedOnTheSpot: immediate });
    if (!immediate) await writer.add('cases', stream, 'cases.DocumentDelivered', dayOf2025(day + 4), { caseId, method: 1 });
    writer.close(stream);
    if (c % 10 < 3) {
      await writer.add('supervision', `rating-R${c}`, 'supervision.CaseRated', dayOf2025(day + 5), { ratingId: `R${c}`, caseId, itemId: `I${itemIndex}`, unitId, grade: 1 + (c % 5) });
      writer.close(`rating-R${c}`);
    }
  }
  await writer.flush();
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** `work` under a CPU profile of this thread when BENCH_PROFILE is set. */
async function profiled<T>(label: string, work: () => Promise<T>): Promise<T> {
  if (!process.env.BENCH_PROFILE) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    const dir = path.join(__dirname, 'tmp');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `replay-${label}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`  cpu profile: ${path.relative(process.cwd(), file)}`);
  }
}

const perSecond = (events: number, ms: number) => Math.round(events / (ms / 1000));

async function main(): Promise<void> {
  const kafka: Kafka = createKafka({ clientId: 'bench-replay', brokers: KAFKA_BROKERS });
  const topics = CONTEXTS.map((context) => `${PREFIX}${TOPICS[context]}`);
  const database = `bench_replay_${randomBytes(3).toString('hex')}`;
  await ensureTopics(kafka, topics, { partitions: PARTITIONS, replicationFactor: 1 });
  await withAdmin((client) => client.query(`CREATE DATABASE "${database}"`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const dataSource = await new DataSource({ type: 'postgres', url: url.toString(), migrations: [CreateIndicatorFacts1764800000000], extra: { max: 4 } }).initialize();
  try {
    await dataSource.runMigrations();
    let started = Date.now();
    const loaded = (await currentRanges(kafka, topics)).some((range) => range.toOffset > 0n);
    if (!loaded) {
      const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      await generate(new HistoryWriter(producer));
      await producer.disconnect();
    }
    const loadMs = Date.now() - started;
    const ranges = await currentRanges(kafka, topics);
    const total = ranges.reduce((sum, range) => sum + Number(range.toOffset), 0);
    console.log(`${loaded ? 'reusing' : 'loaded'} ${total} events in ${topics.length} topics (prefix ${PREFIX}) × ${PARTITIONS} partitions${loaded ? '' : ` in ${(loadMs / 1000).toFixed(1)} s`}`);

    started = Date.now();
    let raw = 0;
    await profiled('raw', () => readHistory(kafka, ranges, { onBatch: (messages) => void (raw += messages.length) }));
    const rawMs = Date.now() - started;

    started = Date.now();
    const folder = new FactFolder();
    await profiled('fold', () =>
      readHistory(kafka, ranges, {
        onBatch: (messages) => {
          for (const message of messages) {
            const event = decodeForFold(message.value);
            if (event) folder.add(event);
          }
        },
      }),
    );
    const foldMs = Date.now() - started;
    const factsInMemory = folder.facts.size;
    folder.facts.clear(); // so the rebuild below does not fold next to a second copy of every fact

    started = Date.now();
    const report = await profiled('rebuild', () => new IndicatorFactStore(dataSource).rebuild(kafka, topics, { foldWorkers: FOLD_WORKERS }));
    const rebuildMs = Date.now() - started;

    const rawRate = perSecond(raw, rawMs);
    const rebuildRate = perSecond(report.messages, rebuildMs);
    console.log(`raw read:              ${raw} events in ${(rawMs / 1000).toFixed(1)} s = ${rawRate} events/s`);
    console.log(`read + decode + fold:  ${raw} events in ${(foldMs / 1000).toFixed(1)} s = ${perSecond(raw, foldMs)} events/s (${factsInMemory} facts in memory)`);
    console.log(`full rebuild (+ write): ${report.messages} events in ${(rebuildMs / 1000).toFixed(1)} s = ${rebuildRate} events/s (${report.facts} facts written)`);
    console.log(`  of which read + fold (facts written beside it) ${(report.foldMs / 1000).toFixed(1)} s, then the last writes and the swap ${(report.swapMs / 1000).toFixed(1)} s`);
    console.log(`aim: replay ≥ ${AIM_EVENTS_PER_SECOND} events/s — ${rebuildRate >= AIM_EVENTS_PER_SECOND ? 'met' : 'NOT met'}`);
    console.log(`aim: replay ≥ 1/3 of the raw rate (${Math.round(rawRate / 3)}) — ${rebuildRate * 3 >= rawRate ? 'met' : 'NOT met'} (${((rebuildRate / rawRate) * 100).toFixed(0)}%)`);
  } finally {
    await dataSource.destroy();
    await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    if (!process.env.BENCH_KEEP_TOPICS) {
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteTopics({ topics });
      await admin.disconnect();
    }
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
