import { decodeEvent, encodeEvent, eventFromJson, isEventType } from '@sangeyipi/contracts';
import { decodeCatalogEvent, encodeCatalogEvent, type CatalogContextEvent } from './catalog-events.codec';
import type { ItemOwner } from './catalog-item/catalog-item.definition';
import { earlyFoodLicence, immediateRegistration, siteSelectionAdvanceService } from './catalog-item/catalog-item.examples';

const owner: ItemOwner = { unitId: 'unit-310101-scjgj', level: 'district', regionCode: '310101' };
const itemId = '0d9c2b71-6a3e-4c55-8f0b-7e1a2c3d4e5f';

/** One event of every type the catalog writes, with nulls, empty lists and every enum value in play. */
const EVENTS: CatalogContextEvent[] = [
  { type: 'catalog.CatalogItemDrafted', data: { itemId, owner, definition: earlyFoodLicence() } },
  { type: 'catalog.CatalogItemDraftAmended', data: { itemId, definition: siteSelectionAdvanceService({ committedLimitDays: null }) } },
  { type: 'catalog.CatalogItemSubmitted', data: { itemId, unitId: owner.unitId } },
  { type: 'catalog.CatalogItemApproved', data: { itemId, unitId: owner.unitId, note: '同意' } },
  { type: 'catalog.CatalogItemRejected', data: { itemId, unitId: owner.unitId, reason: '材料不全' } },
  {
    type: 'catalog.CatalogItemPublished',
    data: { itemId, owner, revision: 1, definition: immediateRegistration(), batchId: 'b-1', batchNumber: 3, publishedOn: '2017-09-29' },
  },
  {
    type: 'catalog.CatalogItemChangeRequested',
    data: { itemId, changeRequestId: 'c-1', unitId: owner.unitId, reason: '压缩时限', change: 'revision', definition: earlyFoodLicence({ committedLimitDays: 5 }) },
  },
  {
    type: 'catalog.CatalogItemChangeApproved',
    data: { itemId, changeRequestId: 'c-2', approvalReference: 'ref', reason: '取消', effectiveOn: '2018-03-01', change: 'withdrawal', definition: null },
  },
  { type: 'catalog.CatalogItemChangeRejected', data: { itemId, changeRequestId: 'c-3', reason: '不同意' } },
  {
    type: 'catalog.CatalogItemRevised',
    data: {
      itemId,
      changeRequestId: 'c-1',
      approvalReference: '黄审改办〔2017〕12号',
      reason: '压缩时限',
      owner,
      revision: 2,
      definition: earlyFoodLicence({ committedLimitDays: 5 }),
      effectiveOn: '2017-11-01',
      revisedOn: '2017-10-20',
    },
  },
  {
    type: 'catalog.CatalogItemWithdrawn',
    data: { itemId, changeRequestId: 'c-2', owner, revision: 2, definition: earlyFoodLicence(), approvalReference: 'ref', reason: '取消', effectiveOn: '2018-03-01' },
  },
  {
    type: 'catalog.CatalogItemUnauthorizedChangeAttempted',
    data: { itemId, owner: { unitId: 'unit-310101002001', level: 'village', regionCode: '310101002001' }, attemptedByUserId: 'u-1', revision: 1, attemptedDefinition: earlyFoodLicence() },
  },
  {
    type: 'catalog.CatalogBatchPublished',
    data: { batchId: 'b-1', kind: 'same_year_landing', level: 'city', regionCode: '310000', batchNumber: 1, title: '第一批', itemIds: [itemId], publishedOn: '2017-09-29' },
  },
  {
    type: 'catalog.ServiceUnitRegistered',
    data: { unitId: 'unit-310101002', name: '南京东路街道办事处', kind: 'grassroots_organisation', level: 'town', regionCode: '310101002' },
  },
  {
    type: 'catalog.HolidayNoticeEntered',
    data: { year: 2027, noticeNumber: '测试〔2026〕1号', title: '测试通知', restDays: [{ date: '2027-01-01', holiday: '元旦' }], workdays: [] },
  },
  {
    type: 'catalog.HolidayNoticeCorrected',
    data: {
      year: 2027,
      noticeNumber: '测试〔2026〕2号',
      title: '测试补充通知',
      restDays: [{ date: '2027-01-01', holiday: '元旦' }, { date: '2027-02-06', holiday: '春节' }],
      workdays: [{ date: '2027-02-13', holiday: '春节' }],
      reason: '补充',
      replaces: '测试〔2026〕1号',
    },
  },
];

describe('the catalog event codec', () => {
  it.each(EVENTS.map((event) => [event.type, event] as const))('keeps %s as its registered contract and reads it back unchanged', (type, event) => {
    const stored = encodeCatalogEvent(event);

    expect(stored.type).toBe(type);
    if (!isEventType(stored.type)) throw new Error(`${stored.type} is not registered`);
    // What the relay does with it: parse the JSON strictly, then encode it as protobuf binary.
    const binary = encodeEvent(stored.type, eventFromJson(stored.type, stored.data as never) as never);
    expect(decodeEvent(stored.type, binary)).toBeDefined();
    expect(decodeCatalogEvent(stored)).toEqual(event);
  });

  it('stores enums by their contract names and limits as the contract counts them', () => {
    const { data } = encodeCatalogEvent({ type: 'catalog.CatalogItemDrafted', data: { itemId, owner, definition: siteSelectionAdvanceService({ committedLimitDays: null }) } });

    expect(data).toMatchObject({
      level: 'ADMINISTRATIVE_LEVEL_DISTRICT',
      definition: { catalogKind: 'CATALOG_KIND_ADVANCE_SERVICE', committedLimitAbsent: true, advanceServiceKinds: ['ADVANCE_SERVICE_KIND_SITE_SURVEY', 'ADVANCE_SERVICE_KIND_TECHNICAL_CONSULTATION'] },
    });
    expect(data).not.toHaveProperty('definition.statutoryLimitDays'); // 0 = no statutory limit, the default
  });

  it('reads an event written before the later fields existed', () => {
    // The first CatalogItemDrafted fixture of libs/contracts, as the earliest producers wrote it.
    const legacy = decodeCatalogEvent({
      type: 'catalog.CatalogItemDrafted',
      data: {
        itemId,
        unitId: owner.unitId,
        level: 'ADMINISTRATIVE_LEVEL_DISTRICT',
        regionCode: '310101',
        definition: {
          itemCode: '310101-SCJG-0012',
          name: '食品经营许可（仅销售预包装食品）',
          catalogKind: 'CATALOG_KIND_ON_THE_SPOT',
          completionMode: 'COMPLETION_MODE_EARLY',
          statutoryLimitDays: 20,
          committedLimitDays: 7,
          approvalSteps: ['APPROVAL_STEP_HANDLE', 'APPROVAL_STEP_DECIDE'],
          requiredMaterials: [{ materialId: 'M01', name: '食品经营许可申请书', copies: 1, originalRequired: true }],
          commitmentApprovalAllowed: true,
        },
      },
    });

    expect(legacy.data).toMatchObject({
      definition: {
        committedLimitDays: 7,
        caseType: 'commitment_case',
        approvalRoute: 'notification_commitment',
        requiredMaterials: [{ form: 'paper_or_electronic', source: 'applicant' }],
      },
    });
  });

  it('refuses an event type the catalog does not write', () => {
    expect(() => decodeCatalogEvent({ type: 'cases.CaseReceived', data: {} })).toThrow('the catalog does not write events of type cases.CaseReceived');
  });
});
