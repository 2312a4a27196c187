import type { RuleViolation } from '../shared/projects.errors';
import { yearOf } from '../shared/calendar-days';
import type { LandingTarget, Milestone, ProjectDescription, ProjectDocument, YearOutcome } from './project.events';

/** Region facts the application layer looks up in the region tree; the rules only judge them. */
export interface SiteFacts {
  siteKnown: boolean;
  siteWithinList: boolean;
}

/**
 * Whether the project qualifies for the same-year list with its target (seed 二(三)): a project that is to
 * start or open this year must hold a 建设用地批准书, 立项批文 or 建设工程报建表; one that is to pass completion
 * acceptance must be ready for it (具备竣工验收条件).
 */
export function checkTargetQualifies(target: LandingTarget, documents: readonly ProjectDocument[], readyForAcceptanceOn: string, field = 'target'): RuleViolation[] {
  if (target === 'LANDING_TARGET_START_OR_OPEN' && documents.length === 0) {
    return [
      {
        field: field === 'target' ? 'documents' : field,
        rule: 'documents-required-for-start-or-open',
        message: 'a project to start or open this year must hold a land-use approval, a project approval or a construction registration',
      },
    ];
  }
  if (target === 'LANDING_TARGET_COMPLETION_ACCEPTANCE' && !readyForAcceptanceOn) {
    return [
      {
        field: field === 'target' ? 'readyForAcceptanceOn' : field,
        rule: 'ready-for-acceptance-required',
        message: 'a project to pass completion acceptance this year must be ready for acceptance: give the date it became ready',
      },
    ];
  }
  return [];
}

export function checkDocuments(documents: readonly ProjectDocument[], today: string, field = 'documents'): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const kinds = new Set<string>();
  documents.forEach((document, index) => {
    if (document.issuedOn > today) violations.push({ field: `${field}[${index}].issuedOn`, rule: 'document-not-in-future', message: `a document issued after today (${today}) cannot be held yet` });
    if (kinds.has(document.kind)) violations.push({ field: `${field}[${index}].kind`, rule: 'distinct-document-kinds', message: `${document.kind} is listed twice` });
    kinds.add(document.kind);
  });
  return violations;
}

/** Checks a project's description (at registration and when a registered project is corrected). */
export function checkDescription(description: ProjectDescription, documents: readonly ProjectDocument[], site: SiteFacts, today: string): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (!site.siteKnown) violations.push({ field: 'siteRegionCode', rule: 'known-region', message: `${description.siteRegionCode} is not a Shanghai region code` });
  else if (!site.siteWithinList) violations.push({ field: 'siteRegionCode', rule: 'site-within-list-region', message: 'the project site must lie within the region of the unit that lists it' });
  if (description.readyForAcceptanceOn) {
    if (description.target !== 'LANDING_TARGET_COMPLETION_ACCEPTANCE') {
      violations.push({ field: 'readyForAcceptanceOn', rule: 'ready-for-acceptance-only-with-acceptance-target', message: 'only a project to pass completion acceptance has a ready-for-acceptance date' });
    } else if (description.readyForAcceptanceOn > today) {
      violations.push({ field: 'readyForAcceptanceOn', rule: 'ready-for-acceptance-not-in-future', message: `a project cannot be ready for acceptance after today (${today})` });
    }
  }
  violations.push(...checkTargetQualifies(description.target, documents, description.readyForAcceptanceOn));
  return violations;
}

/** A list is for this year or the next (the next year's first batches are prepared at year end). */
export function checkListingYear(listingYear: number, today: string, field = 'listingYear'): RuleViolation[] {
  const current = yearOf(today);
  if (listingYear < current || listingYear > current + 1) {
    return [{ field, rule: 'listing-year-current-or-next', message: `the list year must be ${current} or ${current + 1}` }];
  }
  return [];
}

/** The milestones that reach each target. */
const TARGET_MILESTONES: Record<LandingTarget, readonly Milestone[]> = {
  LANDING_TARGET_START_OR_OPEN: ['MILESTONE_CONSTRUCTION_STARTED', 'MILESTONE_OPENED'],
  LANDING_TARGET_COMPLETION_ACCEPTANCE: ['MILESTONE_COMPLETION_ACCEPTED'],
};

/** The first date within the list year on which the project reached its target; null when it has not. */
export function landedOn(target: LandingTarget, listingYear: number, milestones: readonly { milestone: Milestone; reachedOn: string }[]): string | null {
  const dates = milestones
    .filter((reached) => TARGET_MILESTONES[target].includes(reached.milestone) && yearOf(reached.reachedOn) === listingYear)
    .map((reached) => reached.reachedOn)
    .sort();
  return dates[0] ?? null;
}

/** 年终认定: excluded by an approved exclusion, else landed when the target was reached within the year, else missed. */
export function yearOutcomeOf(
  excluded: boolean,
  target: LandingTarget,
  listingYear: number,
  milestones: readonly { milestone: Milestone; reachedOn: string }[],
): YearOutcome {
  if (excluded) return 'YEAR_OUTCOME_EXCLUDED';
  return landedOn(target, listingYear, milestones) ? 'YEAR_OUTCOME_LANDED' : 'YEAR_OUTCOME_MISSED';
}

/** A list year can be closed from the first day of the next year. */
export function yearIsOver(listingYear: number, today: string): boolean {
  return yearOf(today) > listingYear;
}
