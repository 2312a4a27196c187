import { refuse } from './case.errors';
import type {
  ApplicantKind,
  ApprovalStep,
  CaseEvent,
  Channel,
  DecisionOutcome,
  DeliveryMethod,
  ForbiddenCharge,
  ReassignmentReason,
  MissingMaterial,
  ReceivedMaterial,
  SuspensionReason,
} from './case.events';

/**
 * The case aggregate as plain functions (emmett style): `decide(command, state, deps) → events` and
 * `evolve(state, event) → state`. No I/O: the date ("today", Asia/Shanghai) comes with each command
 * and working days come from the injected calendar.
 */

/** The working-day arithmetic the case needs (libs/platform WorkingDayCalendar provides it). */
export interface WorkingDays {
  addWorkingDays(start: string, n: number, options?: { suspensions?: readonly Suspension[] }): string;
  countWorkingDays(from: string, to: string, options?: { suspensions?: readonly Suspension[] }): number;
}

export interface Suspension {
  start: string;
  end: string;
}

export interface DecideDeps {
  calendar: WorkingDays;
}

export interface Staff {
  userId: string;
  badge: string;
  /** True when acting as the named backup (AB角) of the primary handler. */
  asBackup?: boolean;
}

/** The catalog item as the local copy holds it at receipt. */
export interface ItemTerms {
  itemId: string;
  revision: number;
  unitId: string;
  approvalSteps: ApprovalStep[];
  /** 即办件 / 当场办结. */
  immediate: boolean;
  statutoryLimitDays: number;
  committedLimitDays: number;
  /** The item may be approved on the applicant's written commitment (告知承诺). */
  commitmentRoute: boolean;
}

export type CaseCommand =
  | {
      type: 'ReceiveCase';
      caseId: string;
      receiptVoucherNumber: string;
      item: ItemTerms;
      applicant: { kind: ApplicantKind; applicantId: string };
      channel: Channel;
      materials: ReceivedMaterial[];
      staff: Staff;
      today: string;
      /** The applicant signed a written commitment that the conditions are met (告知承诺). */
      commitmentSigned?: boolean;
    }
  /** 网上申报 by the applicant: the case starts online, before any window. */
  | {
      type: 'SubmitOnline';
      caseId: string;
      item: ItemTerms;
      applicant: { kind: ApplicantKind; applicantId: string };
      materials: ReceivedMaterial[];
      today: string;
    }
  /** 网上预审 found the online application complete (materials missing: RequestSupplement, 一次告知). */
  | { type: 'PassPreReview'; userId: string; today: string }
  /** The applicant came to the window after a passed pre-review: received (voucher) and accepted on the spot. */
  | { type: 'AcceptAtWindow'; receiptVoucherNumber: string; noticeNumber: string; staff: Staff; today: string }
  | { type: 'AmendApplication'; description: string; materials: ReceivedMaterial[] }
  | { type: 'RequestSupplement'; noticeNumber: string; missingMaterials: MissingMaterial[] }
  | { type: 'AcceptCase'; noticeNumber: string; today: string }
  | { type: 'RefuseAcceptance'; noticeNumber: string; reason: string; legalBasis: string }
  | {
      type: 'CompleteStep';
      step: ApprovalStep;
      staff: Staff;
      opinion: string;
      today: string;
      /** Required at the item's last step. */
      decision?: { outcome: DecisionOutcome; reasons: string[]; legalBasis: string; notOnTheSpotReason?: string };
    }
  | { type: 'IssueDocument'; documentId: string; documentNumber: string; today: string }
  | { type: 'DeliverDocument'; documentId: string; method: DeliveryMethod }
  | { type: 'SuspendClock'; reason: SuspensionReason; description: string; applicantNotified: boolean; today: string }
  | { type: 'ResumeClock'; today: string }
  | { type: 'MarkOverdue'; today: string }
  /** Warns once per committed deadline when at most `warningDays` working days are left (预警). */
  | { type: 'WarnDeadline'; today: string; warningDays: number }
  /**
   * Someone tries to record a charge the reform forbids. The charge is never recorded: the only
   * outcome is the report of the attempt, for supervision (no fees for speed).
   */
  | { type: 'AttemptForbiddenCharge'; charge: ForbiddenCharge; description: string; userId: string }
  /** Moves the responsibility for an open case: to the named backup (AB角) or by a recorded handover. */
  | { type: 'ReassignCase'; toUserId: string; reason: ReassignmentReason; note: string }
  /** Revokes an approval, e.g. when verification found the written commitment false (虚假承诺). */
  | { type: 'RevokeDecision'; reason: string; findingId: string }
  /** 行政协助: ask another unit for its opinion within `limitDays` working days. */
  | { type: 'RequestAssistance'; requestId: string; toUnitId: string; question: string; limitDays: number; today: string }
  | { type: 'AnswerAssistance'; requestId: string; unitId: string; opinion: string; userId: string; today: string };

export type CaseStatus =
  | 'none'
  | 'submitted-online' // 网上申报: waiting for pre-review (or for the applicant's amendment after 一次告知)
  | 'pre-reviewed' // 网上预审 passed: waiting for the applicant at the window
  | 'received' // 收件: waiting for acceptance or supplement
  | 'awaiting-supplement' // 一次告知 given
  | 'refused' // 不予受理
  | 'in-progress' // 受理: steps running
  | 'decided'
  | 'document-issued'
  | 'completed' // 送达
  | 'revoked'; // 撤销

export interface CompletedStep {
  step: ApprovalStep;
  actorUserId: string;
}

export interface CaseState {
  status: CaseStatus;
  caseId: string;
  unitId: string;
  itemId: string;
  applicantId: string;
  applicant: { kind: ApplicantKind; applicantId: string };
  /** 告知承诺: decided on the applicant's written commitment, verified afterwards. */
  commitmentSigned: boolean;
  /** Materials submitted online, received at the window after a passed pre-review. */
  materialsSubmitted: ReceivedMaterial[];
  itemRevision: number;
  /** 首问负责: the staff member who first took the matter. */
  firstAskedUserId: string;
  /** Who is responsible now: the first-asked, until a recorded handover or an AB角 reassignment. */
  responsibleUserId: string;
  receivedOn: string;
  immediate: boolean;
  approvalSteps: ApprovalStep[];
  completedSteps: CompletedStep[];
  supplementRequests: number;
  /** True when the application changed after the last supplement request. */
  amendedSinceSupplement: boolean;
  statutoryLimitDays: number;
  committedLimitDays: number;
  acceptedOn: string;
  committedDeadline: string;
  statutoryDeadline: string;
  suspensions: (Suspension & { reason: SuspensionReason })[];
  openSuspension?: { reason: SuspensionReason; start: string };
  decision?: DecisionOutcome;
  decidedOnTheSpot: boolean;
  documents: { documentId: string; delivered: boolean }[];
  overdue: boolean;
  /** Administrative assistance asked of other units; pending until answered. */
  assistance: { requestId: string; toUnitId: string; question: string; dueOn: string; answered: boolean; opinion: string }[];
  /** The committed deadline a warning was raised for ('' when none). */
  warnedForDeadline: string;
}

export const INITIAL_STATE: CaseState = {
  status: 'none',
  caseId: '',
  unitId: '',
  itemId: '',
  applicantId: '',
  applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId: '' },
  commitmentSigned: false,
  materialsSubmitted: [],
  itemRevision: 0,
  firstAskedUserId: '',
  responsibleUserId: '',
  receivedOn: '',
  immediate: false,
  approvalSteps: [],
  completedSteps: [],
  supplementRequests: 0,
  amendedSinceSupplement: false,
  statutoryLimitDays: 0,
  committedLimitDays: 0,
  acceptedOn: '',
  committedDeadline: '',
  statutoryDeadline: '',
  suspensions: [],
  decidedOnTheSpot: false,
  documents: [],
  overdue: false,
  assistance: [],
  warnedForDeadline: '',
};

export type CaseAction =
  | 'pre-review'
  | 'accept-at-window'
  | 'amend-application'
  | 'request-supplement'
  | 'accept'
  | 'refuse-acceptance'
  | 'complete-step'
  | 'suspend-clock'
  | 'resume-clock'
  | 'issue-document'
  | 'deliver-document';

/** What may be done next, derived from the state alone (shown to staff; checked by decide). */
export function allowedActions(state: CaseState): CaseAction[] {
  switch (state.status) {
    case 'submitted-online':
      return state.supplementRequests === 0 || state.amendedSinceSupplement
        ? ['amend-application', 'pre-review', 'request-supplement']
        : ['amend-application'];
    case 'pre-reviewed':
      return ['accept-at-window'];
    case 'received':
      return state.supplementRequests === 0
        ? ['amend-application', 'request-supplement', 'accept', 'refuse-acceptance']
        : ['amend-application', 'accept', 'refuse-acceptance'];
    case 'awaiting-supplement':
      return state.amendedSinceSupplement
        ? ['amend-application', 'request-supplement', 'accept', 'refuse-acceptance']
        : ['amend-application', 'accept', 'refuse-acceptance'];
    case 'in-progress':
      return state.openSuspension ? ['resume-clock'] : ['complete-step', 'suspend-clock'];
    case 'decided':
      return ['issue-document'];
    case 'document-issued':
      return ['deliver-document'];
    default:
      return [];
  }
}

/** The step waiting to be done, if any. */
export function pendingStep(state: CaseState): ApprovalStep | undefined {
  return state.status === 'in-progress' ? state.approvalSteps[state.completedSteps.length] : undefined;
}

function requireAction(state: CaseState, action: CaseAction, conflict = false): void {
  if (state.status === 'none') refuse('case-not-found', `case ${state.caseId || ''} does not exist`);
  if (!allowedActions(state).includes(action)) {
    refuse('action-not-allowed', `${action} is not allowed while the case is ${state.status}${state.openSuspension ? ' (clock suspended)' : ''}`, conflict);
  }
}

export function decide(command: CaseCommand, state: CaseState, { calendar }: DecideDeps): CaseEvent[] {
  const caseId = state.caseId;
  switch (command.type) {
    case 'ReceiveCase': {
      if (state.status !== 'none') refuse('case-already-exists', `case ${command.caseId} already exists`, true);
      const { item } = command;
      if (item.approvalSteps.length < 1 || item.approvalSteps.length > 3) {
        refuse('invalid-item', `item ${item.itemId} has ${item.approvalSteps.length} approval steps; one to three are allowed`);
      }
      if (command.commitmentSigned && !item.commitmentRoute) {
        refuse('commitment-not-allowed', `item ${item.itemId} is not approved on a written commitment (告知承诺)`);
      }
      return [
        {
          type: 'cases.CaseReceived',
          data: {
            caseId: command.caseId,
            receiptVoucherNumber: command.receiptVoucherNumber,
            itemId: item.itemId,
            itemRevision: item.revision,
            unitId: item.unitId,
            applicant: command.applicant,
            channel: command.channel,
            materialsReceived: command.materials,
            handlerBadge: command.staff.badge,
            firstAskedUserId: command.staff.userId,
            approvalSteps: item.approvalSteps,
            immediate: item.immediate,
            statutoryLimitDays: item.statutoryLimitDays,
            committedLimitDays: item.immediate ? 0 : item.committedLimitDays,
            receivedOn: command.today,
            commitmentSigned: command.commitmentSigned ?? false,
          },
        },
      ];
    }

    case 'SubmitOnline': {
      if (state.status !== 'none') refuse('case-already-exists', `case ${command.caseId} already exists`, true);
      const { item } = command;
      if (item.approvalSteps.length < 1 || item.approvalSteps.length > 3) {
        refuse('invalid-item', `item ${item.itemId} has ${item.approvalSteps.length} approval steps; one to three are allowed`);
      }
      return [
        {
          type: 'cases.OnlineApplicationSubmitted',
          data: {
            caseId: command.caseId,
            itemId: item.itemId,
            itemRevision: item.revision,
            unitId: item.unitId,
            applicant: command.applicant,
            materialsSubmitted: command.materials,
            approvalSteps: item.approvalSteps,
            immediate: item.immediate,
            statutoryLimitDays: item.statutoryLimitDays,
            committedLimitDays: item.immediate ? 0 : item.committedLimitDays,
            submittedOn: command.today,
          },
        },
      ];
    }

    case 'PassPreReview':
      requireAction(state, 'pre-review', true);
      return [{ type: 'cases.OnlinePreReviewPassed', data: { caseId, reviewedByUserId: command.userId, reviewedOn: command.today } }];

    case 'AcceptAtWindow': {
      requireAction(state, 'accept-at-window', true);
      const received: CaseEvent = {
        type: 'cases.CaseReceived',
        data: {
          caseId,
          receiptVoucherNumber: command.receiptVoucherNumber,
          itemId: state.itemId,
          itemRevision: state.itemRevision,
          unitId: state.unitId,
          applicant: state.applicant,
          channel: 'CHANNEL_ONLINE',
          materialsReceived: state.materialsSubmitted,
          handlerBadge: command.staff.badge,
          firstAskedUserId: command.staff.userId,
          approvalSteps: state.approvalSteps,
          immediate: state.immediate,
          statutoryLimitDays: state.statutoryLimitDays,
          committedLimitDays: state.committedLimitDays,
          receivedOn: command.today,
          commitmentSigned: false,
        },
      };
      const accepted = decide({ type: 'AcceptCase', noticeNumber: command.noticeNumber, today: command.today }, evolve(state, received), { calendar });
      return [received, ...accepted];
    }

    case 'AmendApplication':
      requireAction(state, 'amend-application');
      return [{ type: 'cases.CaseApplicationAmended', data: { caseId, description: command.description, materialsReceived: command.materials } }];

    case 'RequestSupplement': {
      if (state.supplementRequests > 0 && !state.amendedSinceSupplement && ['received', 'awaiting-supplement', 'submitted-online'].includes(state.status)) {
        refuse(
          'second-supplement-request',
          'the missing materials were already named in one notice (一次告知); a second request is allowed only after the application changed',
        );
      }
      requireAction(state, 'request-supplement');
      if (command.missingMaterials.length === 0) refuse('nothing-missing', 'a supplement request must name every missing material');
      return [
        {
          type: 'cases.MaterialsSupplementRequested',
          data: { caseId, noticeNumber: command.noticeNumber, missingMaterials: command.missingMaterials, requestNumber: state.supplementRequests + 1 },
        },
      ];
    }

    case 'AcceptCase': {
      requireAction(state, 'accept', true);
      const committedDeadline = calendar.addWorkingDays(command.today, state.committedLimitDays);
      const statutoryDeadline = state.statutoryLimitDays > 0 ? calendar.addWorkingDays(command.today, state.statutoryLimitDays) : '';
      return [
        {
          type: 'cases.CaseAccepted',
          data: {
            caseId,
            noticeNumber: command.noticeNumber,
            acceptedOn: command.today,
            statutoryLimitDays: state.statutoryLimitDays,
            committedLimitDays: state.committedLimitDays,
            committedDeadline,
            statutoryDeadline,
          },
        },
      ];
    }

    case 'RefuseAcceptance':
      requireAction(state, 'refuse-acceptance', true);
      if (!command.reason.trim() || !command.legalBasis.trim()) {
        refuse('reasons-required', 'a refusal of acceptance (不予受理) states its reason and legal basis');
      }
      return [{ type: 'cases.CaseAcceptanceRefused', data: { caseId, noticeNumber: command.noticeNumber, reason: command.reason, legalBasis: command.legalBasis } }];

    case 'CompleteStep': {
      requireAction(state, 'complete-step', true);
      const pending = pendingStep(state);
      if (pending !== command.step) refuse('step-not-pending', `the pending step is ${pending}, not ${command.step}`, true);
      const previous = state.completedSteps[state.completedSteps.length - 1];
      if (previous && previous.actorUserId === command.staff.userId) {
        refuse('same-person-consecutive-steps', `${command.step} may not be done by the person who did ${previous.step}`);
      }
      const events: CaseEvent[] = [
        {
          type: 'cases.StepCompleted',
          data: {
            caseId,
            step: command.step,
            actorUserId: command.staff.userId,
            actorBadge: command.staff.badge,
            opinion: command.opinion,
            actedAsBackup: command.staff.asBackup ?? false,
          },
        },
      ];
      const last = state.completedSteps.length + 1 === state.approvalSteps.length;
      if (!last) return events;

      const decision = command.decision ?? refuse('decision-required', `${command.step} is the last step: it carries the decision`);
      if (decision.outcome === 'DECISION_DENIED' && decision.reasons.filter((r) => r.trim()).length === 0) {
        refuse('reasons-required', 'a denial gives its reasons');
      }
      let decidedOnTheSpot = false;
      let notOnTheSpotReason = '';
      if (state.immediate) {
        decidedOnTheSpot = command.today === state.receivedOn && !decision.notOnTheSpotReason;
        if (!decidedOnTheSpot) {
          notOnTheSpotReason = decision.notOnTheSpotReason?.trim() ?? '';
          if (!notOnTheSpotReason) {
            refuse('not-on-the-spot-reason-required', 'an immediate item not decided during the visit says why (当场办结 not met)');
          }
        }
      }
      events.push({
        type: 'cases.CaseDecided',
        data: {
          caseId,
          decision: decision.outcome,
          reasons: decision.reasons,
          legalBasis: decision.legalBasis,
          workingDaysUsed: Math.max(0, calendar.countWorkingDays(state.acceptedOn, command.today, { suspensions: state.suspensions })),
          decidedOnTheSpot,
          notOnTheSpotReason,
        },
      });
      if (state.commitmentSigned && decision.outcome === 'DECISION_APPROVED') {
        // 告知承诺: the decision comes first, the verification (事后核查) after — a task for supervision.
        events.push({
          type: 'cases.CommitmentVerificationRequested',
          data: { caseId, unitId: state.unitId, itemId: state.itemId, applicant: state.applicant, decidedOn: command.today },
        });
      }
      return events;
    }

    case 'IssueDocument':
      requireAction(state, 'issue-document', true);
      return [
        {
          type: 'cases.DocumentIssued',
          data: {
            caseId,
            documentId: command.documentId,
            kind: state.decision === 'DECISION_APPROVED' ? 'DOCUMENT_KIND_APPROVAL' : 'DOCUMENT_KIND_DENIAL_NOTICE',
            documentNumber: command.documentNumber,
            issuedOnTheSpot: state.decidedOnTheSpot && command.today === state.receivedOn,
          },
        },
      ];

    case 'DeliverDocument': {
      requireAction(state, 'deliver-document', true);
      const document = state.documents.find((d) => d.documentId === command.documentId);
      if (!document) refuse('document-not-found', `no document ${command.documentId} was issued on this case`);
      return [{ type: 'cases.DocumentDelivered', data: { caseId, documentId: command.documentId, method: command.method } }];
    }

    case 'SuspendClock':
      if (state.openSuspension) refuse('clock-already-suspended', 'the clock is already suspended', true);
      requireAction(state, 'suspend-clock', true);
      return [
        {
          type: 'cases.ClockSuspended',
          data: { caseId, reason: command.reason, description: command.description, applicantNotified: command.applicantNotified, suspendedOn: command.today },
        },
      ];

    case 'ResumeClock': {
      const open = state.openSuspension ?? refuse('clock-not-suspended', 'the clock is running', true);
      if (command.today < open.start) refuse('resume-before-suspension', `cannot resume on ${command.today}, before the suspension began on ${open.start}`);
      const suspensions = [...state.suspensions, { start: open.start, end: command.today }];
      const suspendedWorkingDays = calendar.countWorkingDays(dayBefore(open.start), command.today);
      return [
        {
          type: 'cases.ClockResumed',
          data: {
            caseId,
            reason: open.reason,
            suspendedWorkingDays,
            resumedAfter: command.today,
            committedDeadline: calendar.addWorkingDays(state.acceptedOn, state.committedLimitDays, { suspensions }),
            statutoryDeadline: state.statutoryLimitDays > 0 ? calendar.addWorkingDays(state.acceptedOn, state.statutoryLimitDays, { suspensions }) : '',
          },
        },
      ];
    }

    case 'MarkOverdue': {
      const step = pendingStep(state);
      if (!step || state.overdue || state.openSuspension || !(state.committedDeadline < command.today)) {
        refuse('not-overdue', 'the case is not past its committed deadline, is suspended, finished, or already marked overdue');
      }
      return [{ type: 'cases.CaseOverdue', data: { caseId, unitId: state.unitId, committedDeadline: state.committedDeadline, pendingStep: step } }];
    }

    case 'AttemptForbiddenCharge':
      if (state.status === 'none') refuse('case-not-found', 'the case does not exist');
      return [
        {
          type: 'cases.ForbiddenChargeRefused',
          data: { caseId, unitId: state.unitId, charge: command.charge, description: command.description, attemptedByUserId: command.userId },
        },
      ];

    case 'ReassignCase': {
      if (state.status === 'none') refuse('case-not-found', 'the case does not exist');
      if (['refused', 'completed', 'revoked'].includes(state.status)) refuse('action-not-allowed', `the case is ${state.status}`);
      if (command.toUserId === state.responsibleUserId) refuse('already-responsible', `${command.toUserId} is already responsible for the case`);
      return [
        {
          type: 'cases.CaseReassigned',
          data: { caseId, fromUserId: state.responsibleUserId, toUserId: command.toUserId, reason: command.reason, note: command.note },
        },
      ];
    }

    case 'RevokeDecision':
      if (state.decision !== 'DECISION_APPROVED' || state.status === 'revoked') {
        refuse('not-revocable', 'only an approval that stands can be revoked');
      }
      return [{ type: 'cases.DecisionRevoked', data: { caseId, reason: command.reason, findingId: command.findingId } }];

    case 'RequestAssistance':
      if (!['received', 'awaiting-supplement', 'in-progress'].includes(state.status)) {
        refuse('action-not-allowed', `assistance cannot be requested while the case is ${state.status}`);
      }
      if (command.toUnitId === state.unitId) refuse('assistance-to-own-unit', 'administrative assistance is asked of another unit');
      return [
        {
          type: 'cases.AssistanceRequested',
          data: {
            caseId,
            requestId: command.requestId,
            fromUnitId: state.unitId,
            toUnitId: command.toUnitId,
            question: command.question,
            limitDays: command.limitDays,
            dueOn: calendar.addWorkingDays(command.today, command.limitDays),
          },
        },
      ];

    case 'AnswerAssistance': {
      const request = state.assistance.find((r) => r.requestId === command.requestId && r.toUnitId === command.unitId);
      if (!request) refuse('assistance-not-found', `no assistance request ${command.requestId} to ${command.unitId} on this case`);
      if (request.answered) refuse('assistance-already-answered', 'the request was already answered', true);
      return [
        {
          type: 'cases.AssistanceAnswered',
          data: { caseId, requestId: command.requestId, unitId: command.unitId, opinion: command.opinion, answeredByUserId: command.userId, answeredOn: command.today },
        },
      ];
    }

    case 'WarnDeadline': {
      const step = pendingStep(state);
      const deadline = state.committedDeadline;
      const due = step && !state.overdue && !state.openSuspension && deadline >= command.today && state.warnedForDeadline !== deadline;
      const left = due ? calendar.countWorkingDays(command.today, deadline) : Infinity;
      if (!step || !due || left > command.warningDays) {
        refuse('no-warning-due', 'no deadline warning is due: not near the deadline, suspended, finished, or already warned');
      }
      return [{ type: 'cases.CaseDeadlineApproaching', data: { caseId, unitId: state.unitId, committedDeadline: deadline, workingDaysLeft: left, pendingStep: step } }];
    }
  }
}

export function evolve(state: CaseState, event: CaseEvent): CaseState {
  switch (event.type) {
    case 'cases.OnlineApplicationSubmitted': {
      const d = event.data;
      return {
        ...INITIAL_STATE,
        status: 'submitted-online',
        caseId: d.caseId,
        unitId: d.unitId,
        itemId: d.itemId,
        itemRevision: d.itemRevision,
        applicantId: d.applicant.applicantId,
        applicant: d.applicant,
        materialsSubmitted: d.materialsSubmitted,
        immediate: d.immediate,
        approvalSteps: d.approvalSteps,
        statutoryLimitDays: d.statutoryLimitDays,
        committedLimitDays: d.committedLimitDays,
      };
    }
    case 'cases.OnlinePreReviewPassed':
      return { ...state, status: 'pre-reviewed' };
    case 'cases.CaseReceived': {
      const d = event.data;
      return {
        ...INITIAL_STATE,
        status: 'received',
        caseId: d.caseId,
        unitId: d.unitId,
        itemId: d.itemId,
        itemRevision: d.itemRevision,
        applicantId: d.applicant.applicantId,
        applicant: d.applicant,
        commitmentSigned: d.commitmentSigned ?? false,
        firstAskedUserId: d.firstAskedUserId,
        responsibleUserId: d.firstAskedUserId,
        receivedOn: d.receivedOn,
        immediate: d.immediate,
        approvalSteps: d.approvalSteps,
        statutoryLimitDays: d.statutoryLimitDays,
        committedLimitDays: d.committedLimitDays,
      };
    }
    case 'cases.CaseApplicationAmended':
      return {
        ...state,
        amendedSinceSupplement: state.supplementRequests > 0,
        materialsSubmitted: state.status === 'submitted-online' ? event.data.materialsReceived : state.materialsSubmitted,
      };
    case 'cases.MaterialsSupplementRequested':
      return {
        ...state,
        // Online, the notice goes to the applicant; the case stays in pre-review until they amend.
        status: state.status === 'submitted-online' ? 'submitted-online' : 'awaiting-supplement',
        supplementRequests: state.supplementRequests + 1,
        amendedSinceSupplement: false,
      };
    case 'cases.CaseAccepted':
      return {
        ...state,
        status: 'in-progress',
        acceptedOn: event.data.acceptedOn,
        committedDeadline: event.data.committedDeadline,
        statutoryDeadline: event.data.statutoryDeadline,
      };
    case 'cases.CaseAcceptanceRefused':
      return { ...state, status: 'refused' };
    case 'cases.StepCompleted':
      return { ...state, completedSteps: [...state.completedSteps, { step: event.data.step, actorUserId: event.data.actorUserId }] };
    case 'cases.CaseDecided':
      return { ...state, status: 'decided', decision: event.data.decision, decidedOnTheSpot: event.data.decidedOnTheSpot };
    case 'cases.DocumentIssued':
      return { ...state, status: 'document-issued', documents: [...state.documents, { documentId: event.data.documentId, delivered: false }] };
    case 'cases.DocumentDelivered':
      return {
        ...state,
        status: 'completed',
        documents: state.documents.map((d) => (d.documentId === event.data.documentId ? { ...d, delivered: true } : d)),
      };
    case 'cases.ClockSuspended':
      return { ...state, openSuspension: { reason: event.data.reason, start: event.data.suspendedOn } };
    case 'cases.ClockResumed': {
      const open = state.openSuspension;
      return {
        ...state,
        openSuspension: undefined,
        suspensions: open ? [...state.suspensions, { reason: open.reason, start: open.start, end: event.data.resumedAfter }] : state.suspensions,
        committedDeadline: event.data.committedDeadline,
        statutoryDeadline: event.data.statutoryDeadline,
      };
    }
    case 'cases.CaseOverdue':
      return { ...state, overdue: true };
    case 'cases.CaseDeadlineApproaching':
      return { ...state, warnedForDeadline: event.data.committedDeadline };
    case 'cases.CaseReassigned':
      return { ...state, responsibleUserId: event.data.toUserId };
    case 'cases.CommitmentVerificationRequested':
      return state;
    case 'cases.AssistanceRequested': {
      const d = event.data;
      return { ...state, assistance: [...state.assistance, { requestId: d.requestId, toUnitId: d.toUnitId, question: d.question, dueOn: d.dueOn, answered: false, opinion: '' }] };
    }
    case 'cases.AssistanceAnswered':
      return {
        ...state,
        assistance: state.assistance.map((r) => (r.requestId === event.data.requestId ? { ...r, answered: true, opinion: event.data.opinion } : r)),
      };
    case 'cases.DecisionRevoked':
      return { ...state, status: 'revoked' };
    case 'cases.ForbiddenChargeRefused':
      return state; // nothing about the case changes: the charge was never recorded
  }
}

/** Folds a stream's events into the state. */
export function replay(events: readonly CaseEvent[]): CaseState {
  return events.reduce(evolve, INITIAL_STATE);
}

/** The calendar date before a 'YYYY-MM-DD' date. */
export function dayBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}
