import { EventLog, ExpectedVersion, LOG_START, PostgresEventStore, StreamVersionConflictError, verifyEventChains, type StoredEvent } from '@sangeyipi/eventstore';
import { createEventStoreFixture, type EventStoreFixture } from './event-store.fixture';

const metadata = { correlationId: 'test' };

describe('appending to a stream', () => {
  let fixture: EventStoreFixture;
  beforeAll(async () => (fixture = await createEventStoreFixture('append', {}, 60)));
  afterAll(() => fixture.close());

  it('lets exactly one of 50 concurrent appends at the same expected version win', async () => {
    await fixture.store.append('case-race', ExpectedVersion.NoStream, [{ type: 'CaseReceived', data: { n: 0 } }], { metadata });

    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, writer) =>
        fixture.store.append('case-race', 1, [{ type: 'StepCompleted', data: { writer } }], { metadata }),
      ),
    );

    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const loss of lost) expect(loss.reason).toBeInstanceOf(StreamVersionConflictError);
    const stream = await fixture.store.readStream('case-race');
    expect(stream.map((e) => e.streamVersion)).toEqual([1, 2]);
  });

  it('appends a batch with contiguous versions and a chain of hashes', async () => {
    const result = await fixture.store.append(
      'case-batch',
      ExpectedVersion.NoStream,
      Array.from({ length: 10 }, (_, i) => ({ type: 'StepCompleted', data: { i } })),
      { metadata },
    );
    expect(result.nextVersion).toBe(10);
    const stream = await fixture.store.readStream('case-batch');
    expect(stream.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(stream[0].previousHash).toBe('');
    for (let i = 1; i < stream.length; i++) expect(stream[i].previousHash).toBe(stream[i - 1].hash);
  });

  it('refuses an append at a stale version with the actual version', async () => {
    await expect(
      fixture.store.append('case-batch', 3, [{ type: 'StepCompleted', data: {} }], { metadata }),
    ).rejects.toMatchObject({ name: 'StreamVersionConflictError', actualVersion: 10 });
  });

  it('keeps every stream in log order and every chain intact under concurrent autocommit appends', async () => {
    // 40 writers append single events and batches of 3 with 'any' to 4 streams: each append is
    // two autocommit statements, so races are settled by the unique constraint and retried.
    const streams = ['case-log-0', 'case-log-1', 'case-log-2', 'case-log-3'];
    await Promise.all(
      Array.from({ length: 40 }, async (_, writer) => {
        for (let n = 0; n < 5; n++) {
          const events = Array.from({ length: n % 2 === 0 ? 1 : 3 }, (_, i) => ({ type: 'StepCompleted', data: { writer, n, i } }));
          for (;;) {
            try {
              await fixture.store.append(streams[(writer + n) % streams.length], ExpectedVersion.Any, events, { metadata });
              break;
            } catch (error) {
              // 'any' retries a lost race a few times itself; 40 writers on 4 streams may still lose all of them.
              if (!(error instanceof StreamVersionConflictError)) throw error;
            }
          }
        }
      }),
    );

    const total = 40 * (3 * 1 + 2 * 3);
    const log = await fixture.store.readAll(LOG_START, { limit: 100_000 });
    const ours = log.filter((e) => streams.includes(e.streamId));
    expect(ours).toHaveLength(total);
    for (const stream of streams) {
      const versions = ours.filter((e) => e.streamId === stream).map((e) => e.streamVersion);
      expect(versions).toEqual(versions.map((_, i) => i + 1));
    }
    await new EventLog(fixture.store).sealNext(100_000);
    expect(await verifyEventChains(fixture.dataSource)).toMatchObject({ ok: true, problemCount: 0 });
  });

  it('appends after a known head without reading it, and refuses the guess once someone appended since', async () => {
    const first = await fixture.store.append('case-known-head', ExpectedVersion.NoStream, [{ type: 'CaseReceived', data: {} }], { metadata, knownHeadHash: '' });
    const ownHead = first.events[0].hash;
    const second = await fixture.store.append('case-known-head', 1, [{ type: 'CaseAccepted', data: {} }], { metadata, knownHeadHash: ownHead });
    expect(second.events[0].previousHash).toBe(ownHead);

    // Another writer appended since: the same guess is now stale and must not be stored.
    await expect(
      fixture.store.append('case-known-head', 1, [{ type: 'StepCompleted', data: {} }], { metadata, knownHeadHash: ownHead }),
    ).rejects.toBeInstanceOf(StreamVersionConflictError);
    await expect(
      fixture.store.append('case-known-head', ExpectedVersion.NoStream, [{ type: 'CaseReceived', data: {} }], { metadata, knownHeadHash: '' }),
    ).rejects.toBeInstanceOf(StreamVersionConflictError);

    expect((await fixture.store.readStream('case-known-head')).map((e) => e.type)).toEqual(['CaseReceived', 'CaseAccepted']);
    await new EventLog(fixture.store).sealNext(100_000);
    expect(await verifyEventChains(fixture.dataSource)).toMatchObject({ ok: true, problemCount: 0 });
  });

  it('commits the appends of one turn of the event loop together, and fails only the one at fault', async () => {
    await fixture.store.append('case-group-taken', ExpectedVersion.NoStream, [{ type: 'CaseReceived', data: {} }], { metadata });
    const appendsOfOneTurn = [
      fixture.store.append('case-group-a', ExpectedVersion.NoStream, [{ type: 'CaseReceived', data: {} }], { metadata, knownHeadHash: '' }),
      fixture.store.append('case-group-b', ExpectedVersion.NoStream, [{ type: 'CaseReceived', data: {} }, { type: 'CaseAccepted', data: {} }], {
        metadata,
        knownHeadHash: '',
      }),
      fixture.store.append('case-group-c', ExpectedVersion.NoStream, [{ type: 'CaseReceived', data: {} }], { metadata, knownHeadHash: '' }),
    ];
    const [a, b, c] = await Promise.all(appendsOfOneTurn);
    const transactions = new Set([...a.events, ...b.events, ...c.events].map((event) => event.transactionId));
    expect(transactions.size).toBe(1);
    expect(b.events.map((event) => event.streamVersion)).toEqual([1, 2]);

    // A stale guess in the group: its statement is refused, then each append is settled on its own.
    const outcomes = await Promise.allSettled([
      fixture.store.append('case-group-d', ExpectedVersion.NoStream, [{ type: 'CaseReceived', data: {} }], { metadata, knownHeadHash: '' }),
      fixture.store.append('case-group-taken', ExpectedVersion.NoStream, [{ type: 'CaseReceived', data: {} }], { metadata, knownHeadHash: '' }),
      fixture.store.append('case-group-e', ExpectedVersion.NoStream, [{ type: 'CaseReceived', data: {} }], { metadata, knownHeadHash: '' }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(StreamVersionConflictError);
    for (const stream of ['case-group-d', 'case-group-e', 'case-group-taken']) expect(await fixture.store.readStream(stream)).toHaveLength(1);
    await new EventLog(fixture.store).sealNext(100_000);
    expect(await verifyEventChains(fixture.dataSource)).toMatchObject({ ok: true, problemCount: 0 });
  });

  it('returns what it stored: positions, transaction ids and hashes as read back', async () => {
    const single = await fixture.store.append('case-returned', ExpectedVersion.NoStream, [{ type: 'CaseReceived', data: { n: 1 } }], { metadata });
    const batch = await fixture.store.append('case-returned', 1, [{ type: 'StepCompleted', data: { n: 2 } }, { type: 'StepCompleted', data: { n: 3 } }], { metadata });
    const stored = await fixture.store.readStream('case-returned');
    const comparable = (e: StoredEvent) => ({ ...e, recordedAt: e.recordedAt.toISOString() });
    expect([...single.events, ...batch.events].map(comparable)).toEqual(stored.map(comparable));
    expect(batch.nextVersion).toBe(3);
  });

  it('upcasts old schema versions on read', async () => {
    const store = new PostgresEventStore(fixture.dataSource, {
      upcasters: [
        { eventType: 'ItemNamed', fromSchemaVersion: 1, upcast: (d) => ({ name: { zh: (d as { name: string }).name } }) },
        { eventType: 'ItemNamed', fromSchemaVersion: 2, upcast: (d) => ({ ...(d as object), en: null }) },
      ],
    });
    await fixture.store.append('item-1', 0, [{ type: 'ItemNamed', data: { name: '食品经营许可' } }], { metadata });
    const [event] = await store.readStream('item-1');
    expect(event.schemaVersion).toBe(3);
    expect(event.data).toEqual({ name: { zh: '食品经营许可' }, en: null });
  });
});
