import { SupervisionStateConflict } from '../supervision.errors';
import type {
  ApplicantRef,
  CommitmentVerificationConcluded,
  CommitmentVerificationOpened,
  CommitmentVerificationOverdue,
  SupervisionEvent,
  VerificationOutcome,
} from '../supervision.events';

/**
 * Verification after a 告知承诺 decision (事后核查), pure: opened with a deadline when cases asks for
 * it → concluded conforming or false. A false commitment also raises a finding (which cases acts on
 * by revoking the decision) and a credit record for the applicant; those live on their own streams and
 * are appended by the handler in the same transaction. Past its deadline unconcluded, the timer flags
 * the task overdue once; it can still be concluded.
 */
export interface VerificationState {
  status: 'none' | 'open' | 'concluded';
  verificationId: string;
  caseId: string;
  unitId: string;
  itemId: string;
  applicant: ApplicantRef;
  dueOn: string;
  overdueFlagged: boolean;
}

export function initialVerificationState(): VerificationState {
  return { status: 'none', verificationId: '', caseId: '', unitId: '', itemId: '', applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId: '' }, dueOn: '', overdueFlagged: false };
}

export function evolveVerification(state: VerificationState, event: SupervisionEvent): VerificationState {
  switch (event.type) {
    case 'supervision.CommitmentVerificationOpened': {
      const d = event.data;
      return { ...state, status: 'open', verificationId: d.verificationId, caseId: d.caseId, unitId: d.unitId, itemId: d.itemId, applicant: d.applicant, dueOn: d.dueOn };
    }
    case 'supervision.CommitmentVerificationConcluded':
      return { ...state, status: 'concluded' };
    case 'supervision.CommitmentVerificationOverdue':
      return { ...state, overdueFlagged: true };
    default:
      return state;
  }
}

export type VerificationCommand =
  | { type: 'OpenVerification'; task: CommitmentVerificationOpened['data'] }
  | { type: 'ConcludeVerification'; outcome: VerificationOutcome; summary: string; today: string }
  | { type: 'MarkVerificationOverdue'; today: string };

export function decideVerification(
  command: VerificationCommand,
  state: VerificationState,
): (CommitmentVerificationOpened | CommitmentVerificationConcluded | CommitmentVerificationOverdue)[] {
  switch (command.type) {
    case 'OpenVerification':
      if (state.status !== 'none') return []; // cases asked again for the same case: one task per case
      return [{ type: 'supervision.CommitmentVerificationOpened', data: command.task }];
    case 'ConcludeVerification':
      if (state.status !== 'open') throw new SupervisionStateConflict('verification-state', `verification ${state.verificationId || ''} is ${state.status === 'none' ? 'unknown' : 'concluded'}`);
      return [
        {
          type: 'supervision.CommitmentVerificationConcluded',
          data: {
            verificationId: state.verificationId,
            caseId: state.caseId,
            unitId: state.unitId,
            applicant: state.applicant,
            outcome: command.outcome,
            summary: command.summary,
            concludedOn: command.today,
          },
        },
      ];
    case 'MarkVerificationOverdue':
      if (state.status !== 'open' || state.overdueFlagged || command.today <= state.dueOn) throw new SupervisionStateConflict('not-overdue', 'nothing to flag');
      return [{ type: 'supervision.CommitmentVerificationOverdue', data: { verificationId: state.verificationId, caseId: state.caseId, unitId: state.unitId, dueOn: state.dueOn } }];
  }
}
