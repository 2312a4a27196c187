import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import { ExpectedVersion } from '@sangeyipi/eventstore';
import {
  deadLetterTopic,
  decodeMessage,
  encodeSealedEvent,
  ensureTopics,
  EventRelay,
  eventTopic,
  InProcessEventBus,
  KafkaEventConsumer,
  KafkaPublisher,
  type IntegrationEvent,
} from '@sangeyipi/messaging';
import { eventually, spawnTypeScript, uniqueName, type TypeScriptProcess } from '@sangeyipi/testing';
import { caseReceived, createBackboneFixture, sealAll, testKafka, TOPIC_SETTINGS, type BackboneFixture } from './backbone.fixture';

const STREAMS = 50;
const EVENTS_PER_STREAM = 60;

function startRelay(url: string, topic: string): TypeScriptProcess {
  return spawnTypeScript(path.join(__dirname, 'relay-process.ts'), { args: [url, topic, 'cases'] });
}

describe('store → relay → Kafka → consumer → read model', () => {
  let producerSide: BackboneFixture;
  let consumerSide: BackboneFixture;
  const relays: TypeScriptProcess[] = [];

  beforeAll(async () => {
    producerSide = await createBackboneFixture('relay_src');
    consumerSide = await createBackboneFixture('relay_dst');
    await consumerSide.dataSource.query(`CREATE TABLE received_totals (stream_id text PRIMARY KEY, events int NOT NULL, amount bigint NOT NULL)`);
  });
  afterAll(async () => {
    relays.forEach((relay) => relay.kill('SIGKILL'));
    await producerSide.close();
    await consumerSide.close();
  });

  it('keeps every event exactly once and per-key order through a relay killed with SIGKILL mid-publish', async () => {
    const topic = eventTopic('cases', `${uniqueName('kill')}.`);
    const kafka = testKafka('relay-test');
    await ensureTopics(kafka, [topic], TOPIC_SETTINGS);

    let expectedSum = 0;
    for (let version = 0; version < EVENTS_PER_STREAM; version++) {
      for (let s = 0; s < STREAMS; s++) {
        const amount = s * 1000 + version;
        expectedSum += amount;
        await producerSide.store.append(`case-${s}`, version === 0 ? ExpectedVersion.NoStream : version, [caseReceived(`case-${s}`, amount)], {
          metadata: { correlationId: 'kill-test' },
        });
      }
    }
    const total = STREAMS * EVENTS_PER_STREAM;

    const consumer = new KafkaEventConsumer({
      kafka,
      dataSource: consumerSide.dataSource,
      topicSettings: TOPIC_SETTINGS,
      subscription: {
        consumerGroup: uniqueName('cases.totals'),
        topics: [topic],
        handle: async (event: IntegrationEvent, manager) => {
          const amount = Number((event.data as { handlerBadge: string }).handlerBadge);
          await manager.query(
            `INSERT INTO received_totals (stream_id, events, amount) VALUES ($1, 1, $2)
             ON CONFLICT (stream_id) DO UPDATE SET events = received_totals.events + 1, amount = received_totals.amount + $2`,
            [event.streamId, amount],
          );
        },
      },
    });
    await consumer.start();

    // First relay: killed without warning once it has published part of the history.
    const first = startRelay(producerSide.database.url, topic);
    relays.push(first);
    await eventually(
      () => {
        if (first.exitCode() !== null) throw new Error(`relay exited: ${first.stderr()}`);
        return (first.stdout().match(/published/g) ?? []).length >= 3;
      },
      { timeoutMs: 60_000 },
    );
    first.kill('SIGKILL');
    await first.exited;
    const [{ log_sequence: checkpointAtKill }] = await producerSide.dataSource.query(`SELECT log_sequence::int FROM relay_checkpoints`);
    expect(checkpointAtKill).toBeLessThan(total);

    // Second relay: resumes from the checkpoint and republishes whatever was in flight.
    relays.push(startRelay(producerSide.database.url, topic));

    await eventually(async () => {
      const [row] = await consumerSide.dataSource.query(`SELECT coalesce(sum(events), 0)::int AS events, coalesce(sum(amount), 0)::bigint AS amount FROM received_totals`);
      expect(row).toEqual({ events: total, amount: String(expectedSum) });
      return true;
    }, { timeoutMs: 90_000 });
    await consumer.stop();

    // Per-key order on the topic: the first time each version appears, versions come 1, 2, 3…
    const seen = new Map<string, number>();
    const reader = kafka.consumer({ groupId: uniqueName('order-check') });
    await reader.connect();
    await reader.subscribe({ topic, fromBeginning: true });
    let messages = 0;
    let outOfOrder = 0;
    await reader.run({
      eachMessage: async ({ partition, message }) => {
        messages++;
        const event = decodeMessage(message.value!, { topic, partition, offset: message.offset });
        const last = seen.get(event.streamId) ?? 0;
        if (event.streamVersion === last + 1) seen.set(event.streamId, event.streamVersion);
        else if (event.streamVersion > last + 1) outOfOrder++;
      },
    });
    await eventually(() => messages >= total && [...seen.values()].every((v) => v === EVENTS_PER_STREAM) && seen.size === STREAMS, { timeoutMs: 60_000 });
    await reader.disconnect();
    expect(outOfOrder).toBe(0);
  });
});

describe('consumer delivery guarantees', () => {
  let fixture: BackboneFixture;
  beforeAll(async () => {
    fixture = await createBackboneFixture('consumer');
    await fixture.dataSource.query(`CREATE TABLE handled (event_id uuid, badge text)`);
  });
  afterAll(() => fixture.close());

  it('changes the read model once for a message delivered twice, and dead-letters a poison message then moves on', async () => {
    const kafka = testKafka('consumer-test');
    const topic = eventTopic('cases', `${uniqueName('dup')}.`);
    const group = uniqueName('cases.handled');
    await ensureTopics(kafka, [topic, deadLetterTopic(group)], { partitions: 1, replicationFactor: 1 });

    // Real encoded events, from a real store and relay encoding.
    const source = await createBackboneFixture('consumer_src');
    await source.store.append('case-dup', 0, [caseReceived('case-dup', 1), caseReceived('case-dup', 2)], { metadata: { correlationId: 'dup' } });
    const sealed = await sealAll(source, 2);
    const [first, second] = sealed.map((event) => encodeSealedEvent(event, 'cases', topic));
    await source.close();

    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [first, first, { key: 'poison', value: Buffer.from('not a protobuf envelope at all') }, second].map((m) => ({ key: m.key, value: m.value })),
    });
    await producer.disconnect();

    const outcomes: string[] = [];
    const consumer = new KafkaEventConsumer({
      kafka,
      dataSource: fixture.dataSource,
      topicSettings: TOPIC_SETTINGS,
      onOutcome: (outcome) => outcomes.push(outcome),
      subscription: {
        consumerGroup: group,
        topics: [topic],
        handle: async (event, manager) => {
          await manager.query(`INSERT INTO handled (event_id, badge) VALUES ($1, $2)`, [event.eventId, (event.data as { handlerBadge: string }).handlerBadge]);
        },
      },
    });
    await consumer.start();
    await eventually(() => outcomes.length === 4);
    await consumer.stop();

    expect(outcomes).toEqual(['handled', 'duplicate', 'dead-lettered', 'handled']);
    expect(await fixture.dataSource.query(`SELECT badge FROM handled ORDER BY badge`)).toEqual([{ badge: '1' }, { badge: '2' }]);

    const dlq: Array<{ value: string; error: string }> = [];
    const dlqReader = kafka.consumer({ groupId: uniqueName('dlq-check') });
    await dlqReader.connect();
    await dlqReader.subscribe({ topic: deadLetterTopic(group), fromBeginning: true });
    await dlqReader.run({ eachMessage: async ({ message }) => void dlq.push({ value: message.value!.toString(), error: message.headers!['dlq-error']!.toString() }) });
    await eventually(() => dlq.length === 1);
    await dlqReader.disconnect();
    expect(dlq[0].value).toBe('not a protobuf envelope at all');
    expect(dlq[0].error).toMatch(/MalformedMessageError/);
  });

  it('retries a failing handler with backoff, then dead-letters it without stopping', async () => {
    const kafka = testKafka('retry-test');
    const topic = eventTopic('cases', `${uniqueName('retry')}.`);
    const group = uniqueName('cases.retry');
    const source = await createBackboneFixture('retry_src');
    await source.store.append('case-r', 0, [caseReceived('case-r', 7), caseReceived('case-r', 8)], { metadata: { correlationId: 'retry' } });
    const sealed = await sealAll(source, 2);
    await ensureTopics(kafka, [topic], { partitions: 1, replicationFactor: 1 });
    const publisher = new KafkaPublisher(kafka);
    await publisher.publish(sealed.map((event) => encodeSealedEvent(event, 'cases', topic)));
    await publisher.close();
    await source.close();

    let attempts = 0;
    const outcomes: string[] = [];
    const consumer = new KafkaEventConsumer({
      kafka,
      dataSource: fixture.dataSource,
      topicSettings: TOPIC_SETTINGS,
      onOutcome: (outcome) => outcomes.push(outcome),
      subscription: {
        consumerGroup: group,
        topics: [topic],
        maxAttempts: 3,
        retryBackoffMs: 10,
        handle: async (event, manager) => {
          if ((event.data as { handlerBadge: string }).handlerBadge === '7') {
            attempts++;
            throw new Error('downstream refused');
          }
          await manager.query(`INSERT INTO handled (event_id, badge) VALUES ($1, $2)`, [event.eventId, '8']);
        },
      },
    });
    await consumer.start();
    await eventually(() => outcomes.length === 2);
    await consumer.stop();
    expect(attempts).toBe(3);
    expect(outcomes).toEqual(['dead-lettered', 'handled']);
  });
});

describe('the in-process transport', () => {
  it('hands relayed events to local subscribers with the same handler contract', async () => {
    const fixture = await createBackboneFixture('inproc');
    await fixture.dataSource.query(`CREATE TABLE seen (event_id uuid PRIMARY KEY, stream_version int, source_position bigint, delivery_offset bigint)`);
    const bus = new InProcessEventBus();
    const topic = eventTopic('cases');
    bus.subscribe(fixture.dataSource, {
      consumerGroup: 'analytics.cases',
      topics: [topic],
      handle: async (event, manager) =>
        void (await manager.query(`INSERT INTO seen VALUES ($1, $2, $3, $4)`, [event.eventId, event.streamVersion, event.sourcePosition.toString(), event.delivery.offset])),
    });
    bus.open();
    const relay = new EventRelay({ service: 'cases', topic, store: fixture.store, log: fixture.log, publisher: bus });
    await fixture.store.append('case-local', 0, [caseReceived('case-local', 1), caseReceived('case-local', 2)], {
      metadata: { correlationId: 'local' },
    });
    let published = 0;
    await eventually(async () => (published += await relay.publishPending()) >= 2);
    expect(published).toBe(2);
    await bus.publish([{ topic, key: 'x', value: Buffer.from('garbage'), headers: {} }]);
    expect(await fixture.dataSource.query(`SELECT stream_version FROM seen ORDER BY stream_version`)).toEqual([{ stream_version: 1 }, { stream_version: 2 }]);
    // The offset is the event's place in the sealed log, so it keeps growing across restarts.
    const positions = await fixture.dataSource.query(`SELECT source_position = delivery_offset AS same FROM seen`);
    expect(positions).toEqual([{ same: true }, { same: true }]);
    expect(await fixture.dataSource.query(`SELECT consumer_group, error FROM dead_letters`)).toEqual([
      { consumer_group: 'analytics.cases', error: expect.stringMatching(/MalformedMessageError/) },
    ]);
    await relay.stop();
    await fixture.close();
  });

  it("runs each subscriber's handler in the async context it subscribed from, not the publisher's", async () => {
    const fixture = await createBackboneFixture('inproc_context');
    const application = new AsyncLocalStorage<string>();
    const bus = new InProcessEventBus();
    const topic = eventTopic('cases');
    const seenIn: Array<string | undefined> = [];
    application.run('subscriber', () =>
      bus.subscribe(fixture.dataSource, { consumerGroup: 'notifications.cases', topics: [topic], handle: async () => void seenIn.push(application.getStore()) }),
    );
    bus.open();
    const relay = new EventRelay({ service: 'cases', topic, store: fixture.store, log: fixture.log, publisher: bus });
    await fixture.store.append('case-context', 0, [caseReceived('case-context', 1)], { metadata: { correlationId: 'context' } });

    try {
      await application.run('publisher', () => eventually(async () => (await relay.publishPending()) >= 1));

      expect(seenIn).toEqual(['subscriber']);
    } finally {
      await relay.stop();
      await fixture.close();
    }
  });

  it('holds events back until the bus opens, so applications started later still get them', async () => {
    const bus = new InProcessEventBus();
    let delivered = false;
    const publishing = bus.publish([]).then(() => (delivered = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(delivered).toBe(false);
    bus.open();
    await publishing;
    expect(delivered).toBe(true);
  });
});
