import { randomUUID } from 'node:crypto';
import type { SealedEvent } from '@sangeyipi/eventstore';
import { createKafka, decodeMessage, encodeSealedEvent, ensureTopics, eventTopic, KafkaPublisher, type IntegrationEvent } from '@sangeyipi/messaging';
import { CLOCK, createServiceApp, ManualClock, type Clock } from '@sangeyipi/platform';
import { eventually, signTestToken, startServiceUnderTest, testInfrastructure, uniqueName, type ServiceUnderTest } from '@sangeyipi/testing';
import type { Consumer } from 'kafkajs';
import { SupervisionDeadlineScanner } from '../../src/deadline-scanner/supervision-deadline.scanner';
import { SupervisionModule } from '../../src/supervision.module';

type SourceContext = 'cases' | 'catalog' | 'projects';

export interface SupervisionUnderTest {
  service: ServiceUnderTest;
  clock: ManualClock;
  prefix: string;
  /** Publishes another context's event on its run topic, encoded as that context's relay would. */
  publish(context: SourceContext, type: string, streamId: string, streamVersion: number, data: object, regionCode?: string): Promise<void>;
  call(method: 'GET' | 'POST', path: string, token?: string, body?: unknown): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Waits (40 s by default: Kafka consumer groups may take a while to join on a busy machine) until GET `path` answers 200 with a body `probe` accepts; returns that body. */
  until(path: string, token: string | undefined, probe: (body: any) => boolean, options?: { timeoutMs?: number }): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Every supervision event that reached the run's supervision topic so far. */
  published(): IntegrationEvent[];
  scanner(): SupervisionDeadlineScanner;
  close(): Promise<void>;
}

/**
 * Runs the supervision service in-process against the real PostgreSQL, Kafka and Redis, with a manual
 * clock starting at `start`, a publisher for the other contexts' topics and a reader of its own topic.
 */
export async function startSupervision(start: string, env: Record<string, string> = {}): Promise<SupervisionUnderTest> {
  const clock = new ManualClock(start);
  const prefix = `${uniqueName('supervision')}.`;
  const service = await startServiceUnderTest(
    async (serviceEnv) => {
      const app = await createServiceApp(SupervisionModule, { env: serviceEnv });
      const injected = app.get<Clock>(CLOCK, { strict: false });
      injected.now = () => clock.now();
      return app;
    },
    'supervision',
    { KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL: 'error', SUPERVISION_PROJECTION_POLL_MS: '20', SUPERVISION_DEADLINE_SCAN_MS: '0', ...env },
  );
  const kafka = createKafka({ clientId: 'supervision-test', brokers: testInfrastructure().kafkaBrokers });
  const topics: Record<SourceContext, string> = { cases: eventTopic('cases', prefix), catalog: eventTopic('catalog', prefix), projects: eventTopic('projects', prefix) };
  const ownTopic = eventTopic('supervision', prefix);
  await ensureTopics(kafka, [...Object.values(topics), ownTopic], { partitions: 2, replicationFactor: 1 });
  const publisher = new KafkaPublisher(kafka);
  const seen: IntegrationEvent[] = [];
  const consumer: Consumer = kafka.consumer({ groupId: `${prefix}test-reader` });
  await consumer.connect();
  await consumer.subscribe({ topic: ownTopic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message, partition, topic }) => {
      if (message.value) seen.push(decodeMessage(message.value, { topic, partition, offset: message.offset }));
    },
  });
  let sequence = 0n;

  const call: SupervisionUnderTest['call'] = async (method, path, token, body) => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  return {
    service,
    clock,
    prefix,
    async publish(context, type, streamId, streamVersion, data, regionCode = '310101') {
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
        metadata: { correlationId: randomUUID(), regionCode, actor: { id: 'system:test', role: 'clerk' } },
        recordedAt: clock.now(),
        contentDigest: '',
        previousHash: '',
        hash: '',
        logSequence: sequence,
        chainHash: '',
      };
      await publisher.publish([encodeSealedEvent(event, context, topics[context])]);
    },
    call,
    until: (path, token, probe, options) =>
      eventually(async () => {
        const answer = await call('GET', path, token);
        return answer.status === 200 && probe(answer.body) ? answer.body : undefined;
      }, { timeoutMs: 40_000, ...options }),
    published: () => seen,
    scanner: () => service.app.get(SupervisionDeadlineScanner),
    async close() {
      await consumer.disconnect();
      await publisher.close();
      await service.close();
    },
  };
}

export const supervisorToken = (regionCode = '310101', userId = 'sup-1') => signTestToken({ userId, roles: ['supervisor'], regionCode });
export const unitAdminToken = (unitId: string, userId = 'admin-1') => signTestToken({ userId, roles: ['unit_admin'], unitId, regionCode: '310101' });
export const applicantToken = (userId: string) => signTestToken({ userId, roles: ['applicant'] });
export const auditorToken = () => signTestToken({ userId: 'auditor-1', roles: ['auditor'] });

/** A case received, as cases.CaseReceived carries it (protobuf JSON). */
export function caseReceived(caseId: string, unitId: string, applicantId: string, overrides: Record<string, unknown> = {}) {
  return {
    caseId,
    receiptVoucherNumber: 'V-1',
    itemId: 'item-1',
    unitId,
    applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId },
    channel: 'CHANNEL_WINDOW',
    handlerBadge: 'B-1',
    firstAskedUserId: 'clerk-1',
    approvalSteps: ['APPROVAL_STEP_HANDLE', 'APPROVAL_STEP_DECIDE'],
    statutoryLimitDays: 20,
    committedLimitDays: 10,
    receivedOn: '2025-11-03',
    ...overrides,
  };
}
