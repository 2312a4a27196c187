import type { ApprovalStep } from '../case/case.events';

/** A published catalog item as the cases service keeps it (its local copy, from catalog events only). */
export interface CatalogItemCopy {
  itemId: string;
  unitId: string;
  regionCode: string;
  revision: number;
  name: string;
  approvalSteps: ApprovalStep[];
  /** 即办件 / 当场办结 mode. */
  immediate: boolean;
  statutoryLimitDays: number;
  committedLimitDays: number;
  holidayService: boolean;
  /** 告知承诺: cases may be approved on the applicant's written commitment. */
  commitmentRoute: boolean;
  withdrawn: boolean;
  /** For a withdrawn item: the first day no new case is received. */
  effectiveOn: string;
}
