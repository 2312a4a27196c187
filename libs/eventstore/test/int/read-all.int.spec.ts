import { setTimeout as delay } from 'node:timers/promises';
import { LOG_START, StreamVersionConflictError, type LogPosition, type StoredEvent } from '@sangeyipi/eventstore';
import { createEventStoreFixture, type EventStoreFixture } from './event-store.fixture';

const WRITERS = 8;
const EVENTS_PER_WRITER = 2000;
const STREAMS = 100;
const ROLLBACK_SHARE = 0.1;

class DeliberateRollback extends Error {}

describe('reading the whole log while writers commit and roll back', () => {
  let fixture: EventStoreFixture;
  beforeAll(async () => (fixture = await createEventStoreFixture('readall', {}, 24)));
  afterAll(() => fixture.close());

  it('sees every committed event exactly once, no rolled-back event, and each stream in order', async () => {
    const committed = new Set<string>();
    const rolledBack = new Set<string>();
    let writing = true;

    const writer = async (writerId: number) => {
      let written = 0;
      while (written < EVENTS_PER_WRITER) {
        const streamId = `stream-${Math.floor(Math.random() * STREAMS)}`;
        const rollback = Math.random() < ROLLBACK_SHARE;
        // One to three events per transaction, so a batch boundary can fall inside one.
        const size = Math.min(1 + Math.floor(Math.random() * 3), EVENTS_PER_WRITER - written);
        let appendedIds: string[] = [];
        try {
          await fixture.dataSource.transaction(async (manager) => {
            const result = await fixture.store.append(streamId, 'any', Array.from({ length: size }, (_, i) => ({ type: 'Written', data: { writerId, written: written + i } })), {
              metadata: { correlationId: `w${writerId}` },
              manager,
            });
            appendedIds = result.events.map((e) => e.eventId);
            await delay(Math.random() * 3);
            if (rollback) throw new DeliberateRollback();
          });
          appendedIds.forEach((id) => committed.add(id));
          written += size;
        } catch (error) {
          if (error instanceof DeliberateRollback) appendedIds.forEach((id) => rolledBack.add(id));
          else if (!(error instanceof StreamVersionConflictError)) throw error;
        }
      }
    };

    const seen: StoredEvent[] = [];
    const reader = async () => {
      let after: LogPosition = LOG_START;
      for (;;) {
        const stillWriting = writing;
        const batch = await fixture.store.readAll(after, { limit: 700 });
        seen.push(...batch);
        if (batch.length > 0) after = batch[batch.length - 1];
        else if (!stillWriting) return;
        else await delay(2);
      }
    };

    const reading = reader();
    await Promise.all(Array.from({ length: WRITERS }, (_, id) => writer(id)));
    writing = false;
    await reading;

    const seenIds = seen.map((e) => e.eventId);
    expect(committed.size).toBe(WRITERS * EVENTS_PER_WRITER);
    expect(rolledBack.size).toBeGreaterThan(0);
    expect(new Set(seenIds).size).toBe(seenIds.length);
    expect(seenIds.filter((id) => rolledBack.has(id))).toEqual([]);
    expect(seenIds.length).toBe(committed.size);
    expect(seenIds.every((id) => committed.has(id))).toBe(true);

    const lastVersion = new Map<string, number>();
    for (const event of seen) {
      expect(event.streamVersion).toBe((lastVersion.get(event.streamId) ?? 0) + 1);
      lastVersion.set(event.streamId, event.streamVersion);
    }
  });
});
