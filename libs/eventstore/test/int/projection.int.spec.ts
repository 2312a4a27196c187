import type { EntityManager } from 'typeorm';
import { ProjectionRunner, SnapshotStore, type Projection, type StoredEvent } from '@sangeyipi/eventstore';
import { createEventStoreFixture, type EventStoreFixture } from './event-store.fixture';

const metadata = { correlationId: 'projection' };

/** Per-unit totals of received and decided cases: a small read model with its own table. */
class CasesPerUnitProjection implements Projection {
  readonly name = 'cases-per-unit';
  async apply(events: readonly StoredEvent[], manager: EntityManager): Promise<void> {
    for (const event of events) {
      const { unit } = event.data as { unit: string };
      const column = event.type === 'CaseReceived' ? 'received' : 'decided';
      await manager.query(
        `INSERT INTO cases_per_unit (unit, ${column}) VALUES ($1, 1)
         ON CONFLICT (unit) DO UPDATE SET ${column} = cases_per_unit.${column} + 1`,
        [unit],
      );
    }
  }
  async reset(manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM cases_per_unit`);
  }
}

describe('projections', () => {
  let fixture: EventStoreFixture;
  beforeAll(async () => {
    fixture = await createEventStoreFixture('projection');
    await fixture.dataSource.query(
      `CREATE TABLE cases_per_unit (unit text PRIMARY KEY, received int NOT NULL DEFAULT 0, decided int NOT NULL DEFAULT 0)`,
    );
  });
  afterAll(() => fixture.close());

  async function appendCases(from: number, count: number): Promise<void> {
    for (let i = from; i < from + count; i++) {
      const unit = `unit-${i % 7}`;
      await fixture.store.append(`case-${i}`, 0, [{ type: 'CaseReceived', data: { unit } }, ...(i % 3 ? [{ type: 'CaseDecided', data: { unit } }] : [])], {
        metadata,
      });
    }
  }
  const readModel = () => fixture.dataSource.query(`SELECT unit, received, decided FROM cases_per_unit ORDER BY unit`);

  it('rebuilt from position 0 while appends go on, equals the live read model', async () => {
    const live = new ProjectionRunner(fixture.store, new CasesPerUnitProjection(), { batchSize: 50 });
    await appendCases(0, 200);
    await live.catchUp();
    const before = await readModel();
    expect(before.reduce((sum: number, row: { received: number }) => sum + row.received, 0)).toBe(200);

    const rebuilding = live.rebuild();
    await appendCases(200, 50);
    await rebuilding;
    await live.catchUp();

    const rebuilt = await readModel();
    expect(rebuilt.reduce((sum: number, row: { received: number }) => sum + row.received, 0)).toBe(250);
    // The same model built by a fresh runner from scratch, over a separate table.
    await fixture.dataSource.query(`CREATE TABLE live_copy AS SELECT * FROM cases_per_unit`);
    await new ProjectionRunner(fixture.store, new CasesPerUnitProjection()).rebuild();
    expect(await readModel()).toEqual(await fixture.dataSource.query(`SELECT unit, received, decided FROM live_copy ORDER BY unit`));
  });

  it('two runners of one projection apply each event once', async () => {
    const a = new ProjectionRunner(fixture.store, new CasesPerUnitProjection(), { batchSize: 10 });
    const b = new ProjectionRunner(fixture.store, new CasesPerUnitProjection(), { batchSize: 10 });
    await a.rebuild();
    await appendCases(250, 60);
    await Promise.all([a.catchUp(), b.catchUp()]);
    const rows: Array<{ received: number }> = await readModel();
    expect(rows.reduce((sum, row) => sum + row.received, 0)).toBe(310);
  });
});

describe('snapshots', () => {
  let fixture: EventStoreFixture;
  beforeAll(async () => (fixture = await createEventStoreFixture('snapshot')));
  afterAll(() => fixture.close());

  const counter = {
    initialState: () => ({ total: 0, steps: 0 }),
    evolve: (state: { total: number; steps: number }, event: StoredEvent) => ({
      total: state.total + (event.data as { amount: number }).amount,
      steps: state.steps + 1,
    }),
    snapshotSchemaVersion: 1,
    snapshotEvery: 100,
  };

  it('loads a long stream from its snapshot to the same state as a full fold', async () => {
    const snapshots = new SnapshotStore(fixture.store);
    for (let batch = 0; batch < 25; batch++) {
      await fixture.store.append('project-long', batch * 10, Array.from({ length: 10 }, (_, i) => ({ type: 'Counted', data: { amount: batch * 10 + i } })), {
        metadata,
      });
    }
    const first = await snapshots.load('project-long', counter);
    expect(first).toEqual({ state: { total: (249 * 250) / 2, steps: 250 }, version: 250 });
    const [saved] = await fixture.dataSource.query(`SELECT stream_version FROM snapshots WHERE stream_id = 'project-long'`);
    expect(saved.stream_version).toBe(250);

    await fixture.store.append('project-long', 250, [{ type: 'Counted', data: { amount: 1000 } }], { metadata });
    const fromSnapshot = await snapshots.load('project-long', counter);
    const fullFold = (await fixture.store.readStream('project-long')).reduce(counter.evolve, counter.initialState());
    expect(fromSnapshot).toEqual({ state: fullFold, version: 251 });

    const reshaped = await snapshots.load('project-long', { ...counter, snapshotSchemaVersion: 2 });
    expect(reshaped.state).toEqual(fullFold);
  });
});
