import { checkDescription, checkDocuments, checkListingYear, landedOn, yearIsOver, yearOutcomeOf } from './project.rules';
import { description, LAND_USE } from './project.examples';

const rules = (violations: { rule: string }[]) => violations.map((violation) => violation.rule);
const inside = { siteKnown: true, siteWithinList: true };

describe('which projects qualify for the same-year list (seed 二(三))', () => {
  it('lets a project start or open this year only with a land-use approval, project approval or construction registration', () => {
    expect(rules(checkDescription(description(), [LAND_USE], inside, '2025-09-01'))).toEqual([]);
    expect(rules(checkDescription(description(), [], inside, '2025-09-01'))).toEqual(['documents-required-for-start-or-open']);
  });

  it('lets a project pass completion acceptance this year only when it is ready for acceptance, by today', () => {
    const acceptance = (readyForAcceptanceOn: string) => description({ target: 'LANDING_TARGET_COMPLETION_ACCEPTANCE', readyForAcceptanceOn });
    expect(rules(checkDescription(acceptance('2025-09-01'), [], inside, '2025-09-01'))).toEqual([]);
    expect(rules(checkDescription(acceptance('2025-09-02'), [], inside, '2025-09-01'))).toEqual(['ready-for-acceptance-not-in-future']);
    expect(rules(checkDescription(acceptance(''), [], inside, '2025-09-01'))).toEqual(['ready-for-acceptance-required']);
    expect(rules(checkDescription(description({ readyForAcceptanceOn: '2025-08-01' }), [LAND_USE], inside, '2025-09-01'))).toEqual([
      'ready-for-acceptance-only-with-acceptance-target',
    ]);
  });

  it('keeps the site inside the region of the list', () => {
    expect(rules(checkDescription(description(), [LAND_USE], { siteKnown: true, siteWithinList: false }, '2025-09-01'))).toEqual(['site-within-list-region']);
    expect(rules(checkDescription(description(), [LAND_USE], { siteKnown: false, siteWithinList: false }, '2025-09-01'))).toEqual(['known-region']);
  });

  it('takes documents issued by today, one of each kind', () => {
    expect(rules(checkDocuments([{ ...LAND_USE, issuedOn: '2025-09-01' }], '2025-09-01'))).toEqual([]);
    expect(checkDocuments([{ ...LAND_USE, issuedOn: '2025-09-02' }], '2025-09-01')).toEqual([expect.objectContaining({ field: 'documents[0].issuedOn', rule: 'document-not-in-future' })]);
    expect(checkDocuments([LAND_USE, LAND_USE], '2025-09-01')).toEqual([expect.objectContaining({ field: 'documents[1].kind', rule: 'distinct-document-kinds' })]);
  });

  it('lists projects for this year or the next, not a past one', () => {
    expect(checkListingYear(2025, '2025-12-31')).toEqual([]);
    expect(checkListingYear(2026, '2025-12-31')).toEqual([]);
    expect(rules(checkListingYear(2024, '2025-01-01'))).toEqual(['listing-year-current-or-next']);
    expect(rules(checkListingYear(2027, '2025-12-31'))).toEqual(['listing-year-current-or-next']);
  });
});

describe('landing within the year, and the year-end outcome (年终认定)', () => {
  it('lands a start-or-open project by construction start or opening within the list year, up to 31 December', () => {
    expect(landedOn('LANDING_TARGET_START_OR_OPEN', 2025, [{ milestone: 'MILESTONE_CONSTRUCTION_STARTED', reachedOn: '2025-12-31' }])).toBe('2025-12-31');
    expect(landedOn('LANDING_TARGET_START_OR_OPEN', 2025, [{ milestone: 'MILESTONE_OPENED', reachedOn: '2025-06-30' }])).toBe('2025-06-30');
    expect(landedOn('LANDING_TARGET_START_OR_OPEN', 2025, [{ milestone: 'MILESTONE_CONSTRUCTION_STARTED', reachedOn: '2026-01-01' }])).toBeNull();
  });

  it('lands a completion-acceptance project only by passing acceptance', () => {
    expect(landedOn('LANDING_TARGET_COMPLETION_ACCEPTANCE', 2025, [{ milestone: 'MILESTONE_CONSTRUCTION_STARTED', reachedOn: '2025-03-01' }])).toBeNull();
    expect(landedOn('LANDING_TARGET_COMPLETION_ACCEPTANCE', 2025, [{ milestone: 'MILESTONE_COMPLETION_ACCEPTED', reachedOn: '2025-11-11' }])).toBe('2025-11-11');
  });

  it('closes a year as excluded (approved exclusion), landed or missed', () => {
    const started = [{ milestone: 'MILESTONE_CONSTRUCTION_STARTED' as const, reachedOn: '2025-10-01' }];
    expect(yearOutcomeOf(true, 'LANDING_TARGET_START_OR_OPEN', 2025, [])).toBe('YEAR_OUTCOME_EXCLUDED');
    expect(yearOutcomeOf(false, 'LANDING_TARGET_START_OR_OPEN', 2025, started)).toBe('YEAR_OUTCOME_LANDED');
    expect(yearOutcomeOf(false, 'LANDING_TARGET_START_OR_OPEN', 2025, [])).toBe('YEAR_OUTCOME_MISSED');
  });

  it('ends the list year at midnight of 31 December', () => {
    expect(yearIsOver(2025, '2025-12-31')).toBe(false);
    expect(yearIsOver(2025, '2026-01-01')).toBe(true);
  });
});
