import { createKafka, decodeMessage, EventBackboneService, type IntegrationEvent } from '@sangeyipi/messaging';
import { eventually, testInfrastructure, uniqueName, type ServiceUnderTest } from '@sangeyipi/testing';
import type { Consumer } from 'kafkajs';
import { earlyFoodLicence } from '../../src/catalog-item/catalog-item.examples';
import { approvedItem, CatalogApi, HUANGPU_MARKET_REGULATION, PEOPLE, publiclyAt, publishBatch, readModelShows, registerUnit, startCatalog } from './catalog-test-kit';

describe('a direct edit of a published item', () => {
  let service: ServiceUnderTest;
  let api: CatalogApi;
  let consumer: Consumer;
  const onTopic: IntegrationEvent[] = [];

  beforeAll(async () => {
    service = await startCatalog();
    api = new CatalogApi(service.url);
    // Read the catalog's topic as supervision would, from the beginning.
    const topic = service.app.get(EventBackboneService).topic;
    consumer = createKafka({ clientId: 'catalog-direct-edit-probe', brokers: testInfrastructure().kafkaBrokers }).consumer({ groupId: uniqueName('supervision-probe') });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic: from, partition, message }) => {
        if (message.value) onTopic.push(decodeMessage(message.value, { topic: from, partition, offset: message.offset }));
      },
    });
    await registerUnit(api, HUANGPU_MARKET_REGULATION);
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await service?.close();
  });

  it('is refused with 409, leaves the published item as it was, and goes out on the Kafka topic for supervision', async () => {
    const itemId = await approvedItem(api, earlyFoodLicence());
    await publishBatch(api, [itemId]);
    await publiclyAt(api, itemId, 1);

    const edit = await api.call('PUT', `/items/${itemId}/draft`, { as: 'huangpuUnitAdmin', body: earlyFoodLicence({ committedLimitDays: 12 }) });

    expect(edit.status).toBe(409);
    expect(edit.body.message).toMatch(/published: it changes only through a change request approved by the reform office; this attempt has been recorded/);
    const attempt = await eventually(() => onTopic.find((event) => event.type === 'catalog.CatalogItemUnauthorizedChangeAttempted' && event.streamId === `catalog-item-${itemId}`), {
      timeoutMs: 60_000, // the relay, like the read model, waits for the cluster's oldest open transaction
    });
    expect(attempt).toMatchObject({
      sourceService: 'catalog',
      regionCode: '310101',
      actor: { userId: PEOPLE.huangpuUnitAdmin.userId, role: 'unit_admin', unitId: HUANGPU_MARKET_REGULATION.unitId },
      data: {
        itemId,
        unitId: HUANGPU_MARKET_REGULATION.unitId,
        regionCode: '310101',
        attemptedByUserId: PEOPLE.huangpuUnitAdmin.userId,
        revision: 1,
        attemptedDefinition: { committedLimitDays: 12 },
      },
    });

    expect(await api.expect(200, 'GET', `/items/${itemId}`, { as: 'huangpuReformOffice' })).toMatchObject({
      status: 'published',
      published: { revision: 1, definition: { committedLimitDays: 7 } },
    });
    expect((await api.expect(200, 'GET', `/public/items/${itemId}`)).current.definition.committedLimitDays).toBe(7);
    const workflow = await readModelShows(async () => {
      const page = await api.expect(200, 'GET', '/workflow?status=published', { as: 'citySupervisor' });
      return page.items[0]?.unauthorizedAttempts === 1 ? page : undefined;
    });
    expect(workflow.items[0]).toMatchObject({ itemId, unauthorizedAttempts: 1 });
  });

  it('publishes the item itself on the topic with its full published state', async () => {
    const published = onTopic.find((event) => event.type === 'catalog.CatalogItemPublished');

    expect(published?.data).toMatchObject({
      unitId: HUANGPU_MARKET_REGULATION.unitId,
      regionCode: '310101',
      revision: 1,
      batchNumber: 1,
      definition: { name: '食品经营许可（仅销售预包装食品）', committedLimitDays: 7, statutoryLimitDays: 20 },
    });
  });
});
