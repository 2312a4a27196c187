/**
 * The domain events of a case (办件), in the past tense. Each is the registered contract event of the
 * same name (proto/sangeyipi/cases/v1/cases.proto) and its data is that message's protobuf JSON: enums
 * by name, dates as 'YYYY-MM-DD' (Asia/Shanghai). The event store refuses anything else.
 */

export type ApprovalStep = 'APPROVAL_STEP_HANDLE' | 'APPROVAL_STEP_REVIEW' | 'APPROVAL_STEP_DECIDE';
export type Channel = 'CHANNEL_WINDOW' | 'CHANNEL_ONLINE';
export type DecisionOutcome = 'DECISION_APPROVED' | 'DECISION_DENIED';
export type DocumentKind = 'DOCUMENT_KIND_APPROVAL' | 'DOCUMENT_KIND_DENIAL_NOTICE';
export type DeliveryMethod = 'DELIVERY_METHOD_IN_PERSON' | 'DELIVERY_METHOD_POST' | 'DELIVERY_METHOD_ELECTRONIC';
/** The periods the law excludes from time limits (行政许可法 §45). */
export const SUSPENSION_REASONS = [
  'SUSPENSION_REASON_HEARING',
  'SUSPENSION_REASON_TENDER',
  'SUSPENSION_REASON_AUCTION',
  'SUSPENSION_REASON_INSPECTION',
  'SUSPENSION_REASON_TESTING',
  'SUSPENSION_REASON_QUARANTINE',
  'SUSPENSION_REASON_APPRAISAL',
  'SUSPENSION_REASON_EXPERT_REVIEW',
] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];
export type ApplicantKind = 'APPLICANT_KIND_PERSON' | 'APPLICANT_KIND_ENTERPRISE';

export interface ReceivedMaterial {
  materialId: string;
  name: string;
  copies: number;
  replacedByCommitment?: boolean;
}

export interface MissingMaterial {
  materialId: string;
  name: string;
  reason: string;
}

export interface CaseReceived {
  type: 'cases.CaseReceived';
  data: {
    caseId: string;
    receiptVoucherNumber: string;
    itemId: string;
    itemRevision: number;
    unitId: string;
    applicant: { kind: ApplicantKind; applicantId: string };
    channel: Channel;
    materialsReceived: ReceivedMaterial[];
    handlerBadge: string;
    firstAskedUserId: string;
    approvalSteps: ApprovalStep[];
    immediate: boolean;
    statutoryLimitDays: number;
    committedLimitDays: number;
    receivedOn: string;
    commitmentSigned: boolean;
  };
}

export interface CaseApplicationAmended {
  type: 'cases.CaseApplicationAmended';
  data: { caseId: string; description: string; materialsReceived: ReceivedMaterial[] };
}

export interface MaterialsSupplementRequested {
  type: 'cases.MaterialsSupplementRequested';
  data: { caseId: string; noticeNumber: string; missingMaterials: MissingMaterial[]; requestNumber: number };
}

export interface CaseAccepted {
  type: 'cases.CaseAccepted';
  data: {
    caseId: string;
    noticeNumber: string;
    acceptedOn: string;
    statutoryLimitDays: number;
    committedLimitDays: number;
    committedDeadline: string;
    statutoryDeadline: string;
  };
}

export interface CaseAcceptanceRefused {
  type: 'cases.CaseAcceptanceRefused';
  data: { caseId: string; noticeNumber: string; reason: string; legalBasis: string };
}

export interface StepCompleted {
  type: 'cases.StepCompleted';
  data: { caseId: string; step: ApprovalStep; actorUserId: string; actorBadge: string; opinion: string; actedAsBackup: boolean };
}

export interface CaseDecided {
  type: 'cases.CaseDecided';
  data: {
    caseId: string;
    decision: DecisionOutcome;
    reasons: string[];
    legalBasis: string;
    workingDaysUsed: number;
    decidedOnTheSpot: boolean;
    notOnTheSpotReason: string;
  };
}

export interface DocumentIssued {
  type: 'cases.DocumentIssued';
  data: { caseId: string; documentId: string; kind: DocumentKind; documentNumber: string; issuedOnTheSpot: boolean };
}

export interface DocumentDelivered {
  type: 'cases.DocumentDelivered';
  data: { caseId: string; documentId: string; method: DeliveryMethod };
}

export interface ClockSuspended {
  type: 'cases.ClockSuspended';
  data: { caseId: string; reason: SuspensionReason; description: string; applicantNotified: boolean; suspendedOn: string };
}

export interface ClockResumed {
  type: 'cases.ClockResumed';
  data: {
    caseId: string;
    reason: SuspensionReason;
    suspendedWorkingDays: number;
    resumedAfter: string;
    committedDeadline: string;
    statutoryDeadline: string;
  };
}

export interface CaseOverdue {
  type: 'cases.CaseOverdue';
  data: { caseId: string; unitId: string; committedDeadline: string; pendingStep: ApprovalStep };
}

export interface CaseDeadlineApproaching {
  type: 'cases.CaseDeadlineApproaching';
  data: { caseId: string; unitId: string; committedDeadline: string; workingDaysLeft: number; pendingStep: ApprovalStep };
}

/** Charges the reform forbids: 加急费, 服务费, added preconditions. */
export const FORBIDDEN_CHARGES = ['FORBIDDEN_CHARGE_EXPEDITE_FEE', 'FORBIDDEN_CHARGE_SERVICE_FEE', 'FORBIDDEN_CHARGE_ADDED_PRECONDITION'] as const;
export type ForbiddenCharge = (typeof FORBIDDEN_CHARGES)[number];

export interface ForbiddenChargeRefused {
  type: 'cases.ForbiddenChargeRefused';
  data: { caseId: string; unitId: string; charge: ForbiddenCharge; description: string; attemptedByUserId: string };
}

export type ReassignmentReason = 'REASSIGNMENT_REASON_ABSENCE' | 'REASSIGNMENT_REASON_HANDOVER';

export interface CaseReassigned {
  type: 'cases.CaseReassigned';
  data: { caseId: string; fromUserId: string; toUserId: string; reason: ReassignmentReason; note: string };
}

export interface CommitmentVerificationRequested {
  type: 'cases.CommitmentVerificationRequested';
  data: { caseId: string; unitId: string; itemId: string; applicant: { kind: ApplicantKind; applicantId: string }; decidedOn: string };
}

export interface DecisionRevoked {
  type: 'cases.DecisionRevoked';
  data: { caseId: string; reason: string; findingId: string };
}

export interface AssistanceRequested {
  type: 'cases.AssistanceRequested';
  data: { caseId: string; requestId: string; fromUnitId: string; toUnitId: string; question: string; limitDays: number; dueOn: string };
}

export interface AssistanceAnswered {
  type: 'cases.AssistanceAnswered';
  data: { caseId: string; requestId: string; unitId: string; opinion: string; answeredByUserId: string; answeredOn: string };
}

/** 网上申报: the applicant submitted online; pre-review comes before the window. */
export interface OnlineApplicationSubmitted {
  type: 'cases.OnlineApplicationSubmitted';
  data: {
    caseId: string;
    itemId: string;
    itemRevision: number;
    unitId: string;
    applicant: { kind: ApplicantKind; applicantId: string };
    materialsSubmitted: ReceivedMaterial[];
    approvalSteps: ApprovalStep[];
    immediate: boolean;
    statutoryLimitDays: number;
    committedLimitDays: number;
    submittedOn: string;
  };
}

/** 网上预审 passed: the application is complete; the applicant may come to the window. */
export interface OnlinePreReviewPassed {
  type: 'cases.OnlinePreReviewPassed';
  data: { caseId: string; reviewedByUserId: string; reviewedOn: string };
}

export type CaseEvent =
  | CaseReceived
  | CaseApplicationAmended
  | MaterialsSupplementRequested
  | CaseAccepted
  | CaseAcceptanceRefused
  | StepCompleted
  | CaseDecided
  | DocumentIssued
  | DocumentDelivered
  | ClockSuspended
  | ClockResumed
  | CaseOverdue
  | CaseDeadlineApproaching
  | ForbiddenChargeRefused
  | CaseReassigned
  | CommitmentVerificationRequested
  | DecisionRevoked
  | AssistanceRequested
  | AssistanceAnswered
  | OnlineApplicationSubmitted
  | OnlinePreReviewPassed;

export type CaseEventType = CaseEvent['type'];
