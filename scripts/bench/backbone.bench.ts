// The event backbone: the relay's publish rate, and the latency from an append's commit to a
// Kafka consumer's handler at a steady append rate.
//
//   npm run bench:backbone
//   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register scripts/bench/backbone.bench.ts
//
// Environment: BENCH_RELAY_EVENTS (events pre-appended for the publish rate, default 100000),
// BENCH_RELAY_BATCH (relay batch size, default: the relay's own, 2000), BENCH_RATE (appended
// events/s for the latency run, default 1000), BENCH_LATENCY_SECONDS (default 15),
// BENCH_APPEND_BATCH (events per append in the latency run, default 1), BENCH_POLL_MS (relay
// poll interval, default 10), BENCH_PARTITIONS (default 6), BENCH_CONSUMER_EVENTS (events the
// consumer drains for its throughput, default 10000), BENCH_ONLY (any of relay,consumer,latency),
// BENCH_PROFILE (write CPU profiles to scripts/bench/tmp), BENCH_POSTGRES_URL, TEST_KAFKA_BROKERS.
// BENCH_CONSUMER_CONCURRENCY=n sets the consumer's partitionsConsumedConcurrently (library default:
// the partition count, at most 4).
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EVENT_STORE_MIGRATIONS, EventLog, PostgresEventStore } from '@sangeyipi/eventstore';
import {
  createKafka,
  deadLetterTopic,
  encodeSealedEvent,
  ensureTopics,
  EventRelay,
  eventTopic,
  KafkaEventConsumer,
  KafkaPublisher,
  MESSAGING_MIGRATIONS,
  type EventPublisher,
  type TransportMessage,
} from '@sangeyipi/messaging';
import { decodeEnvelope } from '@sangeyipi/contracts';
import { testInfrastructure } from '@sangeyipi/testing';
import {
  backendPids,
  backgroundCpu,
  benchMetadata,
  caseReceivedEvent,
  cpuSampler,
  createBenchDatabase,
  envNumber,
  fmt,
  formatTable,
  nowMs,
  onCleanup,
  percentile,
  profiled,
  runBenchmark,
  startProfile,
  sleep,
} from './bench-support';

const RELAY_EVENTS = envNumber('BENCH_RELAY_EVENTS', 100_000);
const RELAY_BATCH = process.env.BENCH_RELAY_BATCH ? envNumber('BENCH_RELAY_BATCH', 2000) : undefined;
const RATE = envNumber('BENCH_RATE', 1000);
const LATENCY_SECONDS = envNumber('BENCH_LATENCY_SECONDS', 15);
const APPEND_BATCH = envNumber('BENCH_APPEND_BATCH', 1);
const POLL_MS = envNumber('BENCH_POLL_MS', 10);
const PARTITIONS = envNumber('BENCH_PARTITIONS', 6);
const PARTS = new Set((process.env.BENCH_ONLY ?? 'relay,consumer,latency').split(','));
const CONSUMER_EVENTS = envNumber('BENCH_CONSUMER_EVENTS', 10_000);
const CONSUMER_CONCURRENCY = process.env.BENCH_CONSUMER_CONCURRENCY ? envNumber('BENCH_CONSUMER_CONCURRENCY', 1) : undefined;
const STREAMS = 1000;
const TOPIC_SETTINGS = { partitions: PARTITIONS, replicationFactor: 1 };
const AIM_RELAY = 20_000;
const AIM_P99_MS = 200;
const SERVICE = 'cases';

const runId = `bench${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const createdTopics: string[] = [];

interface ServiceDatabase {
  dataSource: DataSource;
  store: PostgresEventStore;
  log: EventLog;
}

const benchDatabases: string[] = [];
let pidSource: DataSource | undefined;
/** The PostgreSQL backends of the benchmark's databases, for their share of PostgreSQL's CPU. */
const ownBackends = async (): Promise<Set<number>> => {
  const source = pidSource;
  return source ? backendPids((sql, params) => source.query(sql, params), benchDatabases) : new Set<number>();
};

async function serviceDatabase(label: string, poolSize = 10): Promise<ServiceDatabase> {
  const database = await createBenchDatabase(label);
  benchDatabases.push(database.name);
  const dataSource = new DataSource({
    type: 'postgres',
    url: database.url,
    migrations: [...EVENT_STORE_MIGRATIONS, ...MESSAGING_MIGRATIONS],
    extra: { max: poolSize, idleTimeoutMillis: 0 },
  });
  await dataSource.initialize();
  onCleanup(async () => dataSource.isInitialized && dataSource.destroy());
  await dataSource.runMigrations();
  pidSource ??= dataSource;
  const store = new PostgresEventStore(dataSource);
  return { dataSource, store, log: new EventLog(store) };
}

async function newTopic(kafka: Kafka, label: string): Promise<string> {
  const topic = eventTopic(SERVICE, `${runId}.${label}.`);
  await ensureTopics(kafka, [topic], TOPIC_SETTINGS);
  createdTopics.push(topic);
  return topic;
}

async function messagesOn(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
  } finally {
    await admin.disconnect();
  }
}

/** Appends `total` events quickly: appends of 50 events to 1,000 streams, 4 at a time. */
async function preAppend(store: PostgresEventStore, total: number): Promise<number> {
  const perAppend = 50;
  const versions = new Map<number, number>();
  let issued = 0;
  let serial = 0;
  const metadata = benchMetadata();
  const started = nowMs();
  await Promise.all(
    Array.from({ length: 4 }, async (_, worker) => {
      for (let round = 0; issued < total; round++) {
        const count = Math.min(perAppend, total - issued);
        issued += count;
        const stream = (worker + 4 * round) % STREAMS;
        const streamId = `case-${stream}`;
        const events = Array.from({ length: count }, () => caseReceivedEvent(streamId, ++serial));
        const result = await store.append(streamId, versions.get(stream) ?? 0, events, { metadata });
        versions.set(stream, result.nextVersion);
      }
    }),
  );
  return (nowMs() - started) / 1000;
}

// ---------------------------------------------------------------------------------------------
// (a) Relay publish rate: everything already committed, one publishPending() drains it.

interface RelayFigures {
  topic: string;
  events: number;
  seconds: number;
  rate: number;
  onTopic: number;
  phases: Record<string, number>;
  cpu: Awaited<ReturnType<ReturnType<typeof cpuSampler>>>;
}

async function relayRate(kafka: Kafka): Promise<RelayFigures> {
  const source = await serviceDatabase('relay_src');
  console.log(`(a) relay publish rate: pre-appending ${fmt(RELAY_EVENTS)} events…`);
  const appendSeconds = await preAppend(source.store, RELAY_EVENTS);
  console.log(`    appended in ${fmt(appendSeconds, 1)} s (${fmt(RELAY_EVENTS / appendSeconds)} events/s in appends of 50)`);
  await source.dataSource.query('VACUUM ANALYZE');
  await source.dataSource.query('CHECKPOINT');
  const topic = await newTopic(kafka, 'relay');

  // Time the phases the relay delegates; the rest (encoding, checkpoint, lock) is the remainder.
  const phases = { sealNext: 0, readSealed: 0, kafkaPublish: 0 };
  const timed = <T>(phase: keyof typeof phases, work: () => Promise<T>) => async () => {
    const started = nowMs();
    try {
      return await work();
    } finally {
      phases[phase] += nowMs() - started;
    }
  };
  const log = {
    sealNext: (limit?: number) => timed('sealNext', () => source.log.sealNext(limit))(),
    readSealed: (after: bigint, limit?: number) => timed('readSealed', () => source.log.readSealed(after, limit))(),
  } as unknown as EventLog;
  const kafkaPublisher = new KafkaPublisher(kafka);
  onCleanup(() => kafkaPublisher.close());
  const publisher: EventPublisher = { publish: (messages) => timed('kafkaPublish', () => kafkaPublisher.publish(messages))() };
  const relay = new EventRelay({ service: SERVICE, topic, store: source.store, log, publisher, batchSize: RELAY_BATCH });

  const cpu = cpuSampler(ownBackends);
  const started = nowMs();
  const events = await profiled('relay', () => relay.publishPending());
  const seconds = (nowMs() - started) / 1000;
  const usage = await cpu();
  await relay.stop();

  // Encoding alone, on the same sealed events, to split the remainder.
  const sealed = [];
  for (let after = 0n; ; ) {
    const page = await source.log.readSealed(after, 5000);
    if (page.length === 0) break;
    sealed.push(...page);
    after = page[page.length - 1].logSequence;
  }
  const encodeStarted = nowMs();
  for (const event of sealed) encodeSealedEvent(event, SERVICE, topic);
  const encode = nowMs() - encodeStarted;
  const total = seconds * 1000;
  const other = total - phases.sealNext - phases.readSealed - phases.kafkaPublish;
  return {
    topic,
    events,
    seconds,
    rate: events / seconds,
    onTopic: await messagesOn(kafka, topic),
    phases: {
      'sealNext (EventLog)': phases.sealNext,
      'readSealed (EventLog)': phases.readSealed,
      'encode (measured apart)': encode,
      'Kafka send, acks=all': phases.kafkaPublish,
      'checkpoint, lock, rest': Math.max(0, other - encode),
    },
    cpu: usage,
  };
}

// ---------------------------------------------------------------------------------------------
// (c) Consumer throughput: one KafkaEventConsumer drains the relay's topic from the beginning.

async function consumerRate(kafka: Kafka, topic: string): Promise<{ handled: number; rate: number; cpu: Awaited<ReturnType<ReturnType<typeof cpuSampler>>> }> {
  const sink = await serviceDatabase('consumer_dst');
  const group = `${runId}.cases.drain`;
  createdTopics.push(deadLetterTopic(group));
  let handled = 0;
  let first = 0;
  let last = 0;
  let sampler: ReturnType<typeof cpuSampler> | undefined;
  const consumer = new KafkaEventConsumer({
    kafka,
    partitionsConsumedConcurrently: CONSUMER_CONCURRENCY,
    dataSource: sink.dataSource,
    topicSettings: TOPIC_SETTINGS,
    fromBeginning: true,
    onError: (error) => console.error(`consumer error: ${String(error)}`),
    subscription: {
      consumerGroup: group,
      topics: [topic],
      handle: async () => {
        handled++;
        if (handled === 1) {
          first = nowMs();
          sampler = cpuSampler(ownBackends);
        }
        if (handled === CONSUMER_EVENTS) last = nowMs();
      },
    },
  });
  onCleanup(() => consumer.stop());
  console.log(`(c) consumer throughput: one consumer drains ${fmt(CONSUMER_EVENTS)} events from the relay's topic…`);
  const stopProfile = startProfile('consumer');
  await consumer.start();
  await waitFor(() => last > 0, 600_000, 'the consumer did not drain the events in 10 minutes');
  if (!sampler) throw new Error('no event reached the consumer');
  const cpu = await sampler();
  await stopProfile();
  await consumer.stop();
  // The first event is the clock's start: count the ones after it.
  return { handled: CONSUMER_EVENTS, rate: (CONSUMER_EVENTS - 1) / ((last - first) / 1000), cpu };
}

// ---------------------------------------------------------------------------------------------
// (b) Latency from append commit to handler, appends paced at RATE events/s.

interface LatencyFigures {
  offered: number;
  achievedRate: number;
  handled: number;
  missing: number;
  total: Stats;
  toPublishStart: Stats;
  kafkaAck: Stats;
  toHandler: Stats;
  append: Stats;
  cpu: Awaited<ReturnType<ReturnType<typeof cpuSampler>>>;
}

interface Stats {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN };
}

async function latency(kafka: Kafka): Promise<LatencyFigures> {
  const source = await serviceDatabase('latency_src', 40);
  const sink = await serviceDatabase('latency_dst');
  const topic = await newTopic(kafka, 'latency');
  const group = `${runId}.cases.latency`;
  createdTopics.push(deadLetterTopic(group));

  const committedAt = new Map<string, number>();
  const publishStartedAt = new Map<string, number>();
  const ackedAt = new Map<string, number>();
  const handledAt = new Map<string, number>();
  const warmUp = new Set<string>();

  const consumer = new KafkaEventConsumer({
    kafka,
    partitionsConsumedConcurrently: CONSUMER_CONCURRENCY,
    dataSource: sink.dataSource,
    topicSettings: TOPIC_SETTINGS,
    fromBeginning: true,
    onError: (error) => console.error(`consumer error: ${String(error)}`),
    subscription: {
      consumerGroup: group,
      topics: [topic],
      handle: async (event) => {
        if (!handledAt.has(event.eventId)) handledAt.set(event.eventId, nowMs());
      },
    },
  });
  onCleanup(() => consumer.stop());
  await consumer.start();

  const kafkaPublisher = new KafkaPublisher(kafka);
  onCleanup(() => kafkaPublisher.close());
  const publisher: EventPublisher = {
    async publish(messages: readonly TransportMessage[]) {
      const started = nowMs();
      // Messages carry no event-id header any more: the id is read from the envelope (about 10 µs each).
      const ids = messages.map((m) => decodeEnvelope(m.value).eventId);
      for (const id of ids) if (!publishStartedAt.has(id)) publishStartedAt.set(id, started);
      await kafkaPublisher.publish(messages);
      const acked = nowMs();
      for (const id of ids) if (!ackedAt.has(id)) ackedAt.set(id, acked);
    },
  };
  const relay = new EventRelay({
    service: SERVICE,
    topic,
    store: source.store,
    log: source.log,
    publisher,
    pollIntervalMs: POLL_MS,
    onError: (error) => console.error(`relay error: ${String(error)}`),
  });
  relay.start();
  onCleanup(() => relay.stop());

  const versions = new Map<number, number>();
  const busy = new Set<number>();
  const metadata = benchMetadata();
  let serial = 0;
  const appendLatencies: number[] = [];
  const appendOne = async (record: (eventId: string, at: number) => void) => {
    let stream = Math.floor(Math.random() * STREAMS);
    while (busy.has(stream)) stream = (stream + 1) % STREAMS;
    busy.add(stream);
    const streamId = `case-${stream}`;
    try {
      const started = nowMs();
      const result = await source.store.append(
        streamId,
        versions.get(stream) ?? 0,
        Array.from({ length: APPEND_BATCH }, () => caseReceivedEvent(streamId, ++serial)),
        { metadata },
      );
      const committed = nowMs();
      appendLatencies.push(committed - started);
      versions.set(stream, result.nextVersion);
      for (const event of result.events) record(event.eventId, committed);
    } finally {
      busy.delete(stream);
    }
  };

  // Warm-up: the consumer joins its group and gets its partitions; not measured.
  console.log('(b) latency: waiting for the consumer to join and a warm-up batch to arrive…');
  await Promise.all(Array.from({ length: 20 }, () => appendOne((id) => warmUp.add(id))));
  await waitFor(() => [...warmUp].every((id) => handledAt.has(id)), 60_000, 'warm-up events never reached the consumer');
  appendLatencies.length = 0;

  // Paced appends: each millisecond tick issues what the schedule says is due.
  console.log(`    appending ${fmt(RATE)} events/s for ${LATENCY_SECONDS} s (appends of ${APPEND_BATCH})…`);
  const appendsDue = (elapsedMs: number) => Math.floor((elapsedMs / 1000) * (RATE / APPEND_BATCH));
  const totalAppends = appendsDue(LATENCY_SECONDS * 1000);
  const inFlight = new Set<Promise<void>>();
  const maxInFlight = 32;
  let issued = 0;
  let failed = 0;
  const cpu = cpuSampler(ownBackends);
  const started = nowMs();
  while (issued < totalAppends) {
    const due = Math.min(totalAppends, appendsDue(nowMs() - started));
    while (issued < due && inFlight.size < maxInFlight) {
      issued++;
      const append: Promise<void> = appendOne((id, at) => committedAt.set(id, at))
        .catch((error) => {
          failed++;
          if (failed === 1) console.error(`append failed: ${String(error)}`);
        })
        .finally(() => inFlight.delete(append));
      inFlight.add(append);
    }
    await sleep(1);
  }
  await Promise.all(inFlight);
  const appendSeconds = (nowMs() - started) / 1000;
  const offered = committedAt.size;
  await waitFor(() => [...committedAt.keys()].every((id) => handledAt.has(id)), 180_000, '').catch(() => undefined);
  const usage = await cpu();
  relay.notify();
  await relay.stop();
  await consumer.stop();
  await kafkaPublisher.close();

  const total: number[] = [];
  const toPublishStart: number[] = [];
  const kafkaAck: number[] = [];
  const toHandler: number[] = [];
  let missing = 0;
  for (const [id, committed] of committedAt) {
    const handled = handledAt.get(id);
    if (handled === undefined) {
      missing++;
      continue;
    }
    total.push(handled - committed);
    const publishing = publishStartedAt.get(id) ?? NaN;
    const acked = ackedAt.get(id) ?? NaN;
    toPublishStart.push(publishing - committed);
    kafkaAck.push(acked - publishing);
    toHandler.push(handled - acked);
  }
  return {
    offered,
    achievedRate: offered / appendSeconds,
    handled: total.length,
    missing: missing + failed * APPEND_BATCH,
    total: stats(total),
    toPublishStart: stats(toPublishStart),
    kafkaAck: stats(kafkaAck),
    toHandler: stats(toHandler),
    append: stats(appendLatencies),
    cpu: usage,
  };
}

function cpuLine(cpu: Awaited<ReturnType<ReturnType<typeof cpuSampler>>>): string {
  return (
    `node ${fmt(cpu.nodePct)}%, postgres (own backends) ${fmt(cpu.pgPct)}%, java/kafka ${fmt(cpu.javaPct)}%, everything else ${fmt(cpu.otherPct)}% ` +
    `(each % of one core; host ${fmt(cpu.hostPct)}% of ${cpu.cores} cores busy)`
  );
}

async function waitFor(condition: () => boolean, timeoutMs: number, message: string): Promise<void> {
  const deadline = nowMs() + timeoutMs;
  while (!condition()) {
    if (nowMs() > deadline) throw new Error(message || 'timed out');
    await sleep(20);
  }
}

async function deleteTopics(kafka: Kafka): Promise<void> {
  if (createdTopics.length === 0) return;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const topics = createdTopics.filter((topic) => existing.has(topic));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

async function main(): Promise<void> {
  const brokers = testInfrastructure().kafkaBrokers;
  const kafka = createKafka({
    clientId: `${runId}-bench`,
    brokers,
    log: (level, message) => {
      if (level === 'error') console.error(`kafka: ${message}`);
    },
  });
  onCleanup(() => deleteTopics(kafka));
  const background = await backgroundCpu();
  console.log(`backbone benchmark: Kafka ${brokers.join(',')}, topics ${runId}.*, ${PARTITIONS} partitions, replication 1`);
  console.log(`host CPU busy before the run (other processes): ${fmt(background)}% of ${cpus().length} cores\n`);

  const verdicts: string[] = [];
  let relayTopic: string | undefined;
  if (PARTS.has('relay') || PARTS.has('consumer')) {
    const relay = await relayRate(kafka);
    relayTopic = relay.topic;
    console.log(`    published ${fmt(relay.events)} events in ${fmt(relay.seconds, 2)} s; ${fmt(relay.onTopic)} messages on the topic\n`);
    console.log(
      formatTable(
        ['relay phase', 'ms', 'share', 'µs/event'],
        Object.entries(relay.phases).map(([phase, ms]) => [phase, fmt(ms), `${fmt((100 * ms) / (relay.seconds * 1000))}%`, fmt((1000 * ms) / relay.events, 1)]),
      ),
    );
    console.log(`    cpu: ${cpuLine(relay.cpu)}`);
    const met = relay.rate >= AIM_RELAY && relay.onTopic === relay.events;
    verdicts.push(`relay publish rate ${fmt(relay.rate)} events/s (aim ≥ ${fmt(AIM_RELAY)}): ${met ? 'met' : 'NOT met'}`);
    console.log(`\n    relay publish rate: ${fmt(relay.rate)} events/s (batch ${RELAY_BATCH ?? 2000}, sealing included)\n`);
  }

  if (PARTS.has('consumer') && relayTopic) {
    const drained = await consumerRate(kafka, relayTopic);
    console.log(`    consumer throughput: ${fmt(drained.rate)} events handled/s (one consumer, ${PARTITIONS} partitions, handler does no work of its own)`);
    if (CONSUMER_CONCURRENCY) console.log(`    consumer with partitionsConsumedConcurrently = ${CONSUMER_CONCURRENCY}`);
    console.log(`    cpu: ${cpuLine(drained.cpu)}\n`);
  }

  if (PARTS.has('latency')) {
    const figures = await latency(kafka);
    console.log(
      `    ${fmt(figures.offered)} events committed at ${fmt(figures.achievedRate)} events/s; ${fmt(figures.handled)} reached the handler, ${figures.missing} did not\n`,
    );
    const row = (label: string, s: Stats) => [label, fmt(s.p50, 1), fmt(s.p95, 1), fmt(s.p99, 1), fmt(s.max, 1)];
    console.log(
      formatTable(
        ['latency (ms)', 'p50', 'p95', 'p99', 'max'],
        [
          row('append commit → handler', figures.total),
          row('  commit → relay publishes', figures.toPublishStart),
          row('  publish → Kafka ack (acks=all)', figures.kafkaAck),
          row('  Kafka ack → handler', figures.toHandler),
          row('append call itself', figures.append),
        ],
      ),
    );
    if (CONSUMER_CONCURRENCY) console.log(`    consumer with partitionsConsumedConcurrently = ${CONSUMER_CONCURRENCY}`);
    console.log(`    cpu: ${cpuLine(figures.cpu)} (one Node process runs appender, relay and consumer)`);
    const met = figures.total.p99 <= AIM_P99_MS && figures.missing === 0 && figures.achievedRate >= RATE * 0.95;
    verdicts.push(`p99 append → handler ${fmt(figures.total.p99, 1)} ms at ${fmt(figures.achievedRate)} events/s (aim ≤ ${AIM_P99_MS} ms at ${fmt(RATE)}/s): ${met ? 'met' : 'NOT met'}`);
  }

  console.log(`\n${verdicts.join('\n')}`);
}

runBenchmark(main);
