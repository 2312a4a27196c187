import { randomUUID } from 'node:crypto';
import { ForbiddenException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import type { AuthenticatedUser } from '@sangeyipi/platform';
import { CatalogCopyQueries } from '../../catalog-copy/catalog-copy.queries';
import { requireExisting } from '../case.permissions';
import { CaseStreams, type CaseCommandResult } from '../case.streams';
import { noticeNumber, runStaffCommand } from '../staff-command';
import type { AcceptAtWindowDto, AmendOnlineDto, PreReviewDto, SubmitOnlineDto } from './online-application.dto';

/**
 * Online applications (网上申报 → 网上预审 → 窗口受理): the applicant submits; a clerk of the item's unit
 * pre-reviews (complete, or one notice naming every missing material — the same 一次告知 rule as at the
 * window); when the applicant comes, the clerk receives and accepts on the spot (the voucher is issued then).
 */
@Injectable()
export class OnlineApplicationHandler {
  constructor(
    private readonly cases: CaseStreams,
    private readonly catalog: CatalogCopyQueries,
  ) {}

  async submit(dto: SubmitOnlineDto, user: AuthenticatedUser): Promise<CaseCommandResult> {
    if (!user.roles.includes('applicant')) throw new ForbiddenException('online applications are submitted by applicants');
    const today = this.cases.today();
    const item = await this.catalog.find(dto.itemId, today);
    if (!item || (item.withdrawn && (!item.effectiveOn || item.effectiveOn <= today))) {
      throw new UnprocessableEntityException({ code: 'item-not-published', message: `item ${dto.itemId} is not in a published catalog` });
    }
    const caseId = randomUUID();
    return this.cases.execute(
      caseId,
      user,
      {
        type: 'SubmitOnline',
        caseId,
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
        applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId: user.userId },
        materials: dto.materials.map((m) => ({ ...m, replacedByCommitment: m.replacedByCommitment ?? false })),
        today,
      },
      { expectedVersion: 0, regionCode: item.regionCode },
    );
  }

  /** Only the applicant who submitted changes their online application. */
  amend(caseId: string, dto: AmendOnlineDto, user: AuthenticatedUser): Promise<CaseCommandResult> {
    return this.cases.execute(
      caseId,
      user,
      { type: 'AmendApplication', description: dto.description, materials: dto.materials.map((m) => ({ ...m, replacedByCommitment: m.replacedByCommitment ?? false })) },
      {
        expectedVersion: dto.expectedVersion,
        authorize: (state) => {
          requireExisting(state, caseId);
          if (!user.roles.includes('applicant') || state.applicantId !== user.userId) throw new ForbiddenException('not your application');
          if (state.status !== 'submitted-online') throw new UnprocessableEntityException({ code: 'action-not-allowed', message: 'only an online application in pre-review is amended online' });
        },
      },
    );
  }

  preReview(caseId: string, dto: PreReviewDto, user: AuthenticatedUser): Promise<CaseCommandResult> {
    const today = this.cases.today();
    if (dto.outcome === 'complete') return runStaffCommand(this.cases, caseId, user, 'clerk', { type: 'PassPreReview', userId: user.userId, today }, dto.expectedVersion);
    return runStaffCommand(
      this.cases,
      caseId,
      user,
      'clerk',
      { type: 'RequestSupplement', noticeNumber: noticeNumber('BZ', caseId, today), missingMaterials: dto.missingMaterials ?? [] },
      dto.expectedVersion,
    );
  }

  async acceptAtWindow(caseId: string, dto: AcceptAtWindowDto, user: AuthenticatedUser) {
    const today = this.cases.today();
    const number = `SJ-${today.replaceAll('-', '')}-${caseId.slice(0, 8).toUpperCase()}`;
    const result = await runStaffCommand(
      this.cases,
      caseId,
      user,
      'clerk',
      { type: 'AcceptAtWindow', receiptVoucherNumber: number, noticeNumber: noticeNumber('SL', caseId, today), staff: { userId: user.userId, badge: dto.badge }, today },
      dto.expectedVersion,
    );
    return { ...result, receiptVoucher: { number, receivedOn: today, handlerBadge: dto.badge } };
  }
}
