import { join, resolve } from 'node:path';
import type { Type } from '@nestjs/common';
import { CONTEXTS, EVENT_TYPES, type Context } from '@sangeyipi/contracts';
import { createKafka, ensureTopics, eventTopic } from '@sangeyipi/messaging';
import { CLOCK, createServiceApp, type Clock } from '@sangeyipi/platform';
import { eventually, startServiceUnderTest, TEST_JWT_SECRET, testInfrastructure, uniqueName, type ServiceUnderTest } from '@sangeyipi/testing';
import { Client } from 'pg';
import { SMALL_DEMO, seedDemoWorld, startSimulator, type DemoTarget } from '../../src/demo';
import { seededRandom } from '../../src/demo/seeded-random';
import { generateDemoWorld } from '../../src/demo/world/demo-world';
import { moduleClassName, readServiceRoster } from '../../src/service-roster';

/**
 * Event types the simulator cannot produce (with the contexts present), each with the reason. The test
 * also fails when one of them does appear, so that the list stays honest.
 */
function notYetProduced(present: readonly Context[]): Partial<Record<string, string>> {
  // The city enters the State Council's real notice; the demo has none it could enter without inventing one.
  const holidayNotices = {
    'catalog.HolidayNoticeEntered': "the State Council's holiday notices are entered by the city's reform office from the published text; the demo world does not invent one",
    'catalog.HolidayNoticeCorrected': 'corrects an entered notice, which the demo world never enters',
  };
  return present.includes('supervision')
    ? holidayNotices
    : {
        ...holidayNotices,
        'cases.DecisionRevoked': 'only supervision revokes a decision (a FindingRaised of a false commitment, which cases consumes); without its service nothing concludes a verification',
      };
}

/**
 * The services' clock in this test: from Monday 2025-12-08 09:00 in Shanghai, one calendar day every
 * second and a half, so that cases run late within seconds, the year ends (and its landing lists are
 * closed) soon after the world is seeded, and an inspection result can be published after its 20
 * working days within a minute.
 */
const START = Date.parse('2025-12-08T01:00:00Z');
const SPEED = 57_600;

/** A context is present when its service answers more than the platform's own routes (health, metrics). */
async function presentContexts(urlOf: (service: string) => string): Promise<Context[]> {
  const present: Context[] = [];
  for (const context of CONTEXTS) {
    const document = (await (await fetch(`${urlOf(context)}/docs-json`)).json()) as { paths: Record<string, unknown> };
    if (Object.keys(document.paths).some((path) => !path.startsWith('/health') && path !== '/metrics')) present.push(context);
  }
  return present;
}

const PROJECT_ROOT = resolve(__dirname, '../../../..');

/** Services are loaded by convention, as the embedded host loads them (a host never imports a service). */
async function serviceModule(service: string): Promise<Type> {
  const exported = (await import(join(PROJECT_ROOT, 'services', service, 'src', `${service}.module`))) as Record<string, Type>;
  return exported[moduleClassName(service)] as Type;
}

describe('the demo world, seeded and simulated through the services\' APIs', () => {
  const services = new Map<string, ServiceUnderTest>();
  const lines: string[] = [];
  let target: DemoTarget;
  // One clock for every service, never set back: it stands at START while the services start (however
  // long that takes on a busy machine) and runs from the moment the world is seeded.
  let runningSince: number | undefined;
  const clock: Clock = { now: () => new Date(START + (runningSince === undefined ? 0 : (Date.now() - runningSince) * SPEED)) };

  beforeAll(async () => {
    // Every service of the platform but the gateway, each in-process on the real PostgreSQL (its own
    // database), Redis and Kafka, all on one topic prefix so that they hear each other's events.
    const prefix = `${uniqueName('demo')}.`;
    const kafka = createKafka({ clientId: 'demo-test', brokers: testInfrastructure().kafkaBrokers });
    // The shared broker now and then answers a metadata request for a topic it has just created with
    // "does not host this topic-partition": ask again.
    await eventually(() => ensureTopics(kafka, CONTEXTS.map((context) => eventTopic(context, prefix)), { partitions: 2, replicationFactor: 1 }).then(() => true), {
      timeoutMs: 30_000,
      intervalMs: 1_000,
    });
    const roster = readServiceRoster(PROJECT_ROOT).filter((entry) => entry.name !== 'gateway');
    await Promise.all(
      roster.map(async ({ name }) => {
        const module = await serviceModule(name);
        const service = await startServiceUnderTest(
          async (env) => {
            const app = await createServiceApp(module, { env });
            app.get<Clock>(CLOCK, { strict: false }).now = () => clock.now();
            return app;
          },
          name,
          // The timers that watch deadlines run every half second instead of every minute or hour.
          // Verification tasks fall due after 5 working days instead of 20.
          {
            KAFKA_TOPIC_PREFIX: prefix,
            LOG_LEVEL: 'fatal',
            CASES_DEADLINE_SCAN_MS: '500',
            PROJECTS_RISK_SCAN_MS: '500',
            SUPERVISION_DEADLINE_SCAN_MS: '500',
            SUPERVISION_VERIFICATION_DAYS: '5',
          },
        );
        services.set(name, service);
      }),
    );
    target = {
      urlOf: (name) => {
        const service = services.get(name);
        if (!service) throw new Error(`no service ${name} in this test`);
        return service.url;
      },
      signingKey: TEST_JWT_SECRET,
      log: (line) => lines.push(line),
    };
  }, 180_000);

  afterAll(async () => {
    await Promise.all([...services.values()].map((service) => service.close()));
  }, 60_000);

  async function eventTypesIn(context: Context): Promise<Set<string>> {
    const service = services.get(context);
    if (!service) throw new Error(`no service for the context ${context}`);
    const client = new Client({ connectionString: service.database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ event_type: string }>('SELECT DISTINCT event_type FROM events');
      return new Set(rows.map((row) => row.event_type));
    } finally {
      await client.end();
    }
  }

  it('seeds SMALL_DEMO once; a second call finds it seeded and does nothing', async () => {
    runningSince = Date.now();
    const first = await seedDemoWorld(target, SMALL_DEMO, { clock });
    expect(first.seeded).toBe(true);
    const second = await seedDemoWorld(target, SMALL_DEMO, { clock });
    expect(second).toEqual({ seeded: false, summary: expect.stringContaining('already seeded') });

    const published = (await (await fetch(`${target.urlOf('catalog')}/public/items?pageSize=100`)).json()) as { total: number };
    expect(published.total).toBe(generateDemoWorld(SMALL_DEMO).items.length);
  }, 120_000);

  it('produces every event type of every context present, but those on the short list', async () => {
    const contexts = await presentContexts(target.urlOf);
    expect(contexts).toEqual(expect.arrayContaining(['catalog', 'cases']));
    const allowed = notYetProduced(contexts);
    const expected = EVENT_TYPES.filter((type) => contexts.includes(type.slice(0, type.indexOf('.')) as Context) && !allowed[type]);

    const simulator = startSimulator(target, { ratePerMinute: 150, random: seededRandom(2025), clock, pauseMs: 40 });
    let seen = new Set<string>();
    try {
      await eventually(
        async () => {
          seen = new Set((await Promise.all(contexts.map(eventTypesIn))).flatMap((types) => [...types]));
          return expected.every((type) => seen.has(type));
        },
        { timeoutMs: 150_000, intervalMs: 2_000 },
      ).catch(() => undefined); // the assertion below names what is missing
    } finally {
      await simulator.stop();
    }
    const stats = simulator.stats();
    const missing = expected.filter((type) => !seen.has(type));
    // What the simulator did and what it logged, to tell why a type is missing.
    if (missing.length > 0) throw new Error(`never stored: ${missing.join(', ')}\nstats: ${JSON.stringify(stats, null, 1)}\nlog:\n${lines.join('\n')}`);
    expect(Object.keys(allowed).filter((type) => seen.has(type))).toEqual([]);

    // Cases ended early, on time and overdue, and no storyline failed on a refusal it did not expect.
    expect(stats['cases.decided.early']).toBeGreaterThan(0);
    expect(stats['cases.decided.on-time']).toBeGreaterThan(0);
    expect(stats['cases.decided.overdue']).toBeGreaterThan(0);
    const failures = Object.entries(stats).filter(([name]) => name.startsWith('failures.'));
    expect({ failures, logged: lines.filter((line) => line.includes(' failed: ')) }).toEqual({ failures: [], logged: [] });
  }, 240_000);
});
