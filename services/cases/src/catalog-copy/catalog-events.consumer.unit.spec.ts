import { create } from '@bufbuild/protobuf';
import { catalog, common } from '@sangeyipi/contracts';
import type { IntegrationEvent } from '@sangeyipi/messaging';
import type { EntityManager } from 'typeorm';
import type { CatalogCopyQueries } from './catalog-copy.queries';
import { CatalogEventsConsumer } from './catalog-events.consumer';

function capture() {
  const calls: unknown[][] = [];
  const manager = { query: async (_sql: string, params: unknown[]) => void calls.push(params) } as unknown as EntityManager;
  return { calls, manager };
}

const definition = create(catalog.CatalogItemDefinitionSchema, {
  name: '个体工商户登记',
  completionMode: catalog.CompletionMode.IMMEDIATE,
  statutoryLimitDays: 15,
  committedLimitDays: 0,
  approvalSteps: [common.ApprovalStep.HANDLE, common.ApprovalStep.DECIDE],
  holidayService: true,
});

const event = (type: string, data: object) => ({ eventId: 'e-1', type, data }) as unknown as IntegrationEvent;

describe('CatalogEventsConsumer (local catalog copy)', () => {
  const forgotten: string[] = [];
  const consumer = new CatalogEventsConsumer({ forget: (itemId: string) => forgotten.push(itemId) } as unknown as CatalogCopyQueries);

  it('copies a published item with its steps by name and its completion mode', async () => {
    const { calls, manager } = capture();
    await consumer.handle(event('catalog.CatalogItemPublished', { itemId: 'i-1', unitId: 'u-1', regionCode: '310101', revision: 1, definition }), manager);
    const steps = JSON.stringify(['APPROVAL_STEP_HANDLE', 'APPROVAL_STEP_DECIDE']);
    expect(calls).toEqual([
      ['i-1', 'u-1', '310101', 1, '个体工商户登记', steps, true, 15, 0, true, false, '', 'e-1', false],
      // the revision, in force at once
      ['i-1', 1, '', 'u-1', '310101', '个体工商户登记', steps, true, 15, 0, true, false, 'e-1'],
    ]);
    expect(forgotten).toContain('i-1'); // the replica's kept terms of the item are dropped
  });

  it('records a revision with the day it applies from', async () => {
    const { calls, manager } = capture();
    await consumer.handle(event('catalog.CatalogItemRevised', { itemId: 'i-1', unitId: 'u-1', regionCode: '310101', revision: 2, definition, effectiveOn: '2025-11-01' }), manager);
    expect(calls[1].slice(0, 3)).toEqual(['i-1', 2, '2025-11-01']);
  });

  it('marks a withdrawn item with the date it stops receiving cases', async () => {
    const { calls, manager } = capture();
    await consumer.handle(event('catalog.CatalogItemWithdrawn', { itemId: 'i-1', unitId: 'u-1', regionCode: '310101', revision: 2, definition, effectiveOn: '2025-11-10' }), manager);
    expect(calls[0].slice(10, 12)).toEqual([true, '2025-11-10']);
  });

  it('runs an item without a committed limit on its statutory one', async () => {
    const { calls, manager } = capture();
    const noCommitment = create(catalog.CatalogItemDefinitionSchema, { ...definition, completionMode: catalog.CompletionMode.UNSPECIFIED, committedLimitAbsent: true });
    await consumer.handle(event('catalog.CatalogItemRevised', { itemId: 'i-1', unitId: 'u-1', regionCode: '310101', revision: 3, definition: noCommitment }), manager);
    expect(calls[0].slice(6, 9)).toEqual([false, 15, 15]);
  });

  it('ignores other catalog events and events without a definition', async () => {
    const { calls, manager } = capture();
    await consumer.handle(event('catalog.CatalogItemDrafted', { itemId: 'i-1', definition }), manager);
    await consumer.handle(event('catalog.CatalogItemPublished', { itemId: 'i-1', unitId: 'u-1', revision: 1 }), manager);
    expect(calls).toEqual([]);
  });
});
