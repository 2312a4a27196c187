import type { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@sangeyipi/platform';
import { TEST_JWT_SECRET, testInfrastructure, uniqueName, type ServiceUnderTest } from '@sangeyipi/testing';
import { Client } from 'pg';
import { CatalogModule } from '../../src/catalog.module';
import { earlyFoodLicence } from '../../src/catalog-item/catalog-item.examples';
import { approvedItem, CatalogApi, HUANGPU_MARKET_REGULATION, publiclyAt, publishBatch, readModelShows, registerUnit, startCatalog } from './catalog-test-kit';

describe('the cached public catalog', () => {
  let service: ServiceUnderTest;
  let api: CatalogApi;
  let database: Client;
  let itemId: string;

  beforeAll(async () => {
    service = await startCatalog();
    api = new CatalogApi(service.url);
    database = new Client({ connectionString: service.database.url });
    await database.connect();
    await registerUnit(api, HUANGPU_MARKET_REGULATION);
    itemId = await approvedItem(api, earlyFoodLicence());
    await publishBatch(api, [itemId]);
    await publiclyAt(api, itemId, 1);
  });

  afterAll(async () => {
    await database?.end();
    await service?.close();
  });

  /** Approves a revision committing to `days` working days; returns once the request is answered. */
  async function revise(days: number): Promise<void> {
    const { changeRequestId } = await api.expect(201, 'POST', `/items/${itemId}/change-requests`, {
      as: 'huangpuUnitAdmin',
      body: { change: 'revision', reason: `压缩为${days}个工作日`, definition: earlyFoodLicence({ committedLimitDays: days }) },
    });
    await api.expect(200, 'POST', `/items/${itemId}/change-requests/${changeRequestId}/approval`, { as: 'huangpuReformOffice', body: { approvalReference: `ref-${days}` } });
  }

  /** The revision the read model holds: once it moves, the event has been handled. */
  async function handledRevision(): Promise<number> {
    const { rows } = await database.query<{ revision: number }>(`SELECT revision FROM catalog_published_items WHERE item_id = $1`, [itemId]);
    return rows[0].revision;
  }

  async function cacheLookups(baseUrl: string, outcome: string): Promise<number> {
    const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
    return Number(new RegExp(`^catalog_public_cache_lookups_total\\{outcome="${outcome}",service="catalog"\\} (\\d+)`, 'm').exec(metrics)?.[1] ?? 0);
  }

  it('answers repeated queries from Redis', async () => {
    const hitsBefore = await cacheLookups(service.url, 'hit');

    const first = await api.expect(200, 'GET', `/public/items?q=${encodeURIComponent('食品')}`);
    const second = await api.expect(200, 'GET', `/public/items?q=${encodeURIComponent('食品')}`);

    expect(second).toEqual(first);
    expect(await cacheLookups(service.url, 'hit')).toBeGreaterThan(hitsBefore);
  });

  it('never serves the old version once a revision is handled, even while readers keep the cache busy', async () => {
    let reading = true;
    const readers = Array.from({ length: 4 }, async () => {
      while (reading) {
        await api.call('GET', `/public/items/${itemId}`);
        await api.call('GET', `/public/items?q=${encodeURIComponent('食品经营')}`);
      }
    });
    try {
      for (const [round, days] of [6, 5, 4, 3].entries()) {
        const revision = round + 2;
        await revise(days);
        await readModelShows(async () => (await handledRevision()) === revision);

        // Handled: from now on every answer, cached or not, is the new revision.
        const detail = await api.expect(200, 'GET', `/public/items/${itemId}`);
        const search = await api.expect(200, 'GET', `/public/items?q=${encodeURIComponent('食品经营')}`);
        expect([detail.current.revision, detail.current.definition.committedLimitDays]).toEqual([revision, days]);
        expect(search.items.map((item: { revision: number; committedLimitDays: number }) => [item.revision, item.committedLimitDays])).toEqual([[revision, days]]);
      }
    } finally {
      reading = false;
      await Promise.all(readers);
    }
  });

  describe('with Redis unreachable', () => {
    let replica: INestApplication;
    let replicaUrl: string;
    let replicaApi: CatalogApi;

    beforeAll(async () => {
      // A second replica on the same database whose Redis is a closed port.
      replica = await createServiceApp(CatalogModule, {
        env: {
          DATABASE_URL: service.database.url,
          REDIS_URL: 'redis://127.0.0.1:1',
          KAFKA_BROKERS: testInfrastructure().kafkaBrokers.join(','),
          KAFKA_TOPIC_PREFIX: `${uniqueName('catalog-replica')}.`,
          KAFKA_TOPIC_PARTITIONS: '2',
          AUTH_JWT_SECRET: TEST_JWT_SECRET,
          CATALOG_PROJECTION_POLL_MS: '20',
          LOG_LEVEL: 'error',
        },
      });
      await replica.listen(0, '127.0.0.1');
      replicaUrl = (await replica.getUrl()).replace('[::1]', '127.0.0.1');
      replicaApi = new CatalogApi(replicaUrl);
    });

    afterAll(() => replica?.close());

    it('still answers the public API from PostgreSQL', async () => {
      const search = await replicaApi.expect(200, 'GET', `/public/items?q=${encodeURIComponent('食品经营')}`);
      const detail = await replicaApi.expect(200, 'GET', `/public/items/${itemId}`);

      expect(search.items.map((item: { itemId: string }) => item.itemId)).toEqual([itemId]);
      expect(detail.current.revision).toBe(await handledRevision());
      expect(await replicaApi.expect(200, 'GET', '/public/batches')).toHaveLength(1);
      expect(await cacheLookups(replicaUrl, 'redis_unavailable')).toBeGreaterThan(0);
    });

    it('shows a change at once and takes commands, since Redis holds nothing it needs for them', async () => {
      await revise(2);
      await readModelShows(async () => (await replicaApi.expect(200, 'GET', `/public/items/${itemId}`)).current.definition.committedLimitDays === 2);

      expect((await replicaApi.call('POST', '/items', { as: 'huangpuUnitAdmin', body: earlyFoodLicence({ name: '食品经营许可（延续）' }) })).status).toBe(201);
    });
  });
});
