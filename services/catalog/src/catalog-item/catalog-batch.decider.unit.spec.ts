import { CatalogRulesViolated } from '../catalog.errors';
import { catalogStreamId, decideBatch, evolveBatch, initialCatalogState, type PublishBatch } from './catalog-batch.decider';
import type { CatalogRef } from './catalog-item.events';

const catalog: CatalogRef = { kind: 'on_the_spot', level: 'district', regionCode: '310101' };
const publish = (publishedOn: string, itemIds = ['item-1', 'item-2']): PublishBatch => ({
  type: 'PublishBatch',
  data: { batchId: `batch-${publishedOn}`, catalog, title: '黄浦区当场办结事项目录', itemIds, publishedOn },
});

describe('the batches of a catalog', () => {
  it('are numbered from 1 within each year ("第N批")', () => {
    const first = decideBatch(publish('2017-09-29'), initialCatalogState());
    const afterFirst = first.reduce(evolveBatch, initialCatalogState());
    const second = decideBatch(publish('2017-12-28'), afterFirst);
    const afterSecond = second.reduce(evolveBatch, afterFirst);
    const nextYear = decideBatch(publish('2018-03-30'), afterSecond);

    expect([first, second, nextYear].map(([event]) => event.data.batchNumber)).toEqual([1, 2, 1]);
    expect(first[0]).toEqual({
      type: 'catalog.CatalogBatchPublished',
      data: { ...catalog, batchId: 'batch-2017-09-29', batchNumber: 1, title: '黄浦区当场办结事项目录', itemIds: ['item-1', 'item-2'], publishedOn: '2017-09-29' },
    });
  });

  it('list each item once', () => {
    expect(() => decideBatch(publish('2017-09-29', ['item-1', 'item-2', 'item-1']), initialCatalogState())).toThrow(CatalogRulesViolated);
  });

  it('share one stream per kind, level and region', () => {
    expect(catalogStreamId(catalog)).toBe('catalog-on_the_spot-district-310101');
  });
});
