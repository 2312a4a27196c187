import { encodeSealedEvent, EventRelay, eventTopic, MessageProcessor, PostgresDeadLetterSink, type EventPublisher, type IncomingMessage, type TransportMessage } from '@sangeyipi/messaging';
import { CorrelationContext } from '@sangeyipi/platform';
import { eventually, uniqueName } from '@sangeyipi/testing';
import { caseReceived, createBackboneFixture, sealAll, type BackboneFixture } from './backbone.fixture';

const badgeOf = (data: unknown) => (data as { handlerBadge: string }).handlerBadge;

describe('a batch handled in one transaction', () => {
  let consumerSide: BackboneFixture;
  let messages: IncomingMessage[];

  beforeAll(async () => {
    consumerSide = await createBackboneFixture('batch_dst');
    await consumerSide.dataSource.query(`CREATE TABLE handled (seq serial PRIMARY KEY, event_id uuid NOT NULL, badge text NOT NULL)`);

    // Eight real events, encoded as the relay encodes them.
    const source = await createBackboneFixture('batch_src');
    for (let badge = 1; badge <= 8; badge++) {
      await source.store.append(`case-${badge}`, 0, [caseReceived(`case-${badge}`, badge)], { metadata: { correlationId: 'batch' } });
    }
    const encoded = (await sealAll(source, 8)).map((event) => encodeSealedEvent(event, 'cases', 'cases.events.v1'));
    await source.close();

    // e1 e2 e2(again) e3 e4(always fails) e5 e6(fails once) garbage e7 e8, as one fetched batch.
    const [e1, e2, e3, e4, e5, e6, e7, e8] = encoded;
    const garbage: TransportMessage = { topic: 'cases.events.v1', key: 'garbage', value: Buffer.from('not an envelope'), headers: {} };
    messages = [e1, e2, e2, e3, e4, e5, e6, garbage, e7, e8].map((m, offset) => ({
      topic: m.topic,
      partition: 0,
      offset: String(offset),
      key: m.key,
      value: m.value,
    }));
  });
  afterAll(() => consumerSide.close());

  it('retries or dead-letters only the failing message, and applies every other one exactly once, in order', async () => {
    const calls = new Map<string, number>();
    const group = uniqueName('cases.batch');
    const processor = new MessageProcessor(
      consumerSide.dataSource,
      {
        consumerGroup: group,
        topics: ['cases.events.v1'],
        maxAttempts: 3,
        retryBackoffMs: 5,
        handle: async (event, manager) => {
          const badge = badgeOf(event.data);
          calls.set(badge, (calls.get(badge) ?? 0) + 1);
          await manager.query(`INSERT INTO handled (event_id, badge) VALUES ($1, $2)`, [event.eventId, badge]);
          if (badge === '4') throw new Error('downstream refused');
          if (badge === '6' && calls.get(badge) === 1) throw new Error('flaky once');
        },
      },
      new PostgresDeadLetterSink(consumerSide.dataSource),
    );

    const outcomes = await processor.processBatch(messages);

    expect(outcomes).toEqual(['handled', 'handled', 'duplicate', 'handled', 'dead-lettered', 'handled', 'handled', 'dead-lettered', 'handled', 'handled']);
    expect((await consumerSide.dataSource.query(`SELECT badge FROM handled ORDER BY seq`)).map((r: { badge: string }) => r.badge)).toEqual([
      '1', '2', '3', '5', '6', '7', '8',
    ]);
    expect(calls.get('4')).toBe(3);
    expect(await consumerSide.dataSource.query(`SELECT message_key, "offset", attempts, error FROM dead_letters WHERE consumer_group = $1 ORDER BY id`, [group])).toEqual([
      { message_key: 'case-4', offset: '4', attempts: 3, error: 'Error: downstream refused' },
      { message_key: 'garbage', offset: '7', attempts: 0, error: expect.stringMatching(/MalformedMessageError/) },
    ]);

    // The whole batch delivered again (a crash before the offsets were committed): no effect twice.
    const again = await processor.processBatch(messages);
    expect(again.filter((outcome) => outcome === 'handled')).toEqual([]);
    expect(await consumerSide.dataSource.query(`SELECT count(*)::int AS n FROM handled`)).toEqual([{ n: 7 }]);
  });
});

describe('a batch whose handler swallows a database error', () => {
  it('loses none of the other messages of the batch', async () => {
    const fixture = await createBackboneFixture('batch_swallow');
    try {
      await fixture.dataSource.query(`CREATE TABLE handled (event_id uuid NOT NULL, badge text NOT NULL)`);
      for (let badge = 1; badge <= 4; badge++) {
        await fixture.store.append(`case-s${badge}`, 0, [caseReceived(`case-s${badge}`, badge)], { metadata: { correlationId: 'swallow' } });
      }
      const messages = (await sealAll(fixture, 4)).map((event, offset) => {
        const m = encodeSealedEvent(event, 'cases', 'cases.events.v1');
        return { topic: m.topic, partition: 0, offset: String(offset), key: m.key, value: m.value };
      });
      const processor = new MessageProcessor(
        fixture.dataSource,
        {
          consumerGroup: uniqueName('cases.swallow'),
          topics: ['cases.events.v1'],
          handle: async (event, manager) => {
            const badge = badgeOf(event.data);
            // Badge 3's handler hides a failed statement; its transaction is aborted from then on.
            if (badge === '3') await manager.query(`SELECT 1 / 0`).catch(() => undefined);
            else await manager.query(`INSERT INTO handled (event_id, badge) VALUES ($1, $2)`, [event.eventId, badge]);
          },
        },
        new PostgresDeadLetterSink(fixture.dataSource),
      );
      await processor.processBatch(messages);
      expect((await fixture.dataSource.query(`SELECT badge FROM handled ORDER BY badge`)).map((r: { badge: string }) => r.badge)).toEqual(['1', '2', '4']);
    } finally {
      await fixture.close();
    }
  });
});

describe('the relay with a send in flight', () => {
  it('moves its checkpoint only past acknowledged sends, so a failed send is published again, in order', async () => {
    const fixture = await createBackboneFixture('relay_fail');
    try {
      for (let n = 0; n < 25; n++) {
        await fixture.store.append('case-ordered', n, [caseReceived('case-ordered', n)], { metadata: { correlationId: 'fail' } });
      }
      await sealAll(fixture, 25);
      const received: string[] = [];
      let sends = 0;
      const flakyPublisher: EventPublisher = {
        async publish(batch: readonly TransportMessage[]) {
          sends++;
          if (sends === 3) throw new Error('broker unavailable');
          // Slow acknowledgements, so the next batch is sealed and encoded while this one is in flight.
          await new Promise((resolve) => setTimeout(resolve, 20));
          received.push(...batch.map((m) => m.value.toString('base64')));
        },
      };
      const relay = new EventRelay({ service: 'cases', topic: eventTopic('cases'), store: fixture.store, log: fixture.log, publisher: flakyPublisher, batchSize: 5 });

      await expect(relay.publishPending()).rejects.toThrow('broker unavailable');
      expect(await relay.checkpoint()).toBe(10n);
      expect(await relay.publishPending()).toBe(15);
      expect(await relay.checkpoint()).toBe(25n);
      await relay.stop();

      const sealed = (await fixture.log.readSealed(0n, 100)).map((event) => encodeSealedEvent(event, 'cases', eventTopic('cases')).value.toString('base64'));
      expect(received).toEqual(sealed);
    } finally {
      await fixture.close();
    }
  });

  it('gathers appends notified in quick succession into few rounds, and publishes them all', async () => {
    const fixture = await createBackboneFixture('relay_gather');
    try {
      const rounds: number[] = [];
      let received = 0;
      const publisher: EventPublisher = {
        async publish(batch: readonly TransportMessage[]) {
          rounds.push(Date.now());
          received += batch.length;
        },
      };
      const relay = new EventRelay({
        service: 'cases',
        topic: eventTopic('cases'),
        store: fixture.store,
        log: fixture.log,
        publisher,
        // Polls still pick up what the cluster-wide watermark held back at a notify.
        pollIntervalMs: 300,
        minRoundIntervalMs: 100,
      });
      relay.start();
      // 40 appends about 8 ms apart, each followed by a notify, as a busy service sends them.
      for (let n = 0; n < 40; n++) {
        await fixture.store.append(`case-gather-${n}`, 0, [caseReceived(`case-gather-${n}`, n)], { metadata: { correlationId: 'gather' } });
        relay.notify();
        await new Promise((resolve) => setTimeout(resolve, 8));
      }
      await eventually(() => received === 40);
      await relay.stop();
      // A round per notify would be 40 rounds a few ms apart.
      expect(rounds.length).toBeLessThan(40);
      for (let i = 1; i < rounds.length; i++) expect(rounds[i] - rounds[i - 1]).toBeGreaterThanOrEqual(95);
    } finally {
      await fixture.close();
    }
  });
});

describe("a consumer's handler", () => {
  it("runs under the event's correlation id, in a batch and when retried alone", async () => {
    const source = await createBackboneFixture('correlation_src');
    const consumerSide = await createBackboneFixture('correlation_dst');
    try {
      for (const order of [1, 2]) {
        await source.store.append(`case-order-${order}`, 0, [caseReceived(`case-order-${order}`, order)], { metadata: { correlationId: `order-${order}` } });
      }
      const messages = (await sealAll(source, 2))
        .map((event) => encodeSealedEvent(event, 'cases', 'cases.events.v1'))
        .map((m, offset) => ({ topic: m.topic, partition: 0, offset: String(offset), key: m.key, value: m.value }));
      const seen: Array<[string, string | undefined]> = [];
      let failedOnce = false;
      const processor = new MessageProcessor(
        consumerSide.dataSource,
        {
          consumerGroup: uniqueName('cases.correlation'),
          topics: ['cases.events.v1'],
          retryBackoffMs: 5,
          handle: async (event) => {
            seen.push([event.streamId, CorrelationContext.current()]);
            // The second event fails once: the batch is rolled back and it is retried on its own.
            if (event.streamId === 'case-order-2' && !failedOnce) {
              failedOnce = true;
              throw new Error('flaky once');
            }
          },
        },
        new PostgresDeadLetterSink(consumerSide.dataSource),
      );

      await CorrelationContext.run('the-consumer-loop', () => processor.processBatch(messages));

      expect(seen).toEqual([
        ['case-order-1', 'order-1'],
        ['case-order-2', 'order-2'],
        ['case-order-1', 'order-1'],
        ['case-order-2', 'order-2'],
      ]);
    } finally {
      await source.close();
      await consumerSide.close();
    }
  });
});
