import { randomUUID } from 'node:crypto';
import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { WorkingDayCalendar, type AuthenticatedUser } from '@sangeyipi/platform';
import { CatalogCopyQueries } from '../../catalog-copy/catalog-copy.queries';
import { requireStaffOf } from '../case.permissions';
import { CaseStreams, type CaseCommandResult } from '../case.streams';
import type { ReceiveCaseDto } from './receive-case.dto';

export interface ReceiptVoucher extends CaseCommandResult {
  /** 收件凭证: number, time, materials received and the handler's badge. */
  receiptVoucher: { number: string; receivedOn: string; materials: ReceiveCaseDto['materials']; handlerBadge: string };
}

/**
 * Receives an application for an item of the local catalog copy. Only clerks of the item's unit;
 * the clerk becomes first-asked responsible (首问负责). On a holiday, only items with holiday service
 * (节假日办理); their clock starts on the next working day (acceptance counts from the next one).
 */
@Injectable()
export class ReceiveCaseHandler {
  constructor(
    private readonly cases: CaseStreams,
    private readonly catalog: CatalogCopyQueries,
    private readonly calendar: WorkingDayCalendar,
  ) {}

  async execute(dto: ReceiveCaseDto, user: AuthenticatedUser): Promise<ReceiptVoucher> {
    const today = this.cases.today();
    const item = await this.catalog.find(dto.itemId, today);
    if (!item || (item.withdrawn && (!item.effectiveOn || item.effectiveOn <= today))) {
      throw new UnprocessableEntityException({ code: 'item-not-published', message: `item ${dto.itemId} is not in a published catalog` });
    }
    requireStaffOf(user, item.unitId, 'clerk');
    if (!item.holidayService && !this.calendar.isWorkingDay(today)) {
      throw new UnprocessableEntityException({ code: 'no-holiday-service', message: `item ${item.itemId} is not handled on holidays (节假日办理)` });
    }
    const caseId = randomUUID();
    const number = `SJ-${item.unitId}-${today.replaceAll('-', '')}-${caseId.slice(0, 8).toUpperCase()}`;
    const result = await this.cases.execute(
      caseId,
      user,
      {
        type: 'ReceiveCase',
        caseId,
        receiptVoucherNumber: number,
        item: {
          itemId: item.itemId,
          revision: item.revision,
          unitId: item.unitId,
          approvalSteps: item.approvalSteps,
          immediate: item.immediate,
          statutoryLimitDays: item.statutoryLimitDays,
          committedLimitDays: item.committedLimitDays,
          commitmentRoute: item.commitmentRoute,
        },
        commitmentSigned: dto.commitmentSigned ?? false,
        applicant: dto.applicant,
        channel: dto.channel,
        materials: dto.materials.map((m) => ({ ...m, replacedByCommitment: m.replacedByCommitment ?? false })),
        staff: { userId: user.userId, badge: dto.badge },
        today,
      },
      { expectedVersion: 0, regionCode: item.regionCode },
    );
    return { ...result, receiptVoucher: { number, receivedOn: today, materials: dto.materials, handlerBadge: dto.badge } };
  }
}
