import { cases, catalog, projects } from '@sangeyipi/contracts';
import { findingFromWatchedEvent, findingsFromWindowInspection } from './watch.rules';

describe('the watch over other contexts', () => {
  it('turns an overdue case into an efficiency finding against its unit, with a stable id', () => {
    const event = { eventId: 'e-1', type: 'cases.CaseOverdue', data: { caseId: 'c-1', unitId: 'u-1', committedDeadline: '2025-11-03' } as cases.CaseOverdue };
    const finding = findingFromWatchedEvent(event);
    expect(finding).toEqual(expect.objectContaining({ source: 'FINDING_SOURCE_EFFICIENCY_MONITORING', category: 'FINDING_CATEGORY_OVERDUE', unitId: 'u-1', caseId: 'c-1' }));
    expect(findingFromWatchedEvent(event)?.findingId).toBe(finding?.findingId);
    expect(findingFromWatchedEvent({ ...event, eventId: 'e-2' })?.findingId).not.toBe(finding?.findingId);
  });

  it('files a refused expedite fee as an illegal fee and an added precondition as such', () => {
    const fee = { caseId: 'c', unitId: 'u', charge: cases.ForbiddenCharge.EXPEDITE_FEE, description: '加急费200元' } as cases.ForbiddenChargeRefused;
    expect(findingFromWatchedEvent({ eventId: 'a', type: 'cases.ForbiddenChargeRefused', data: fee })?.category).toBe('FINDING_CATEGORY_ILLEGAL_FEE');
    const precondition = { ...fee, charge: cases.ForbiddenCharge.ADDED_PRECONDITION } as cases.ForbiddenChargeRefused;
    expect(findingFromWatchedEvent({ eventId: 'b', type: 'cases.ForbiddenChargeRefused', data: precondition })?.category).toBe('FINDING_CATEGORY_ADDED_PRECONDITION');
  });

  it('raises a finding for an unauthorized catalog edit and a missed project, not for a landed one', () => {
    const edit = { itemId: 'i', unitId: 'u', revision: 2 } as catalog.CatalogItemUnauthorizedChangeAttempted;
    expect(findingFromWatchedEvent({ eventId: 'a', type: 'catalog.CatalogItemUnauthorizedChangeAttempted', data: edit })?.category).toBe('FINDING_CATEGORY_UNAUTHORIZED_CATALOG_CHANGE');
    const closed = (outcome: projects.YearOutcome) => ({ eventId: 'p', type: 'projects.ProjectYearClosed', data: { projectId: 'p', unitId: 'u', listingYear: 2025, outcome } as projects.ProjectYearClosed });
    expect(findingFromWatchedEvent(closed(projects.YearOutcome.MISSED))?.category).toBe('FINDING_CATEGORY_PROJECT_NOT_LANDED');
    expect(findingFromWatchedEvent(closed(projects.YearOutcome.LANDED))).toBeUndefined();
    expect(findingFromWatchedEvent(closed(projects.YearOutcome.EXCLUDED))).toBeUndefined();
  });

  it('raises one finding per failed window check', () => {
    const findings = findingsFromWindowInspection({
      windowInspectionId: 'w-1',
      unitId: 'u-1',
      method: 'INSPECTION_METHOD_UNDERCOVER',
      visitedOn: '2025-11-03',
      notes: '',
      checks: [
        { check: 'WINDOW_CHECK_VOUCHER_GIVEN', passed: true, note: '' },
        { check: 'WINDOW_CHECK_ONE_TIME_NOTIFICATION', passed: false, note: '分两次告知' },
        { check: 'WINDOW_CHECK_BADGE_WORN', passed: false, note: '' },
      ],
    });
    expect(findings.map((f) => f.category)).toEqual(['FINDING_CATEGORY_NOT_NOTIFIED_AT_ONCE', 'FINDING_CATEGORY_SERVICE_CONDUCT']);
    expect(new Set(findings.map((f) => f.findingId)).size).toBe(2);
  });
});
