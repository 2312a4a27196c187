import type { ServiceUnderTest } from '@sangeyipi/testing';
import { earlyFoodLicence, immediateRegistration, siteSelectionAdvanceService } from '../../src/catalog-item/catalog-item.examples';
import { approvedItem, CatalogApi, HUANGPU_MARKET_REGULATION, publishBatch, readModelShows, registerUnit, startCatalog, XUHUI_MARKET_REGULATION } from './catalog-test-kit';

describe('publishing catalog items batch by batch', () => {
  let service: ServiceUnderTest;
  let api: CatalogApi;

  beforeAll(async () => {
    service = await startCatalog();
    api = new CatalogApi(service.url);
    await registerUnit(api, HUANGPU_MARKET_REGULATION);
    await registerUnit(api, XUHUI_MARKET_REGULATION);
  });

  afterAll(() => service?.close());

  it('takes an item from draft through review into a numbered batch, then shows it to everyone', async () => {
    const draft = await api.expect(201, 'POST', '/items', { as: 'huangpuUnitAdmin', body: earlyFoodLicence() });
    expect(draft).toEqual({ itemId: expect.any(String), status: 'draft' });
    const { itemId } = draft;

    expect(await api.expect(200, 'POST', `/items/${itemId}/submission`, { as: 'huangpuUnitAdmin' })).toEqual({ itemId, status: 'submitted' });
    const queue = await readModelShows(async () => {
      const page = await api.expect(200, 'GET', '/workflow?status=submitted', { as: 'huangpuReformOffice' });
      return page.total === 1 ? page : undefined;
    });
    expect(queue.items[0]).toMatchObject({ itemId, status: 'submitted', unitId: HUANGPU_MARKET_REGULATION.unitId });

    await api.expect(200, 'POST', `/items/${itemId}/approval`, { as: 'huangpuReformOffice', body: { note: '承诺时限压缩65%' } });
    const batch = await publishBatch(api, [itemId]);
    expect(batch).toEqual({ batchId: expect.any(String), batchNumber: 1, itemIds: [itemId] });

    const published = await readModelShows(async () => (await api.call('GET', `/public/items/${itemId}`)).body?.current);
    expect(published).toMatchObject({ change: 'published', revision: 1, batchNumber: 1, definition: { name: '食品经营许可（仅销售预包装食品）', committedLimitDays: 7 } });
    const batches = await api.expect(200, 'GET', '/public/batches?level=district&regionCode=310101');
    expect(batches).toEqual([
      expect.objectContaining({ batchNumber: 1, kind: 'on_the_spot', title: '黄浦区当场办结事项目录', items: [{ itemId, name: '食品经营许可（仅销售预包装食品）' }] }),
    ]);
  });

  it('numbers the next batch of the same catalog 2, and a batch of another catalog 1', async () => {
    const second = await approvedItem(api, immediateRegistration());
    const advance = await approvedItem(api, siteSelectionAdvanceService());

    expect((await publishBatch(api, [second])).batchNumber).toBe(2);
    expect((await publishBatch(api, [advance], 'advance_service', '黄浦区提前服务事项目录')).batchNumber).toBe(1);
  });

  it('finds published items by Chinese keyword in their names and materials, and by level, region, kind, unit and mode', async () => {
    const search = async (query: string) => (await api.expect(200, 'GET', `/public/items?${query}`)).items.map((item: { name: string }) => item.name);
    await readModelShows(async () => (await search('')).length === 3);

    expect(await search(`q=${encodeURIComponent('食品经营')}`)).toEqual(['食品经营许可（仅销售预包装食品）']);
    expect(await search(`q=${encodeURIComponent('经营者身份')}`)).toEqual(['个体工商户设立登记']); // a material, not the name
    expect((await search(`q=${encodeURIComponent('许可')}&mode=early`)).length).toBe(1);
    expect(await search('kind=advance_service')).toEqual(['产业项目选址及规划条件提前服务']);
    expect(await search('mode=immediate')).toEqual(['个体工商户设立登记']);
    expect((await search('level=district&regionCode=310101')).length).toBe(3);
    expect((await search('regionCode=310000')).length).toBe(3); // the city's subtree holds every district
    expect(await search('regionCode=310104')).toEqual([]);
    expect(await search(`unitId=${XUHUI_MARKET_REGULATION.unitId}`)).toEqual([]);
    expect(await search(`q=${encodeURIComponent('100%_')}`)).toEqual([]); // wildcards are taken literally
  });

  it('refuses a draft that breaks a catalog rule with a 400 naming the field and the rule', async () => {
    const response = await api.call('POST', '/items', { as: 'huangpuUnitAdmin', body: earlyFoodLicence({ committedLimitDays: 15, statutoryFees: [{ name: '加急费', amount: '200元', legalBasis: '无' }] }) });

    expect(response.status).toBe(400);
    expect(response.body.violations).toEqual([
      { field: 'committedLimitDays', rule: 'early-cuts-at-least-30-percent', reasons: [expect.stringContaining('30%')] },
      { field: 'statutoryFees[0].name', rule: 'no-expedite-or-service-fee', reasons: [expect.any(String)] },
    ]);
  });

  it('refuses malformed requests with a 400, never a 500', async () => {
    expect((await api.call('POST', '/items', { as: 'huangpuUnitAdmin', body: { ...earlyFoodLicence(), kind: 'fast_lane' } })).status).toBe(400);
    expect((await api.call('POST', '/items/not-a-uuid/submission', { as: 'huangpuUnitAdmin' })).status).toBe(400);
    expect((await api.call('GET', '/public/items?regionCode=310102')).body.violations).toEqual([expect.objectContaining({ field: 'regionCode', rule: 'known-region' })]);
    expect((await api.call('GET', '/public/items?pageSize=1000')).status).toBe(400);
  });

  it('sends a rejected item back to its unit, which may amend and resubmit it', async () => {
    const { itemId } = await api.expect(201, 'POST', '/items', { as: 'huangpuUnitAdmin', body: earlyFoodLicence({ name: '食品小作坊登记' }) });
    await api.expect(200, 'POST', `/items/${itemId}/submission`, { as: 'huangpuUnitAdmin' });
    await api.expect(200, 'POST', `/items/${itemId}/rejection`, { as: 'huangpuReformOffice', body: { reason: '请补充可通过数据共享获取的材料' } });

    expect(await api.expect(200, 'GET', `/items/${itemId}`, { as: 'huangpuUnitAdmin' })).toMatchObject({ status: 'rejected', rejectionReason: '请补充可通过数据共享获取的材料' });
    await api.expect(200, 'PUT', `/items/${itemId}/draft`, { as: 'huangpuUnitAdmin', body: earlyFoodLicence({ name: '食品小作坊登记', committedLimitDays: 5 }) });
    expect(await api.expect(200, 'POST', `/items/${itemId}/submission`, { as: 'huangpuUnitAdmin' })).toEqual({ itemId, status: 'submitted' });
  });

  it('refuses to publish an item that is not approved, or that belongs to another catalog', async () => {
    const { itemId: draftOnly } = await api.expect(201, 'POST', '/items', { as: 'huangpuUnitAdmin', body: earlyFoodLicence({ name: '食品经营许可变更' }) });
    const advance = await approvedItem(api, siteSelectionAdvanceService({ name: '装修工程提前服务' }));

    expect((await api.call('POST', '/batches', { as: 'huangpuReformOffice', body: batchOf([draftOnly]) })).status).toBe(409);
    const wrongCatalog = await api.call('POST', '/batches', { as: 'huangpuReformOffice', body: batchOf([advance]) });
    expect(wrongCatalog.status).toBe(400);
    expect(wrongCatalog.body.violations).toEqual([expect.objectContaining({ field: 'itemIds[0]', rule: 'item-in-batch-catalog' })]);
    const wrongLevel = await api.call('POST', '/batches', { as: 'huangpuReformOffice', body: { ...batchOf([advance]), level: 'town' } });
    expect(wrongLevel.body.violations).toEqual([expect.objectContaining({ field: 'regionCode', rule: 'region-matches-level' })]);
  });

  it('registers a unit only in a known region of its level', async () => {
    const streetOffice = { unitId: 'unit-310101002', name: '南京东路街道办事处', kind: 'grassroots_organisation', level: 'town', regionCode: '310101002' };

    expect((await api.call('POST', '/units', { as: 'operationsAdmin', body: { ...streetOffice, level: 'district' } })).body.violations).toEqual([
      expect.objectContaining({ field: 'regionCode', rule: 'region-matches-level' }),
    ]);
    await api.expect(201, 'POST', '/units', { as: 'operationsAdmin', body: streetOffice });
    expect((await api.call('POST', '/units', { as: 'operationsAdmin', body: streetOffice })).status).toBe(409);
    const towns = await readModelShows(async () => {
      const units = await api.expect(200, 'GET', '/public/units?level=town');
      return units.length > 0 ? units : undefined;
    });
    expect(towns).toEqual([{ ...streetOffice, regionName: '南京东路街道' }]);
  });

  it('reports the compression of committed limits per unit', async () => {
    const report = await api.expect(200, 'GET', '/compression?regionCode=310101', { as: 'huangpuReformOffice' });

    // Published: 食品经营许可 20 → 7 (early) and 个体工商户设立登记 15 → 0 (immediate); the advance-service item has no statutory limit.
    expect(report).toEqual({
      flaggedUnits: 0,
      units: [
        expect.objectContaining({
          unitId: HUANGPU_MARKET_REGULATION.unitId,
          unitName: HUANGPU_MARKET_REGULATION.name,
          overall: { itemsCounted: 2, statutoryDays: 35, committedDays: 7, ratio: 0.8 },
          early: { itemsCounted: 1, statutoryDays: 20, committedDays: 7, ratio: 0.65 },
          flagged: false,
        }),
      ],
    });
  });
});

function batchOf(itemIds: string[]) {
  return { kind: 'on_the_spot', level: 'district', regionCode: '310101', title: '黄浦区当场办结事项目录', itemIds };
}
