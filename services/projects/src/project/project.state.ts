import type {
  AdministrativeLevel,
  ApprovalProgress,
  ApprovalRequirement,
  CoordinationDecision,
  ExclusionReason,
  LandingTarget,
  Milestone,
  ProjectChangeKind,
  ProjectDescription,
  ProjectDocument,
  ProjectEvent,
  YearOutcome,
} from './project.events';

/** registered (a candidate, not public) → listed (in a published batch) → delisted (by approved change). */
export type ProjectStatus = 'registered' | 'listed' | 'delisted';

export interface RecordedMilestone {
  milestone: Milestone;
  reachedOn: string;
  evidenceDocumentNumber: string;
  evidenceDescription: string;
}

/** One case run of an approval: a case linked to it, from receipt to its end. */
export interface ApprovalRun {
  caseId: string;
  receivedOn: string;
  /** 受理 date; the clock runs from the day after. */
  acceptedOn: string | null;
  /** Periods the case's clock stood still (§45), both days included; `end` null while it still stands. */
  stops: { start: string; end: string | null }[];
  committedDeadline: string;
  endedOn: string | null;
  outcome: 'approved' | 'denied' | 'not-accepted' | null;
}

export interface ApprovalState extends ApprovalRequirement {
  /** Every case linked to this approval, in order; a denied or refused one is followed by a new case. */
  runs: ApprovalRun[];
}

/** An industrial project's approval chain (产业项目审批). */
export interface ApprovalChain {
  approvals: ApprovalState[];
  statutoryTotalDays: number;
  budgetDays: number;
  flaggedOn: string | null;
  completedOn: string | null;
  meetings: { meetingId: string; heldOn: string; topic: string; decisions: CoordinationDecision[] }[];
}

export interface ExistingProject extends ProjectDescription {
  status: ProjectStatus;
  projectId: string;
  unitId: string;
  level: AdministrativeLevel;
  listRegionCode: string;
  listingYear: number;
  documents: ProjectDocument[];
  listing: { batchId: string; batchNumber: number; publishedOn: string } | null;
  milestones: RecordedMilestone[];
  pendingChange: { changeRequestId: string; changeKind: ProjectChangeKind; proposedTarget: LandingTarget | null; reason: string } | null;
  pendingExclusion: { exclusionRequestId: string; reason: ExclusionReason; explanation: string; evidence: string[] } | null;
  exclusion: { exclusionRequestId: string; reason: ExclusionReason; approvalReference: string } | null;
  yearOutcome: YearOutcome | null;
  chain: ApprovalChain | null;
}

export type ProjectState = { status: 'none' } | ExistingProject;

export const initialProjectState = (): ProjectState => ({ status: 'none' });

/** The approval whose current run is the case, if any. */
export function approvalOfCase(chain: ApprovalChain, caseId: string): ApprovalState | undefined {
  return chain.approvals.find((approval) => approval.runs.some((run) => run.caseId === caseId));
}

const PROGRESS_OUTCOME: Partial<Record<ApprovalProgress, ApprovalRun['outcome']>> = {
  APPROVAL_PROGRESS_APPROVED: 'approved',
  APPROVAL_PROGRESS_DENIED: 'denied',
  APPROVAL_PROGRESS_NOT_ACCEPTED: 'not-accepted',
};

function progressRun(run: ApprovalRun, progress: ApprovalProgress, on: string, committedDeadline: string): ApprovalRun {
  switch (progress) {
    case 'APPROVAL_PROGRESS_ACCEPTED':
      return { ...run, acceptedOn: on, committedDeadline };
    case 'APPROVAL_PROGRESS_CLOCK_STOPPED':
      return { ...run, stops: [...run.stops, { start: on, end: null }] };
    case 'APPROVAL_PROGRESS_CLOCK_RESTARTED':
      return { ...run, committedDeadline: committedDeadline || run.committedDeadline, stops: run.stops.map((stop) => (stop.end === null ? { ...stop, end: on } : stop)) };
    default:
      // A decision ends the run; a clock still stopped at that moment stops with it.
      return {
        ...run,
        endedOn: on,
        outcome: PROGRESS_OUTCOME[progress] ?? null,
        stops: run.stops.map((stop) => (stop.end === null ? { ...stop, end: on } : stop)),
      };
  }
}

function evolveChain(chain: ApprovalChain, event: ProjectEvent): ApprovalChain {
  switch (event.type) {
    case 'projects.ApprovalCaseLinked': {
      const { approvalId, caseId, receivedOn } = event.data;
      const run: ApprovalRun = { caseId, receivedOn, acceptedOn: null, stops: [], committedDeadline: '', endedOn: null, outcome: null };
      return { ...chain, approvals: chain.approvals.map((approval) => (approval.approvalId === approvalId ? { ...approval, runs: [...approval.runs, run] } : approval)) };
    }
    case 'projects.ApprovalCaseProgressed': {
      const { approvalId, caseId, progress, progressedOn, committedDeadline } = event.data;
      return {
        ...chain,
        approvals: chain.approvals.map((approval) =>
          approval.approvalId !== approvalId
            ? approval
            : { ...approval, runs: approval.runs.map((run) => (run.caseId === caseId ? progressRun(run, progress, progressedOn, committedDeadline) : run)) },
        ),
      };
    }
    case 'projects.IndustrialApprovalAtRisk':
      return { ...chain, flaggedOn: event.data.flaggedOn };
    case 'projects.IndustrialApprovalChainCompleted':
      return { ...chain, completedOn: event.data.completedOn };
    case 'projects.CoordinationMeetingHeld': {
      const { meetingId, heldOn, topic, decisions } = event.data;
      return { ...chain, meetings: [...chain.meetings, { meetingId, heldOn, topic, decisions }] };
    }
    default:
      return chain;
  }
}

/** The project after `event`. */
export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  if (event.type === 'projects.ProjectRegistered') {
    const { projectId: _id, ...data } = event.data;
    return {
      ...data,
      status: 'registered',
      projectId: event.data.projectId,
      listing: null,
      milestones: [],
      pendingChange: null,
      pendingExclusion: null,
      exclusion: null,
      yearOutcome: null,
      chain: null,
    };
  }
  if (state.status === 'none') return state; // a stream never starts with anything else
  switch (event.type) {
    case 'projects.ProjectRegistrationAmended': {
      const { projectId: _id, ...description } = event.data;
      return { ...state, ...description };
    }
    case 'projects.ProjectDocumentRecorded':
      return { ...state, documents: [...state.documents, event.data.document] };
    case 'projects.ProjectListed': {
      const { batchId, batchNumber, publishedOn } = event.data;
      return { ...state, status: 'listed', listing: { batchId, batchNumber, publishedOn } };
    }
    case 'projects.MilestoneReached': {
      const { milestone, reachedOn, evidenceDocumentNumber, evidenceDescription } = event.data;
      return { ...state, milestones: [...state.milestones, { milestone, reachedOn, evidenceDocumentNumber, evidenceDescription }] };
    }
    case 'projects.ProjectChangeRequested': {
      const { changeRequestId, changeKind, proposedTarget, reason } = event.data;
      return { ...state, pendingChange: { changeRequestId, changeKind, proposedTarget: proposedTarget ?? null, reason } };
    }
    case 'projects.ProjectChangeApproved':
    case 'projects.ProjectChangeRejected':
      return { ...state, pendingChange: null };
    case 'projects.ProjectTargetChanged':
      return { ...state, target: event.data.target };
    case 'projects.ProjectDelisted':
      return { ...state, status: 'delisted', pendingExclusion: null };
    case 'projects.ProjectUnauthorizedChangeAttempted':
      return state;
    case 'projects.ProjectExclusionRequested': {
      const { exclusionRequestId, reason, explanation, evidence } = event.data;
      return { ...state, pendingExclusion: { exclusionRequestId, reason, explanation, evidence } };
    }
    case 'projects.ProjectExclusionRejected':
      return { ...state, pendingExclusion: null };
    case 'projects.ProjectExcluded': {
      const { exclusionRequestId, reason, approvalReference } = event.data;
      return { ...state, pendingExclusion: null, exclusion: { exclusionRequestId, reason, approvalReference } };
    }
    case 'projects.ProjectYearClosed':
      return { ...state, yearOutcome: event.data.outcome, pendingChange: null, pendingExclusion: null };
    case 'projects.IndustrialApprovalPlanned': {
      const { approvals, statutoryTotalDays, budgetDays } = event.data;
      return {
        ...state,
        chain: { approvals: approvals.map((approval) => ({ ...approval, runs: [] })), statutoryTotalDays, budgetDays, flaggedOn: null, completedOn: null, meetings: [] },
      };
    }
    default:
      return state.chain ? { ...state, chain: evolveChain(state.chain, event) } : state;
  }
}

export function replayProject(events: readonly ProjectEvent[]): ProjectState {
  return events.reduce(evolveProject, initialProjectState());
}
