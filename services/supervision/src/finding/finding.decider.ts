import { SupervisionStateConflict, violation } from '../supervision.errors';
import type {
  FindingRaised,
  RectificationAnswered,
  RectificationChecked,
  RectificationClosed,
  RectificationEscalated,
  RectificationOrdered,
  RectificationOverdue,
  SupervisionEvent,
} from '../supervision.events';

/**
 * A finding and its rectification (整改), pure:
 * raised → ordered (due date) → answered → checked: accepted → closed, or sent back → ordered again
 * (new due date). An ordered or answered rectification is escalated to an accountability proposal
 * (问责建议) once it is overdue or an answer was sent back. Past its due date unanswered, the timer
 * flags it overdue once per due date.
 */
export type FindingStatus = 'none' | 'raised' | 'ordered' | 'answered' | 'closed' | 'escalated';

export interface FindingState {
  status: FindingStatus;
  findingId: string;
  unitId: string;
  dueOn: string;
  /** Answers sent back by a check. */
  rejections: number;
  /** The due date already flagged overdue ('' when none). */
  overdueFlaggedFor: string;
}

export function initialFindingState(): FindingState {
  return { status: 'none', findingId: '', unitId: '', dueOn: '', rejections: 0, overdueFlaggedFor: '' };
}

export function evolveFinding(state: FindingState, event: SupervisionEvent): FindingState {
  switch (event.type) {
    case 'supervision.FindingRaised':
      return { ...state, status: 'raised', findingId: event.data.findingId, unitId: event.data.unitId };
    case 'supervision.RectificationOrdered':
      return { ...state, status: 'ordered', dueOn: event.data.dueOn };
    case 'supervision.RectificationAnswered':
      return { ...state, status: 'answered' };
    case 'supervision.RectificationChecked':
      return event.data.accepted ? state : { ...state, status: 'ordered', dueOn: event.data.newDueOn, rejections: state.rejections + 1 };
    case 'supervision.RectificationClosed':
      return { ...state, status: 'closed' };
    case 'supervision.RectificationEscalated':
      return { ...state, status: 'escalated' };
    case 'supervision.RectificationOverdue':
      return { ...state, overdueFlaggedFor: event.data.dueOn };
    default:
      return state;
  }
}

export type FindingCommand =
  | { type: 'RaiseFinding'; finding: FindingRaised['data'] }
  | { type: 'OrderRectification'; requiredActions: string[]; dueOn: string; today: string }
  | { type: 'AnswerRectification'; answer: string; today: string }
  | { type: 'CheckRectification'; accepted: boolean; note: string; newDueOn: string; today: string }
  | { type: 'EscalateRectification'; reason: string; accountabilityProposal: string; today: string }
  | { type: 'MarkRectificationOverdue'; today: string };

export type FindingEvent =
  | FindingRaised
  | RectificationOrdered
  | RectificationAnswered
  | RectificationChecked
  | RectificationClosed
  | RectificationEscalated
  | RectificationOverdue;

function requireStatus(state: FindingState, allowed: FindingStatus[], action: string): void {
  if (!allowed.includes(state.status)) {
    throw new SupervisionStateConflict('rectification-state', `cannot ${action}: the finding is ${state.status === 'none' ? 'unknown' : state.status}`);
  }
}

/** Whether the rectification may be escalated today: overdue, or an answer was sent back. */
export function mayEscalate(state: FindingState, today: string): boolean {
  return (state.status === 'ordered' || state.status === 'answered') && ((state.status === 'ordered' && today > state.dueOn) || state.rejections > 0);
}

export function decideFinding(command: FindingCommand, state: FindingState): FindingEvent[] {
  switch (command.type) {
    case 'RaiseFinding':
      if (state.status !== 'none') throw new SupervisionStateConflict('finding-exists', `finding ${command.finding.findingId} already exists`);
      return [{ type: 'supervision.FindingRaised', data: command.finding }];
    case 'OrderRectification':
      requireStatus(state, ['raised'], 'order a rectification');
      if (command.dueOn <= command.today) throw violation('limitDays', 'due-after-today', 'must give the unit at least one working day');
      return [{ type: 'supervision.RectificationOrdered', data: { findingId: state.findingId, unitId: state.unitId, requiredActions: command.requiredActions, dueOn: command.dueOn } }];
    case 'AnswerRectification':
      requireStatus(state, ['ordered'], 'answer');
      return [
        {
          type: 'supervision.RectificationAnswered',
          data: { findingId: state.findingId, unitId: state.unitId, answer: command.answer, answeredOn: command.today, late: command.today > state.dueOn },
        },
      ];
    case 'CheckRectification': {
      requireStatus(state, ['answered'], 'check');
      if (command.accepted) {
        return [
          { type: 'supervision.RectificationChecked', data: { findingId: state.findingId, accepted: true, note: command.note, checkedOn: command.today, newDueOn: '' } },
          { type: 'supervision.RectificationClosed', data: { findingId: state.findingId, unitId: state.unitId, closedOn: command.today } },
        ];
      }
      if (!command.newDueOn || command.newDueOn <= command.today) throw violation('limitDays', 'due-after-today', 'an answer sent back needs a new due date after today');
      return [{ type: 'supervision.RectificationChecked', data: { findingId: state.findingId, accepted: false, note: command.note, checkedOn: command.today, newDueOn: command.newDueOn } }];
    }
    case 'EscalateRectification':
      requireStatus(state, ['ordered', 'answered'], 'escalate');
      if (!mayEscalate(state, command.today)) {
        throw new SupervisionStateConflict('not-escalable', `the rectification is due on ${state.dueOn} and no answer was sent back: it cannot be escalated yet`);
      }
      return [
        {
          type: 'supervision.RectificationEscalated',
          data: { findingId: state.findingId, unitId: state.unitId, reason: command.reason, accountabilityProposal: command.accountabilityProposal, escalatedOn: command.today },
        },
      ];
    case 'MarkRectificationOverdue':
      requireStatus(state, ['ordered'], 'flag as overdue');
      if (command.today <= state.dueOn || state.overdueFlaggedFor === state.dueOn) throw new SupervisionStateConflict('not-overdue', 'nothing to flag');
      return [{ type: 'supervision.RectificationOverdue', data: { findingId: state.findingId, unitId: state.unitId, dueOn: state.dueOn } }];
  }
}
