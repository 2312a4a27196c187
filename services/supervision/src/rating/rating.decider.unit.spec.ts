import { SupervisionActionForbidden, SupervisionStateConflict } from '../supervision.errors';
import type { SupervisionEvent } from '../supervision.events';
import { decideVerification, evolveVerification, initialVerificationState } from '../verification/commitment-verification.decider';
import { decideRating, evolveRating, initialRatingState, type RatableCase, type RatingCommand } from './rating.decider';

const ratedCase: RatableCase = { caseId: 'c-1', itemId: 'i-1', unitId: 'u-1', applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId: 'app-1' }, completed: true };
const rate = (overrides: Partial<Extract<RatingCommand, { type: 'RateCase' }>> = {}): RatingCommand => ({
  type: 'RateCase',
  ratingId: 'r-1',
  raterId: 'app-1',
  ratedCase,
  grade: 'RATING_GRADE_SATISFIED',
  comment: '',
  answerDueOn: '2025-11-10',
  ...overrides,
});
const after = (...commands: RatingCommand[]) =>
  commands.reduce((state, command) => (decideRating(command, state) as SupervisionEvent[]).reduce(evolveRating, state), initialRatingState());

describe('rating a case (好差评)', () => {
  it('rates a completed case once, by its applicant', () => {
    expect(decideRating(rate(), initialRatingState()).map((e) => e.type)).toEqual(['supervision.CaseRated']);
    expect(() => decideRating(rate(), after(rate()))).toThrow(SupervisionStateConflict);
    expect(() => decideRating(rate({ raterId: 'someone-else' }), initialRatingState())).toThrow(SupervisionActionForbidden);
    expect(() => decideRating(rate({ ratedCase: { ...ratedCase, completed: false } }), initialRatingState())).toThrow(/not completed/);
  });

  it.each([
    ['RATING_GRADE_BASICALLY_SATISFIED', false],
    ['RATING_GRADE_DISSATISFIED', true],
    ['RATING_GRADE_VERY_DISSATISFIED', true],
  ] as const)('refers a %s rating back to the unit: %s', (grade, referred) => {
    const types = decideRating(rate({ grade }), initialRatingState()).map((e) => e.type);
    expect(types.includes('supervision.BadRatingReferred')).toBe(referred);
  });

  it('tracks the answer deadline: on time on the due day, late after, flagged overdue once', () => {
    const referred = after(rate({ grade: 'RATING_GRADE_DISSATISFIED' }));
    expect(decideRating({ type: 'AnswerBadRating', justified: true, fix: 'f', answer: 'a', today: '2025-11-10' }, referred)[0].data).toEqual(expect.objectContaining({ late: false }));
    expect(decideRating({ type: 'AnswerBadRating', justified: true, fix: 'f', answer: 'a', today: '2025-11-11' }, referred)[0].data).toEqual(expect.objectContaining({ late: true }));
    expect(() => decideRating({ type: 'MarkRatingAnswerOverdue', today: '2025-11-10' }, referred)).toThrow(SupervisionStateConflict);
    const flagged = after(rate({ grade: 'RATING_GRADE_DISSATISFIED' }), { type: 'MarkRatingAnswerOverdue', today: '2025-11-11' });
    expect(() => decideRating({ type: 'MarkRatingAnswerOverdue', today: '2025-11-12' }, flagged)).toThrow(SupervisionStateConflict);
    const answered = after(rate({ grade: 'RATING_GRADE_DISSATISFIED' }), { type: 'AnswerBadRating', justified: false, fix: '', answer: 'a', today: '2025-11-05' });
    expect(() => decideRating({ type: 'AnswerBadRating', justified: false, fix: '', answer: 'a', today: '2025-11-06' }, answered)).toThrow(/has been answered/);
  });
});

describe('verifying a 告知承诺 commitment', () => {
  const task = {
    verificationId: 'v-1',
    caseId: 'c-1',
    unitId: 'u-1',
    itemId: 'i-1',
    applicant: { kind: 'APPLICANT_KIND_ENTERPRISE' as const, applicantId: '91310101MA1FPX1234' },
    decidedOn: '2025-11-03',
    dueOn: '2025-12-01',
  };
  const open = decideVerification({ type: 'OpenVerification', task }, initialVerificationState()).reduce(evolveVerification, initialVerificationState());

  it('opens one task per case and concludes it once', () => {
    expect(decideVerification({ type: 'OpenVerification', task }, open)).toEqual([]);
    const concluded = decideVerification({ type: 'ConcludeVerification', outcome: 'COMMITMENT_VERIFICATION_OUTCOME_FALSE_COMMITMENT', summary: '不符', today: '2025-11-20' }, open);
    expect(concluded[0].data).toEqual(expect.objectContaining({ caseId: 'c-1', applicant: task.applicant, outcome: 'COMMITMENT_VERIFICATION_OUTCOME_FALSE_COMMITMENT' }));
    const done = concluded.reduce(evolveVerification, open);
    expect(() => decideVerification({ type: 'ConcludeVerification', outcome: 'COMMITMENT_VERIFICATION_OUTCOME_CONFORMING', summary: '', today: '2025-11-21' }, done)).toThrow(SupervisionStateConflict);
  });

  it('flags the task overdue the day after its deadline, once, and not on the deadline', () => {
    expect(() => decideVerification({ type: 'MarkVerificationOverdue', today: '2025-12-01' }, open)).toThrow(SupervisionStateConflict);
    const flagged = decideVerification({ type: 'MarkVerificationOverdue', today: '2025-12-02' }, open).reduce(evolveVerification, open);
    expect(() => decideVerification({ type: 'MarkVerificationOverdue', today: '2025-12-03' }, flagged)).toThrow(SupervisionStateConflict);
  });
});
