import { cases, catalog, projects } from '@sangeyipi/contracts';
import type { FindingRaised, WindowCheck, WindowInspectionRecorded } from '../supervision.events';
import { derivedId } from './derived-id';

/**
 * The watch, pure: which events of other contexts become findings (cases overdue, refused fee
 * attempts, unauthorized catalog edits, same-year projects that missed), and which failed window
 * checks do. The finding id derives from the source event id, so a redelivery raises nothing twice.
 */
export interface WatchedEvent {
  eventId: string;
  type: string;
  data: unknown;
}

const CHARGE_CATEGORY: Partial<Record<cases.ForbiddenCharge, FindingRaised['data']['category']>> = {
  [cases.ForbiddenCharge.EXPEDITE_FEE]: 'FINDING_CATEGORY_ILLEGAL_FEE',
  [cases.ForbiddenCharge.SERVICE_FEE]: 'FINDING_CATEGORY_ILLEGAL_FEE',
  [cases.ForbiddenCharge.ADDED_PRECONDITION]: 'FINDING_CATEGORY_ADDED_PRECONDITION',
};

export function findingFromWatchedEvent({ eventId, type, data }: WatchedEvent): FindingRaised['data'] | undefined {
  const findingId = derivedId('finding', eventId);
  switch (type) {
    case 'cases.CaseOverdue': {
      const d = data as cases.CaseOverdue;
      return {
        findingId,
        source: 'FINDING_SOURCE_EFFICIENCY_MONITORING',
        sourceId: d.caseId,
        unitId: d.unitId,
        caseId: d.caseId,
        category: 'FINDING_CATEGORY_OVERDUE',
        description: `办件超期: 承诺期限 ${d.committedDeadline} 已过仍未办结`,
      };
    }
    case 'cases.ForbiddenChargeRefused': {
      const d = data as cases.ForbiddenChargeRefused;
      return {
        findingId,
        source: 'FINDING_SOURCE_PLATFORM_WATCH',
        sourceId: d.caseId,
        unitId: d.unitId,
        caseId: d.caseId,
        category: CHARGE_CATEGORY[d.charge] ?? 'FINDING_CATEGORY_ILLEGAL_FEE',
        description: `试图收取改革禁止的费用或增设前置条件: ${d.description}`,
      };
    }
    case 'catalog.CatalogItemUnauthorizedChangeAttempted': {
      const d = data as catalog.CatalogItemUnauthorizedChangeAttempted;
      return {
        findingId,
        source: 'FINDING_SOURCE_PLATFORM_WATCH',
        sourceId: d.itemId,
        unitId: d.unitId,
        caseId: '',
        category: 'FINDING_CATEGORY_UNAUTHORIZED_CATALOG_CHANGE',
        description: `未经批准擅自调整已公布目录事项 (第${d.revision}版)`,
      };
    }
    case 'projects.ProjectYearClosed': {
      const d = data as projects.ProjectYearClosed;
      if (d.outcome !== projects.YearOutcome.MISSED) return undefined;
      return {
        findingId,
        source: 'FINDING_SOURCE_PLATFORM_WATCH',
        sourceId: d.projectId,
        unitId: d.unitId,
        caseId: '',
        category: 'FINDING_CATEGORY_PROJECT_NOT_LANDED',
        description: `${d.listingYear}年当年落地项目未落地`,
      };
    }
    default:
      return undefined;
  }
}

/** One finding per failed window check: 一次告知 has its own category, the others are conduct. */
export function findingsFromWindowInspection(visit: WindowInspectionRecorded['data']): FindingRaised['data'][] {
  return visit.checks
    .filter((check) => !check.passed)
    .map((check) => ({
      findingId: derivedId('finding', `${visit.windowInspectionId}:${check.check}`),
      source: 'FINDING_SOURCE_WINDOW_INSPECTION',
      sourceId: visit.windowInspectionId,
      unitId: visit.unitId,
      caseId: '',
      category: check.check === ('WINDOW_CHECK_ONE_TIME_NOTIFICATION' satisfies WindowCheck) ? 'FINDING_CATEGORY_NOT_NOTIFIED_AT_ONCE' : 'FINDING_CATEGORY_SERVICE_CONDUCT',
      description: `明查暗访: ${check.check} 未落实${check.note ? `: ${check.note}` : ''}`,
    }));
}
