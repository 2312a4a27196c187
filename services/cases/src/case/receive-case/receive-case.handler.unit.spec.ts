import { ForbiddenException, UnprocessableEntityException } from '@nestjs/common';
import type { CatalogCopyQueries } from '../../catalog-copy/catalog-copy.queries';
import type { CatalogItemCopy } from '../../catalog-copy/catalog-item-copy';
import { inMemoryCaseStreams, staff, UNIT } from '../case-streams.fake';
import { ReceiveCaseHandler } from './receive-case.handler';
import type { ReceiveCaseDto } from './receive-case.dto';

const item: CatalogItemCopy = {
  itemId: 'item-1',
  unitId: UNIT,
  regionCode: '310101',
  revision: 3,
  name: '食品经营许可',
  approvalSteps: ['APPROVAL_STEP_HANDLE', 'APPROVAL_STEP_DECIDE'],
  immediate: false,
  statutoryLimitDays: 20,
  committedLimitDays: 7,
  holidayService: false,
  commitmentRoute: false,
  withdrawn: false,
  effectiveOn: '',
};
const dto: ReceiveCaseDto = {
  itemId: 'item-1',
  applicant: { kind: 'APPLICANT_KIND_ENTERPRISE', applicantId: '91310101MA1FPX1234' },
  channel: 'CHANNEL_WINDOW',
  materials: [{ materialId: 'M01', name: '申请书', copies: 1 }],
  badge: 'HP-7',
};

describe('ReceiveCaseHandler', () => {
  const setUp = (found: CatalogItemCopy | undefined, now = '2025-09-26T02:00:00Z') => {
    const world = inMemoryCaseStreams(now);
    const catalog = { find: async () => found } as unknown as CatalogCopyQueries;
    return { world, handler: new ReceiveCaseHandler(world.cases, catalog, world.calendar) };
  };

  it('issues a receipt voucher and records the item’s terms and the first-asked clerk', async () => {
    const { world, handler } = setUp(item);
    const voucher = await handler.execute(dto, staff('clerk-1', 'clerk'));
    expect(voucher.receiptVoucher).toMatchObject({ receivedOn: '2025-09-26', handlerBadge: 'HP-7' });
    expect(voucher.receiptVoucher.number).toMatch(/^SJ-unit-a-20250926-/);
    expect(world.events(voucher.caseId)).toMatchObject([
      { type: 'cases.CaseReceived', data: { itemRevision: 3, committedLimitDays: 7, firstAskedUserId: 'clerk-1', approvalSteps: ['APPROVAL_STEP_HANDLE', 'APPROVAL_STEP_DECIDE'] } },
    ]);
    expect(world.metadata(voucher.caseId)[0]).toMatchObject({ regionCode: '310101' });
  });

  it('refuses items not in the local catalog copy, withdrawn ones, and clerks of other units', async () => {
    await expect(setUp(undefined).handler.execute(dto, staff('c', 'clerk'))).rejects.toThrow(UnprocessableEntityException);
    await expect(setUp({ ...item, withdrawn: true, effectiveOn: '2025-09-01' }).handler.execute(dto, staff('c', 'clerk'))).rejects.toThrow(UnprocessableEntityException);
    await expect(setUp(item).handler.execute(dto, staff('c', 'clerk', 'unit-b'))).rejects.toThrow(ForbiddenException);
  });

  it('receives on a holiday only for items with holiday service', async () => {
    await expect(setUp(item, '2025-10-03T02:00:00Z').handler.execute(dto, staff('c', 'clerk'))).rejects.toThrow(UnprocessableEntityException);
    await expect(setUp({ ...item, holidayService: true }, '2025-10-03T02:00:00Z').handler.execute(dto, staff('c', 'clerk'))).resolves.toBeDefined();
  });
});
