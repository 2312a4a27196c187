import { SupervisionActionForbidden, SupervisionStateConflict } from '../supervision.errors';
import type { ApplicantRef, BadRatingAnswered, BadRatingAnswerOverdue, BadRatingReferred, CaseRated, RatingGrade, SupervisionEvent } from '../supervision.events';

/**
 * The public rating of a case (好差评), pure: one rating per completed case, by its applicant. A bad
 * grade (不满意, 非常不满意) goes back to the unit, which must verify, fix and answer by a due date;
 * unanswered past it, the timer flags it overdue once.
 */
export const BAD_GRADES: readonly RatingGrade[] = ['RATING_GRADE_DISSATISFIED', 'RATING_GRADE_VERY_DISSATISFIED'];
/** 好评: satisfied or better (DOMAIN.md, 好评率). */
export const GOOD_GRADES: readonly RatingGrade[] = ['RATING_GRADE_VERY_SATISFIED', 'RATING_GRADE_SATISFIED'];

export interface RatableCase {
  caseId: string;
  itemId: string;
  unitId: string;
  applicant: ApplicantRef;
  completed: boolean;
}

export interface RatingState {
  status: 'none' | 'rated' | 'referred' | 'answered';
  ratingId: string;
  unitId: string;
  answerDueOn: string;
  overdueFlagged: boolean;
}

export function initialRatingState(): RatingState {
  return { status: 'none', ratingId: '', unitId: '', answerDueOn: '', overdueFlagged: false };
}

export function evolveRating(state: RatingState, event: SupervisionEvent): RatingState {
  switch (event.type) {
    case 'supervision.CaseRated':
      return { ...state, status: 'rated', ratingId: event.data.ratingId, unitId: event.data.unitId };
    case 'supervision.BadRatingReferred':
      return { ...state, status: 'referred', answerDueOn: event.data.answerDueOn };
    case 'supervision.BadRatingAnswered':
      return { ...state, status: 'answered' };
    case 'supervision.BadRatingAnswerOverdue':
      return { ...state, overdueFlagged: true };
    default:
      return state;
  }
}

export type RatingCommand =
  | { type: 'RateCase'; ratingId: string; raterId: string; ratedCase: RatableCase | undefined; grade: RatingGrade; comment: string; answerDueOn: string }
  | { type: 'AnswerBadRating'; justified: boolean; fix: string; answer: string; today: string }
  | { type: 'MarkRatingAnswerOverdue'; today: string };

export function decideRating(command: RatingCommand, state: RatingState): (CaseRated | BadRatingReferred | BadRatingAnswered | BadRatingAnswerOverdue)[] {
  switch (command.type) {
    case 'RateCase': {
      const c = command.ratedCase;
      if (!c || c.applicant.applicantId !== command.raterId) throw new SupervisionActionForbidden('only the applicant of a case rates it');
      if (!c.completed) throw new SupervisionStateConflict('case-not-completed', `case ${c.caseId} is not completed yet`);
      if (state.status !== 'none') throw new SupervisionStateConflict('already-rated', `case ${c.caseId} has been rated`);
      const rated: CaseRated = {
        type: 'supervision.CaseRated',
        data: { ratingId: command.ratingId, caseId: c.caseId, itemId: c.itemId, unitId: c.unitId, applicant: c.applicant, grade: command.grade, comment: command.comment },
      };
      if (!BAD_GRADES.includes(command.grade)) return [rated];
      return [rated, { type: 'supervision.BadRatingReferred', data: { ratingId: command.ratingId, caseId: c.caseId, unitId: c.unitId, grade: command.grade, answerDueOn: command.answerDueOn } }];
    }
    case 'AnswerBadRating':
      if (state.status !== 'referred') throw new SupervisionStateConflict('rating-state', state.status === 'answered' ? 'the rating has been answered' : 'only a bad rating is answered');
      return [
        {
          type: 'supervision.BadRatingAnswered',
          data: {
            ratingId: state.ratingId,
            unitId: state.unitId,
            justified: command.justified,
            fix: command.fix,
            answer: command.answer,
            answeredOn: command.today,
            late: command.today > state.answerDueOn,
          },
        },
      ];
    case 'MarkRatingAnswerOverdue':
      if (state.status !== 'referred' || state.overdueFlagged || command.today <= state.answerDueOn) throw new SupervisionStateConflict('not-overdue', 'nothing to flag');
      return [{ type: 'supervision.BadRatingAnswerOverdue', data: { ratingId: state.ratingId, unitId: state.unitId, answerDueOn: state.answerDueOn } }];
  }
}
