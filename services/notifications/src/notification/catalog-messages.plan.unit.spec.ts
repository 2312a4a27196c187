import { create } from '@bufbuild/protobuf';
import { catalog } from '@sangeyipi/contracts';
import { planCatalogMessages } from './catalog-messages.plan';

const unit = { unitId: 'unit-1', webhookUrl: 'http://unit.example/hook', handlerId: 'clerk-1' };

describe('which catalog event produces which message for whom', () => {
  it('an item sent back goes to its unit, with the reason; a publication calls for nothing', () => {
    const rejected = create(catalog.CatalogItemRejectedSchema, { itemId: 'item-1', unitId: 'unit-1', reason: '法定时限填写有误' });
    const published = create(catalog.CatalogItemPublishedSchema, { itemId: 'item-1', unitId: 'unit-1' });

    expect(planCatalogMessages({ type: 'catalog.CatalogItemRejected', data: rejected }, unit)).toEqual([
      { templateId: 'catalog-item-rejected', recipient: { kind: 'unit', id: 'unit-1' }, params: { itemId: 'item-1', reason: '法定时限填写有误' } },
    ]);
    expect(planCatalogMessages({ type: 'catalog.CatalogItemPublished', data: published }, unit)).toEqual([]);
  });
});
