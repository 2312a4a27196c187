import { CreateIndicatorFacts1764800000000, UpgradeIndicatorFacts1764800000200, type Fact } from '@sangeyipi/indicators';
import { createTestDatabase, type TestDatabase } from '@sangeyipi/testing';
import { DataSource } from 'typeorm';

/** A project and a rating as the first rules version stored them. */
const OLD_PROJECT = {
  key: 'projects/project-P1',
  kind: 'project',
  version: 2,
  firstAt: '2026-03-01T04:00:00.000Z',
  lastAt: '2026-05-10T04:00:00.000Z',
  projectId: 'P1',
  unitId: 'U1',
  level: 'district',
  regionCode: '310101',
  target: 'start_or_open',
  listingYear: 2026,
  industrial: false,
  milestones: [{ at: '2026-05-10T04:00:00.000Z', milestone: 'started', reachedOn: '2026-05-10' }],
  excludedAt: null,
  yearClosed: null,
};
const OLD_RATING = {
  key: 'supervision/rating-R1',
  kind: 'rating',
  version: 1,
  firstAt: '2026-10-09T04:00:00.000Z',
  lastAt: '2026-10-09T04:00:00.000Z',
  ratingId: 'R1',
  caseId: 'c1',
  itemId: 'A',
  unitId: 'U1',
  grade: 4,
  ratedAt: '2026-10-09T04:00:00.000Z',
};

describe('upgrading facts stored by the first rules version', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('indicators_upgrade');
    dataSource = await new DataSource({ type: 'postgres', url: database.url, migrations: [CreateIndicatorFacts1764800000000] }).initialize();
    await dataSource.runMigrations();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('gives an old project its target as the first target change and every new field empty', async () => {
    for (const fact of [OLD_PROJECT, OLD_RATING]) {
      await dataSource.query(`INSERT INTO analytics_facts (fact_key, kind, version, first_at, last_at, fact) VALUES ($1, $2, $3, $4, $5, $6)`, [
        fact.key,
        fact.kind,
        fact.version,
        fact.firstAt,
        fact.lastAt,
        JSON.stringify(fact),
      ]);
    }
    const upgraded = await new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: [CreateIndicatorFacts1764800000000, UpgradeIndicatorFacts1764800000200],
    }).initialize();
    try {
      await upgraded.runMigrations();
      const rows: Array<{ fact: Fact }> = await upgraded.query(`SELECT fact FROM analytics_facts ORDER BY fact_key`);
      const { target: _target, ...rest } = OLD_PROJECT;
      expect(rows.map((row) => row.fact)).toEqual([
        { ...rest, targets: [{ at: OLD_PROJECT.firstAt, target: 'start_or_open' }], delistedAt: null, approvalChain: null },
        { ...OLD_RATING, answeredAt: null },
      ]);
    } finally {
      await upgraded.destroy();
    }
  });
});
