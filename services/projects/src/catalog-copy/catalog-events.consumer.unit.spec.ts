import { create } from '@bufbuild/protobuf';
import { catalog, common, projects } from '@sangeyipi/contracts';
import type { IntegrationEvent } from '@sangeyipi/messaging';
import type { EntityManager } from 'typeorm';
import { CatalogEventsConsumer } from './catalog-events.consumer';

function capture() {
  const calls: unknown[][] = [];
  const manager = { query: async (_sql: string, params: unknown[]) => void calls.push(params) } as unknown as EntityManager;
  return { calls, manager };
}

const event = (type: string, data: object) => ({ eventId: 'e-1', type, data }) as unknown as IntegrationEvent;

describe('CatalogEventsConsumer (local catalog copy)', () => {
  const consumer = new CatalogEventsConsumer();

  it('copies an advance-service item with its approaches and kinds by their contract names', async () => {
    const { calls, manager } = capture();
    const definition = create(catalog.CatalogItemDefinitionSchema, {
      name: '选址指导',
      catalogKind: catalog.CatalogKind.ADVANCE_SERVICE,
      committedLimitDays: 5,
      advanceServiceApproaches: [projects.AdvanceServiceApproach.ON_SITE, projects.AdvanceServiceApproach.FULL_TRACKING],
      advanceServiceKinds: [common.AdvanceServiceKind.SITE_SURVEY],
    });
    await consumer.handle(event('catalog.CatalogItemPublished', { itemId: 'i-1', unitId: 'u-1', regionCode: '310115', revision: 1, definition }), manager);
    expect(calls).toEqual([
      ['i-1', 'u-1', '310115', 1, '选址指导', true, 0, 5, JSON.stringify(['ADVANCE_SERVICE_APPROACH_ON_SITE', 'ADVANCE_SERVICE_APPROACH_FULL_TRACKING']), JSON.stringify(['ADVANCE_SERVICE_KIND_SITE_SURVEY']), false, 'e-1'],
    ]);
  });

  it('takes the statutory limit as the committed one when none is committed, and marks withdrawn items', async () => {
    const { calls, manager } = capture();
    const definition = create(catalog.CatalogItemDefinitionSchema, { name: '施工许可', statutoryLimitDays: 15, committedLimitAbsent: true });
    await consumer.handle(event('catalog.CatalogItemWithdrawn', { itemId: 'i-2', unitId: 'u-1', regionCode: '310115', revision: 2, definition }), manager);
    expect([calls[0][5], calls[0][6], calls[0][7], calls[0][10]]).toEqual([false, 15, 15, true]);
  });

  it('ignores other catalog events and events without a definition', async () => {
    const { calls, manager } = capture();
    await consumer.handle(event('catalog.CatalogItemDrafted', { itemId: 'i-1' }), manager);
    await consumer.handle(event('catalog.CatalogItemPublished', { itemId: 'i-1', unitId: 'u-1', revision: 1 }), manager);
    expect(calls).toEqual([]);
  });
});
