import { randomBytes } from 'node:crypto';
import { CreateIndicatorFacts1764800000000, FactFolder, IndicatorFactStore, currentRanges, decodeForFold, readHistory, type Fact } from '@sangeyipi/indicators';
import { createKafka, ensureTopics } from '@sangeyipi/messaging';
import { createTestDatabase, testInfrastructure, uniqueName, type TestDatabase } from '@sangeyipi/testing';
import type { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { sealedCaseEvents } from '../../src/indicator-history.fixture';

describe('rebuilding the indicator projection while the live consumer applies events', () => {
  let kafka: Kafka;
  let producer: Producer;
  let database: TestDatabase;
  let dataSource: DataSource;
  let topic: string;

  beforeAll(async () => {
    kafka = createKafka({ clientId: 'indicators-test', brokers: testInfrastructure().kafkaBrokers });
    producer = kafka.producer();
    await producer.connect();
    database = await createTestDatabase('indicators');
    dataSource = await new DataSource({ type: 'postgres', url: database.url, migrations: [CreateIndicatorFacts1764800000000], extra: { max: 6 } }).initialize();
    await dataSource.runMigrations();
  });

  beforeEach(async () => {
    topic = `${uniqueName('indicators')}.${randomBytes(3).toString('hex')}.cases.events.v1`;
    await ensureTopics(kafka, [topic], { partitions: 3, replicationFactor: 1 });
    await dataSource.query(`TRUNCATE analytics_facts, analytics_offsets`);
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

  /** Sends cases [from, to) to the topic in one go. */
  const sendCases = (from: number, to: number) =>
    producer.send({ topic, messages: Array.from({ length: to - from }, (_, i) => sealedCaseEvents(from + i)).flat().map((m) => ({ key: m.streamId, value: m.value })) });

  /** Sends cases [0, 100) and applies them live. */
  const hundredCasesLive = async (store: IndicatorFactStore) => {
    await sendCases(0, 100);
    await readHistory(kafka, await currentRanges(kafka, [topic]), {
      onBatch: async (messages) => {
        for (const message of messages) await applyLive(store, message, message.value ?? Buffer.alloc(0));
      },
    });
  };

  /** What the projection holds: every fact by key, the offsets, and the facts table's indexes and owner. */
  const projection = async () => ({
    facts: Object.fromEntries((await dataSource.query(`SELECT fact_key, fact FROM analytics_facts`)).map((row: { fact_key: string; fact: Fact }) => [row.fact_key, row.fact])),
    offsets: await dataSource.query(`SELECT topic, partition, next_offset FROM analytics_offsets ORDER BY topic, partition`),
    table: await dataSource.query(
      `SELECT indexname, indexdef, (SELECT tableowner FROM pg_tables WHERE tablename = 'analytics_facts') AS owner FROM pg_indexes WHERE tablename = 'analytics_facts' ORDER BY indexname`,
    ),
  });

  it.each([
    ['written in one statement', undefined],
    ['written a batch at a time, some facts again from the tail', 1],
  ])('ends with exactly the facts and offsets of the whole history folded once (facts %s)', async (_, stageChunk) => {
    const store = new IndicatorFactStore(dataSource);
    await hundredCasesLive(store);
    const tableBefore = (await projection()).table;

    // A rebuild starts; 50 more cases arrive and are applied live meanwhile, one message at a time.
    const rebuilding = store.rebuild(kafka, [topic], { stageChunk });
    for (let n = 100; n < 150; n++) {
      for (const message of sealedCaseEvents(n)) {
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
    const after = await projection();
    expect(after.facts).toEqual(Object.fromEntries(folder.facts));
    expect((await store.offsets()).map((r) => [r.partition, r.toOffset])).toEqual(ranges.map((r) => [r.partition, r.toOffset]));
    // The swapped-in table is analytics_facts as the migrations made it: same indexes, names and owner.
    expect(after.table).toEqual(tableBefore);
  });

  it('leaves the previous facts and offsets as they were when a rebuild fails midway', async () => {
    const store = new IndicatorFactStore(dataSource);
    await hundredCasesLive(store);
    await sendCases(100, 150);
    const before = await projection();

    // Every batch's facts are written as it is folded; the last batch fails, after the others were written.
    const abortOnLastBatch = (messages: number, total: number) => {
      if (messages === total) throw new Error('aborted');
    };
    await expect(store.rebuild(kafka, [topic], { stageChunk: 1, onProgress: abortOnLastBatch })).rejects.toThrow('aborted');

    expect(await projection()).toEqual(before);
    expect(await dataSource.query(`SELECT to_regclass('analytics_facts_rebuilt') AS rebuilt`)).toEqual([{ rebuilt: null }]);
  });

  it('refuses to swap out a facts table with a trigger (the new table would not have it), leaving the projection as it was', async () => {
    const store = new IndicatorFactStore(dataSource);
    await hundredCasesLive(store);
    await dataSource.query(`CREATE FUNCTION keep_facts() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`);
    await dataSource.query(`CREATE TRIGGER keep_facts BEFORE UPDATE ON analytics_facts FOR EACH ROW EXECUTE FUNCTION keep_facts()`);
    try {
      const before = await projection();
      await expect(store.rebuild(kafka, [topic])).rejects.toThrow('rebuild refused');
      expect(await projection()).toEqual(before);
    } finally {
      await dataSource.query(`DROP TRIGGER keep_facts ON analytics_facts`);
      await dataSource.query(`DROP FUNCTION keep_facts()`);
    }
  });
});
