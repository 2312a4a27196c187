import { randomBytes, randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { encodeEnvelope, sealEnvelope, type EventInit, type EventType } from '@sangeyipi/contracts';
import { CreateIndicatorFacts1764800000000, FactFolder, IndicatorFactStore, currentRanges, decodeForFold, readHistory, type Fact } from '@sangeyipi/indicators';
import { createKafka, ensureTopics } from '@sangeyipi/messaging';
import { createTestDatabase, testInfrastructure, uniqueName, type TestDatabase } from '@sangeyipi/testing';
import type { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';

/** Case streams of four events each; the n-th case's events, as its relay would seal them. */
function caseEvents(n: number): Array<{ streamId: string; value: Buffer }> {
  const caseId = `c${n}`;
  const events: Array<[EventType, EventInit<EventType>]> = [
    ['cases.CaseReceived', { caseId, unitId: `U${n % 3}`, itemId: 'A', statutoryLimitDays: 20 }],
    ['cases.MaterialsSupplementRequested', { caseId, requestNumber: 1 }],
    ['cases.CaseAccepted', { caseId, committedDeadline: '2026-10-30' }],
    ['cases.CaseDecided', { caseId, workingDaysUsed: n % 7 }],
  ];
  return events.map(([type, data], i) => ({
    streamId: `case-${caseId}`,
    value: Buffer.from(
      encodeEnvelope(
        sealEnvelope(type, data, { eventId: randomUUID(), streamId: `case-${caseId}`, streamVersion: i + 1, recordedAt: timestampFromDate(new Date(Date.UTC(2026, 9, 8, n % 24, i))), sourceService: 'cases' }),
      ),
    ),
  }));
}

describe('rebuilding the indicator projection while the live consumer applies events', () => {
  let kafka: Kafka;
  let producer: Producer;
  let database: TestDatabase;
  let dataSource: DataSource;
  const topic = `${uniqueName('indicators')}.${randomBytes(3).toString('hex')}.cases.events.v1`;

  beforeAll(async () => {
    kafka = createKafka({ clientId: 'indicators-test', brokers: testInfrastructure().kafkaBrokers });
    await ensureTopics(kafka, [topic], { partitions: 3, replicationFactor: 1 });
    producer = kafka.producer();
    await producer.connect();
    database = await createTestDatabase('indicators');
    dataSource = await new DataSource({ type: 'postgres', url: database.url, migrations: [CreateIndicatorFacts1764800000000], extra: { max: 6 } }).initialize();
    await dataSource.runMigrations();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await dataSource?.destroy();
    await database?.drop();
  });

  /** Applies one message as the consumer does: in a transaction of its own. */
  const applyLive = (store: IndicatorFactStore, delivery: { partition: number; offset: string }, value: Buffer) =>
    dataSource.transaction(async (manager) => {
      const event = decodeForFold(value);
      if (event) await store.applyLive(manager, event, { topic, ...delivery });
    });

  it('ends with exactly the facts and offsets of the whole history folded once', async () => {
    const store = new IndicatorFactStore(dataSource);
    // 100 cases on the topic, applied live.
    await producer.send({ topic, messages: Array.from({ length: 100 }, (_, n) => caseEvents(n)).flat().map((m) => ({ key: m.streamId, value: m.value })) });
    await readHistory(kafka, await currentRanges(kafka, [topic]), {
      onBatch: async (messages) => {
        for (const message of messages) await applyLive(store, message, message.value ?? Buffer.alloc(0));
      },
    });

    // A rebuild starts; 50 more cases arrive and are applied live meanwhile, one message at a time.
    const rebuilding = store.rebuild(kafka, [topic]);
    for (let n = 100; n < 150; n++) {
      for (const message of caseEvents(n)) {
        const [sent] = await producer.send({ topic, messages: [{ key: message.streamId, value: message.value }] });
        await applyLive(store, { partition: sent.partition, offset: sent.baseOffset ?? '0' }, message.value);
      }
    }
    const report = await rebuilding;
    expect(report.messages).toBeGreaterThanOrEqual(400);

    // What folding the whole topic from scratch gives.
    const ranges = await currentRanges(kafka, [topic]);
    const folder = new FactFolder();
    await readHistory(kafka, ranges, {
      onBatch: (messages) => {
        for (const message of messages) {
          const event = decodeForFold(message.value);
          if (event) folder.add(event);
        }
      },
    });
    expect(folder.facts.size).toBe(150);
    const rows: Array<{ fact_key: string; fact: Fact }> = await dataSource.query(`SELECT fact_key, fact FROM analytics_facts ORDER BY fact_key`);
    expect(Object.fromEntries(rows.map((row) => [row.fact_key, row.fact]))).toEqual(Object.fromEntries(folder.facts));
    expect((await store.offsets()).map((r) => [r.partition, r.toOffset])).toEqual(ranges.map((r) => [r.partition, r.toOffset]));
  });
});
