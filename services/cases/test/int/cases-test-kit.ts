import { randomUUID } from 'node:crypto';
import type { SealedEvent } from '@sangeyipi/eventstore';
import { createKafka, encodeSealedEvent, ensureTopics, eventTopic, KafkaPublisher } from '@sangeyipi/messaging';
import { CLOCK, createServiceApp, ManualClock, type Clock } from '@sangeyipi/platform';
import { signTestToken, startServiceUnderTest, testInfrastructure, uniqueName, type ServiceUnderTest } from '@sangeyipi/testing';
import { CasesModule } from '../../src/cases.module';

export interface CasesUnderTest {
  service: ServiceUnderTest;
  clock: ManualClock;
  /** Publishes a catalog event to the run's catalog topic, as the catalog service's relay would. */
  publishCatalogEvent(type: 'catalog.CatalogItemPublished' | 'catalog.CatalogItemRevised' | 'catalog.CatalogItemWithdrawn', streamId: string, streamVersion: number, data: object): Promise<void>;
  /** Publishes a supervision event to the run's supervision topic, as supervision's relay would. */
  publishSupervisionEvent(type: 'supervision.FindingRaised', streamId: string, streamVersion: number, data: object): Promise<void>;
  call(method: 'GET' | 'POST' | 'PUT', path: string, token: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Stops the service as a restart would, leaving its database for the next instance (the caller drops it). */
  stop(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Runs the cases service in-process against the real PostgreSQL, Kafka and Redis, with a manual clock
 * (the injected CLOCK's `now` is pointed at it) starting at `start`. `prefix` puts it on topics other
 * services of the test use too; `env` adds or overrides variables (e.g. another instance's DATABASE_URL).
 */
export async function startCases(start: string, { prefix = `${uniqueName('cases')}.`, env = {} }: { prefix?: string; env?: Record<string, string> } = {}): Promise<CasesUnderTest> {
  const clock = new ManualClock(start);
  const service = await startServiceUnderTest(
    async (env) => {
      const app = await createServiceApp(CasesModule, { env });
      const injected = app.get<Clock>(CLOCK, { strict: false });
      injected.now = () => clock.now();
      return app;
    },
    'cases',
    { KAFKA_TOPIC_PREFIX: prefix, CASES_PROJECTION_POLL_MS: '20', CASES_DEADLINE_SCAN_MS: '0', ...env },
  );
  const kafka = createKafka({ clientId: 'cases-test-catalog', brokers: testInfrastructure().kafkaBrokers });
  const topic = eventTopic('catalog', prefix);
  const supervisionTopic = eventTopic('supervision', prefix);
  await ensureTopics(kafka, [topic, supervisionTopic], { partitions: 2, replicationFactor: 1 });
  const publisher = new KafkaPublisher(kafka);
  let sequence = 0n;

  const publish = async (source: string, target: string, type: string, streamId: string, streamVersion: number, data: object) => {
      sequence += 1n;
      const event: SealedEvent = {
        eventId: randomUUID(),
        streamId,
        streamVersion,
        position: sequence,
        transactionId: sequence,
        type,
        schemaVersion: 1,
        data,
        metadata: { correlationId: randomUUID() },
        recordedAt: clock.now(),
        contentDigest: '',
        previousHash: '',
        hash: '',
        logSequence: sequence,
        chainHash: '',
      };
      await publisher.publish([encodeSealedEvent(event, source, target)]);
  };

  return {
    service,
    clock,
    publishCatalogEvent: (type, streamId, streamVersion, data) => publish('catalog', topic, type, streamId, streamVersion, data),
    publishSupervisionEvent: (type, streamId, streamVersion, data) => publish('supervision', supervisionTopic, type, streamId, streamVersion, data),
    async call(method, path, token, body, headers = {}) {
      const response = await fetch(`${service.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    async stop() {
      await publisher.close();
      await service.app.close();
    },
    async close() {
      await publisher.close();
      await service.close();
    },
  };
}

/** A published item's full state, as catalog.CatalogItemPublished carries it (protobuf JSON). */
export function publishedItem(itemId: string, unitId: string, overrides: Record<string, unknown> = {}) {
  return {
    itemId,
    batchId: randomUUID(),
    publishedOn: '2025-09-01',
    unitId,
    level: 'ADMINISTRATIVE_LEVEL_DISTRICT',
    regionCode: '310101',
    revision: 1,
    batchNumber: 1,
    definition: {
      itemCode: '310101-SCJG-0001',
      name: '食品经营许可',
      catalogKind: 'CATALOG_KIND_ON_THE_SPOT',
      completionMode: 'COMPLETION_MODE_TIME_LIMITED',
      caseType: 'CASE_TYPE_COMMITMENT',
      statutoryLimitDays: 20,
      committedLimitDays: 20,
      approvalSteps: ['APPROVAL_STEP_HANDLE', 'APPROVAL_STEP_REVIEW', 'APPROVAL_STEP_DECIDE'],
      ...overrides,
    },
  };
}

export const staffToken = (userId: string, role: string, unitId: string, regionCode = '310101') =>
  signTestToken({ userId, roles: [role], unitId, regionCode });
export const applicantToken = (userId: string) => signTestToken({ userId, roles: ['applicant'] });
