import { randomBytes, randomUUID } from 'node:crypto';
import { sealEnvelope, encodeEnvelope, eventToJson, TOPICS, CONTEXTS, type Context, type EventInit, type EventType } from '@sangeyipi/contracts';
import { EventLog, PostgresEventStore } from '@sangeyipi/eventstore';
import {
  BACKBONE_MIGRATIONS,
  EventRelay,
  KafkaPublisher,
  createKafka,
  ensureTopics,
  validateContractEvent,
  type EventPublisher,
  type TransportMessage,
} from '@sangeyipi/messaging';
import { CLOCK, createServiceApp, type Clock } from '@sangeyipi/platform';
import {
  createTestDatabase,
  eventually,
  signTestToken,
  spawnTypeScript,
  startServiceUnderTest,
  testInfrastructure,
  uniqueName,
  type ServiceUnderTest,
  type TestDatabase,
  type TestUser,
} from '@sangeyipi/testing';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { AnalyticsModule } from '../../src/analytics.module';

export const TOPIC_SETTINGS = { partitions: 3, replicationFactor: 1 };

/** A topic prefix unique to this run and file (uniqueName's counter restarts in every file). */
export function uniquePrefix(label: string): string {
  return `${uniqueName(label)}.${randomBytes(3).toString('hex')}.`;
}

export function testKafka(): Kafka {
  return createKafka({ clientId: 'analytics-test', brokers: testInfrastructure().kafkaBrokers });
}

/** Creates every context's topic under each prefix, so that producers and consumers agree on partitions. */
export async function createTopics(kafka: Kafka, prefixes: readonly string[]): Promise<void> {
  await ensureTopics(kafka, prefixes.flatMap((prefix) => CONTEXTS.map((context) => `${prefix}${TOPICS[context]}`)), TOPIC_SETTINGS);
}

/** Publishes every batch to the same topics under several prefixes (one history, several analytics deployments). */
class FanOutPublisher implements EventPublisher {
  constructor(
    private readonly publisher: KafkaPublisher,
    private readonly prefixes: readonly string[],
  ) {}

  async publish(messages: readonly TransportMessage[]): Promise<void> {
    for (const prefix of this.prefixes) {
      await this.publisher.publish(messages.map((m) => ({ ...m, topic: `${prefix}${m.topic.slice(this.prefixes[0].length)}` })));
    }
  }
}

/**
 * One producing service's side of the backbone, as the real service runs it: its own database with
 * the event store, contract-checked appends recorded at a chosen instant, the sealed log and the relay.
 */
export class SourceService {
  private constructor(
    readonly context: Context,
    readonly database: TestDatabase,
    readonly dataSource: DataSource,
    private readonly store: PostgresEventStore,
    private readonly relay: EventRelay,
    private readonly publisher: KafkaPublisher,
    /** What the store records as each event's time. */
    private readonly clock: { now: Date },
  ) {}

  static async open(context: Context, kafka: Kafka, prefixes: readonly string[]): Promise<SourceService> {
    const database = await createTestDatabase(`src_${context}`);
    const dataSource = await new DataSource({ type: 'postgres', url: database.url, migrations: BACKBONE_MIGRATIONS, extra: { max: 4 } }).initialize();
    await dataSource.runMigrations();
    const clock = { now: new Date() };
    const store = new PostgresEventStore(dataSource, { now: () => clock.now, validateEvent: validateContractEvent });
    const publisher = new KafkaPublisher(kafka);
    const relay = new EventRelay({ service: context, topic: `${prefixes[0]}${TOPICS[context]}`, store, log: new EventLog(store), publisher: new FanOutPublisher(publisher, prefixes) });
    return new SourceService(context, database, dataSource, store, relay, publisher, clock);
  }

  /** Appends one event recorded at noon (Asia/Shanghai) of `on`. */
  async append<T extends EventType>(streamId: string, type: T, on: string, data: EventInit<T>, regionCode = '310101'): Promise<void> {
    this.clock.now = new Date(`${on}T12:00:00+08:00`);
    await this.store.append(streamId, 'any', [{ type, data: eventToJson(type, data) }], { metadata: { correlationId: randomUUID(), regionCode } });
  }

  /** Seals and publishes everything appended; returns how many events. */
  publish(): Promise<number> {
    return this.relay.publishPending();
  }

  async eventCount(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM events`);
    return row.n;
  }

  async close(): Promise<void> {
    await this.relay.stop();
    await this.publisher.close();
    await this.dataSource.destroy();
    await this.database.drop();
  }
}

/** Publishes a message of a type no contract knows yet, as a newer producer would. */
export async function publishUnknownType(kafka: Kafka, prefixes: readonly string[]): Promise<void> {
  const known = sealEnvelope('cases.StepCompleted', { caseId: 'c-new' }, { eventId: randomUUID(), streamId: 'case-c-new', streamVersion: 1, sourceService: 'cases' });
  const value = Buffer.from(encodeEnvelope({ ...known, eventType: 'cases.CaseTeleported' }));
  const producer = kafka.producer();
  await producer.connect();
  for (const prefix of prefixes) await producer.send({ topic: `${prefix}${TOPICS.cases}`, messages: [{ key: 'case-c-new', value }] });
  await producer.disconnect();
}

/**
 * The analytics service in-process on a topic prefix; `database` shares another instance's database,
 * `clock` replaces the system clock.
 */
export function startAnalytics(prefix: string, { database, clock, env = {} }: { database?: TestDatabase; clock?: Clock; env?: Record<string, string> } = {}): Promise<ServiceUnderTest> {
  return startServiceUnderTest(
    async (serviceEnv) => {
      const app = await createServiceApp(AnalyticsModule, { env: serviceEnv });
      if (clock) app.get<Clock>(CLOCK, { strict: false }).now = () => clock.now();
      return app;
    },
    'analytics',
    async () => ({
      KAFKA_TOPIC_PREFIX: prefix,
      REDIS_KEY_PREFIX: `${prefix}redis:`,
      ANALYTICS_SCHEDULE_MS: '0',
      LOG_LEVEL: 'fatal', // dead-lettering the unknown type and the pair's rebalances log by design; the tests assert outcomes
      ...(database ? { DATABASE_URL: database.url } : {}),
      ...env,
    }),
  );
}

/**
 * Waits until the analytics instance has processed `count` events in its indicator group. On a busy
 * machine a consumer group can take a while to settle; when it never does, the error carries the
 * consumer's own metrics, to say what it was doing.
 */
export async function processed(service: ServiceUnderTest, count: number): Promise<void> {
  const dataSource = await new DataSource({ type: 'postgres', url: service.database.url }).initialize();
  try {
    await eventually(
      async () => {
        const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM processed_messages WHERE consumer_group LIKE '%analytics.indicators'`);
        if (row.n === count) return true;
        const metrics = (await (await fetch(`${service.url}/metrics`)).text()).split('\n').filter((line) => line.startsWith('consumer_'));
        throw new Error(`processed ${row.n} of ${count} events; consumer metrics:\n${metrics.join('\n')}`);
      },
      { timeoutMs: 150_000, intervalMs: 250 },
    );
  } finally {
    await dataSource.destroy();
  }
}

export const PEOPLE = {
  huangpuSupervisor: { userId: 'hp-supervisor', roles: ['supervisor'], regionCode: '310101' },
  xuhuiSupervisor: { userId: 'xh-supervisor', roles: ['supervisor'], regionCode: '310104' },
  huangpuReformOffice: { userId: 'hp-reform', roles: ['reform_office'], regionCode: '310101' },
  auditor: { userId: 'auditor-01', roles: ['auditor'] },
  operationsAdmin: { userId: 'ops-01', roles: ['operations_admin'] },
  clerk: { userId: 'clerk-01', roles: ['clerk'], unitId: 'U1', regionCode: '310101' },
  unitAdmin: { userId: 'u1-admin', roles: ['unit_admin'], unitId: 'U1', regionCode: '310101' },
  applicant: { userId: 'citizen-01', roles: ['applicant'] },
} satisfies Record<string, TestUser>;

export type Person = keyof typeof PEOPLE;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Answer = { status: number; body: any; text: string };

/** Calls the service as one of PEOPLE (or nobody). */
export async function call(url: string, method: string, path: string, as?: Person, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (as) headers.authorization = `Bearer ${await signTestToken(PEOPLE[as])}`;
  const response = await fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, text };
}

/** Runs `npm run audit -- <args>` as the auditor would and waits for it. */
export async function audit(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnTypeScript('tools/auditor/src/main.ts', { args });
  const code = await child.exited;
  return { code, stdout: child.stdout(), stderr: child.stderr() };
}
