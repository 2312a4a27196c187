import type { ServiceUnderTest } from '@sangeyipi/testing';
import { earlyFoodLicence, immediateRegistration } from '../../src/catalog-item/catalog-item.examples';
import { approvedItem, CatalogApi, HUANGPU_MARKET_REGULATION, publiclyAt, publishBatch, readModelShows, registerUnit, startCatalog } from './catalog-test-kit';

describe('changing a published item through a change request', () => {
  let service: ServiceUnderTest;
  let api: CatalogApi;
  let itemId: string;

  beforeAll(async () => {
    service = await startCatalog();
    api = new CatalogApi(service.url);
    await registerUnit(api, HUANGPU_MARKET_REGULATION);
    itemId = await approvedItem(api, earlyFoodLicence());
    await publishBatch(api, [itemId]);
    await publiclyAt(api, itemId, 1);
  });

  afterAll(() => service?.close());

  const revision = (committedLimitDays: number, name = '食品经营许可（仅销售预包装食品）') => ({
    change: 'revision',
    reason: `承诺时限压缩为${committedLimitDays}个工作日`,
    definition: earlyFoodLicence({ committedLimitDays, name }),
  });

  it('revises the item once the reform office approves the request, keeping the earlier version readable', async () => {
    const request = await api.expect(201, 'POST', `/items/${itemId}/change-requests`, { as: 'huangpuUnitAdmin', body: revision(5, '食品经营许可（预包装食品销售）') });
    expect(request).toEqual({ itemId, status: 'published', changeRequestId: expect.any(String) });
    // Until the approval the public still sees revision 1.
    expect((await api.expect(200, 'GET', `/public/items/${itemId}`)).current.revision).toBe(1);

    await api.expect(200, 'POST', `/items/${itemId}/change-requests/${request.changeRequestId}/approval`, {
      as: 'huangpuReformOffice',
      body: { approvalReference: '黄审改办〔2017〕12号' },
    });

    const item = await publiclyAt(api, itemId, 2);
    expect(item.current).toMatchObject({
      change: 'revised',
      revision: 2,
      approvalReference: '黄审改办〔2017〕12号',
      reason: '承诺时限压缩为5个工作日',
      definition: { committedLimitDays: 5, name: '食品经营许可（预包装食品销售）' },
    });
    expect(item.versions.map((version: { change: string; revision: number }) => `${version.change} ${version.revision}`)).toEqual(['published 1', 'revised 2']);
    expect(item.versions[0].definition.committedLimitDays).toBe(7);
    const found = await api.expect(200, 'GET', `/public/items?q=${encodeURIComponent('预包装食品销售')}`);
    expect(found.items.map((summary: { itemId: string; revision: number }) => [summary.itemId, summary.revision])).toEqual([[itemId, 2]]);
    expect((await api.expect(200, 'GET', `/public/items?q=${encodeURIComponent('仅销售')}`)).total).toBe(0);
  });

  it('keeps one change request open at a time, and refuses one that breaks the rules', async () => {
    const breaking = await api.call('POST', `/items/${itemId}/change-requests`, { as: 'huangpuUnitAdmin', body: revision(15) });
    expect(breaking.status).toBe(400);
    expect(breaking.body.violations).toEqual([expect.objectContaining({ field: 'committedLimitDays', rule: 'early-cuts-at-least-30-percent' })]);

    const open = await api.expect(201, 'POST', `/items/${itemId}/change-requests`, { as: 'huangpuUnitAdmin', body: revision(4) });
    expect((await api.call('POST', `/items/${itemId}/change-requests`, { as: 'huangpuUnitAdmin', body: revision(3) })).status).toBe(409);

    await api.expect(200, 'POST', `/items/${itemId}/change-requests/${open.changeRequestId}/rejection`, { as: 'huangpuReformOffice', body: { reason: '理由不充分' } });
    await readModelShows(async () => (await api.expect(200, 'GET', `/workflow?status=published`, { as: 'huangpuUnitAdmin' })).items[0]?.pendingChange === null);
    expect((await api.expect(200, 'GET', `/public/items/${itemId}`)).current.revision).toBe(2);
  });

  it('needs the definition for a revision, and none for a withdrawal', async () => {
    const withoutDefinition = await api.call('POST', `/items/${itemId}/change-requests`, { as: 'huangpuUnitAdmin', body: { change: 'revision', reason: 'x' } });
    const withDefinition = await api.call('POST', `/items/${itemId}/change-requests`, { as: 'huangpuUnitAdmin', body: { ...revision(5), change: 'withdrawal' } });

    expect(withoutDefinition.status).toBe(400);
    expect(withDefinition.status).toBe(400);
    expect(withDefinition.body.violations).toEqual([expect.objectContaining({ field: 'definition', reasons: ['is required for a revision and must be absent for a withdrawal'] })]);
  });

  it('refuses a change effective before today', async () => {
    const open = await api.expect(201, 'POST', `/items/${itemId}/change-requests`, { as: 'huangpuUnitAdmin', body: revision(6) });

    const backdated = await api.call('POST', `/items/${itemId}/change-requests/${open.changeRequestId}/approval`, {
      as: 'huangpuReformOffice',
      body: { approvalReference: 'ref', effectiveOn: '2017-01-01' },
    });

    expect(backdated.body.violations).toEqual([expect.objectContaining({ field: 'effectiveOn', rule: 'effective-not-before-today' })]);
    await api.expect(200, 'POST', `/items/${itemId}/change-requests/${open.changeRequestId}/rejection`, { as: 'huangpuReformOffice', body: { reason: '撤回' } });
  });

  it('withdraws an item from its catalog on an approved withdrawal, and keeps its history public', async () => {
    const other = await approvedItem(api, immediateRegistration());
    await publishBatch(api, [other]);
    await publiclyAt(api, other, 1);
    const request = await api.expect(201, 'POST', `/items/${other}/change-requests`, { as: 'huangpuUnitAdmin', body: { change: 'withdrawal', reason: '事项已取消' } });

    await api.expect(200, 'POST', `/items/${other}/change-requests/${request.changeRequestId}/approval`, { as: 'huangpuReformOffice', body: { approvalReference: '黄审改办〔2018〕3号' } });

    const withdrawn = await readModelShows(async () => {
      const detail = await api.expect(200, 'GET', `/public/items/${other}`);
      return detail.status === 'withdrawn' ? detail : undefined;
    });
    expect(withdrawn.versions.map((version: { change: string }) => version.change)).toEqual(['published', 'withdrawn']);
    expect(withdrawn.current).toMatchObject({ reason: '事项已取消', approvalReference: '黄审改办〔2018〕3号', definition: { name: '个体工商户设立登记' } });
    expect((await api.expect(200, 'GET', '/public/items')).items.map((item: { itemId: string }) => item.itemId)).toEqual([itemId]);
    expect((await api.call('POST', `/items/${other}/change-requests`, { as: 'huangpuUnitAdmin', body: { change: 'withdrawal', reason: '再次' } })).status).toBe(409);
  });
});
