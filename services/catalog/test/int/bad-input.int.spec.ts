import { describeBadInputAnswers, testHolidayNotice2027 } from '@sangeyipi/testing';
import { earlyFoodLicence } from '../../src/catalog-item/catalog-item.examples';
import { CatalogApi, HUANGPU_MARKET_REGULATION, PEOPLE, registerUnit, startCatalog } from './catalog-test-kit';

// Every catalog route, called by someone allowed on it, with bad input of every kind.
describeBadInputAnswers('catalog', {
  start: startCatalog,
  // A registered unit and a draft of it, so that the probes reach past "unknown unit" and "unknown item".
  async prepare({ url }) {
    const api = new CatalogApi(url);
    await registerUnit(api, HUANGPU_MARKET_REGULATION);
    const { itemId } = await api.expect(201, 'POST', '/items', { as: 'huangpuUnitAdmin', body: earlyFoodLicence() });
    return { itemId };
  },
  callers: {
    'POST /units': PEOPLE.operationsAdmin,
    'POST /items': PEOPLE.huangpuUnitAdmin,
    'PUT /items/{itemId}/draft': PEOPLE.huangpuUnitAdmin,
    'POST /items/{itemId}/submission': PEOPLE.huangpuUnitAdmin,
    'POST /items/{itemId}/approval': PEOPLE.huangpuReformOffice,
    'POST /items/{itemId}/rejection': PEOPLE.huangpuReformOffice,
    'POST /items/{itemId}/change-requests': PEOPLE.huangpuUnitAdmin,
    'POST /items/{itemId}/change-requests/{changeRequestId}/approval': PEOPLE.huangpuReformOffice,
    'POST /items/{itemId}/change-requests/{changeRequestId}/rejection': PEOPLE.huangpuReformOffice,
    'GET /items/{itemId}': PEOPLE.huangpuUnitAdmin,
    'POST /batches': PEOPLE.huangpuReformOffice,
    'GET /public/items': 'public',
    'GET /public/items/{itemId}': 'public',
    'GET /public/batches': 'public',
    'GET /public/units': 'public',
    'GET /workflow': PEOPLE.cityReformOffice,
    'GET /compression': PEOPLE.citySupervisor,
    'POST /calendar/notices': PEOPLE.cityReformOffice,
    'PUT /calendar/notices/{year}': PEOPLE.cityReformOffice,
    'GET /calendar/notices': 'public',
    'GET /calendar/years/{year}': 'public',
  },
  bodies: {
    'POST /units': { ...HUANGPU_MARKET_REGULATION, unitId: 'unit-310101-bad-input' },
    'POST /items': earlyFoodLicence(),
    'PUT /items/{itemId}/draft': earlyFoodLicence(),
    'POST /calendar/notices': testHolidayNotice2027(),
    'PUT /calendar/notices/{year}': { ...testHolidayNotice2027(), reason: '更正测试数据' },
  },
});
