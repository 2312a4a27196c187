import { common } from '@sangeyipi/contracts';
import { CreateIndicatorFacts1764800000000, FactFolder, type Fact } from '@sangeyipi/indicators';
import { createTestDatabase, type TestDatabase } from '@sangeyipi/testing';
import { DataSource } from 'typeorm';
import { HistoryBuilder } from '../../src/indicator-history.fixture';
import { REBUILT, RebuiltFacts } from '../../src/rebuilt-facts';

/** Cases and an item whose facts change over several events each, interleaved. */
function history() {
  const builder = new HistoryBuilder().add('item-A', 'catalog.CatalogItemPublished', '2026-09-01', {
    itemId: 'A',
    unitId: 'U1',
    level: common.AdministrativeLevel.DISTRICT,
    regionCode: '310101',
  });
  for (let n = 0; n < 20; n++) builder.add(`case-${n}`, 'cases.CaseReceived', '2026-10-08', { caseId: `${n}`, unitId: 'U1', itemId: 'A', statutoryLimitDays: 20 });
  for (let n = 0; n < 20; n++) builder.add(`case-${n}`, 'cases.MaterialsSupplementRequested', '2026-10-09', { caseId: `${n}`, requestNumber: 1 });
  for (let n = 0; n < 20; n += 2) builder.add(`case-${n}`, 'cases.CaseAccepted', '2026-10-10', { caseId: `${n}`, committedDeadline: '2026-10-30' });
  for (let n = 0; n < 20; n++) builder.add(`case-${n}`, 'cases.CaseDecided', '2026-10-12', { caseId: `${n}`, workingDaysUsed: n % 7 });
  return builder.add('item-A', 'catalog.CatalogItemRevised', '2026-10-11', { itemId: 'A', unitId: 'U1', level: common.AdministrativeLevel.DISTRICT, regionCode: '310101' }).events;
}

describe('writing a rebuild\'s facts as they change', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('indicators');
    dataSource = await new DataSource({ type: 'postgres', url: database.url, migrations: [CreateIndicatorFacts1764800000000] }).initialize();
    await dataSource.runMigrations();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  /** Folds the history, writing the changed facts every `every` events, and returns the table as written. */
  const foldAndWrite = (every: number) =>
    dataSource.transaction(async (manager) => {
      await manager.query(`CREATE TEMP TABLE ${REBUILT} (LIKE analytics_facts INCLUDING ALL) ON COMMIT DROP`);
      const rebuilt = new RebuiltFacts(manager);
      const folder = new FactFolder();
      let changed = new Map<string, Fact>();
      const events = history();
      for (const [index, event] of events.entries()) {
        const fact = folder.add(event);
        if (fact) changed.set(fact.key, fact);
        if ((index + 1) % every === 0 || index === events.length - 1) {
          const facts = changed;
          changed = new Map();
          if (facts.size > 0) rebuilt.enqueue(JSON.stringify([...facts.values()]));
          await rebuilt.keepUp();
        }
      }
      await rebuilt.drain();
      const rows: Array<{ fact_key: string; kind: string; version: number; first_at: Date; last_at: Date; fact: Fact }> = await manager.query(
        `SELECT fact_key, kind, version, first_at, last_at, fact FROM ${REBUILT} ORDER BY fact_key`,
      );
      return { rows, folded: Object.fromEntries(folder.facts) };
    });

  it('ends with the facts written once, though most were written several times, each as it was then', async () => {
    const once = await foldAndWrite(Number.MAX_SAFE_INTEGER);
    expect(once.rows).toHaveLength(21);
    expect(Object.fromEntries(once.rows.map((row) => [row.fact_key, row.fact]))).toEqual(once.folded);
    for (const row of once.rows) {
      expect([row.kind, row.version, row.first_at.toISOString(), row.last_at.toISOString()]).toEqual([row.fact.kind, row.fact.version, row.fact.firstAt, row.fact.lastAt]);
    }
    for (const every of [1, 7, 20]) expect(await foldAndWrite(every)).toEqual(once);
  });
});
