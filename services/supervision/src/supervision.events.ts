import type { CreditClass, DrawStratum, FrozenInspector, FrozenTarget } from './draw/verifiable-draw';

/**
 * The supervision context's domain events, in the past tense. Each is the registered contract event of
 * the same name (proto/sangeyipi/supervision/v1/supervision.proto) and its data is that message's
 * protobuf JSON: enums by name, dates 'YYYY-MM-DD' (Asia/Shanghai). The event store refuses anything else.
 */

export type { CreditClass, DrawStratum };
export type TargetKind = 'TARGET_KIND_ENTERPRISE' | 'TARGET_KIND_SERVICE_UNIT';
export type InspectionMethod = 'INSPECTION_METHOD_OPEN' | 'INSPECTION_METHOD_UNDERCOVER';
export type InspectionOutcome = 'INSPECTION_OUTCOME_COMPLIANT' | 'INSPECTION_OUTCOME_NON_COMPLIANT' | 'INSPECTION_OUTCOME_NOT_INSPECTED';
export type AdministrativeLevel = 'ADMINISTRATIVE_LEVEL_CITY' | 'ADMINISTRATIVE_LEVEL_DISTRICT' | 'ADMINISTRATIVE_LEVEL_TOWN' | 'ADMINISTRATIVE_LEVEL_VILLAGE';
export type FindingSource =
  | 'FINDING_SOURCE_INSPECTION'
  | 'FINDING_SOURCE_RATING'
  | 'FINDING_SOURCE_PUBLIC_REPORT'
  | 'FINDING_SOURCE_EFFICIENCY_MONITORING'
  | 'FINDING_SOURCE_COMMITMENT_VERIFICATION'
  | 'FINDING_SOURCE_PLATFORM_WATCH'
  | 'FINDING_SOURCE_WINDOW_INSPECTION';
export const FINDING_CATEGORIES = [
  'FINDING_CATEGORY_OVERDUE',
  'FINDING_CATEGORY_ILLEGAL_FEE',
  'FINDING_CATEGORY_ADDED_PRECONDITION',
  'FINDING_CATEGORY_NOT_NOTIFIED_AT_ONCE',
  'FINDING_CATEGORY_FALSE_COMMITMENT',
  'FINDING_CATEGORY_SERVICE_CONDUCT',
  'FINDING_CATEGORY_OTHER',
  'FINDING_CATEGORY_UNAUTHORIZED_CATALOG_CHANGE',
  'FINDING_CATEGORY_PROJECT_NOT_LANDED',
] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];
export const RATING_GRADES = [
  'RATING_GRADE_VERY_SATISFIED', // 非常满意
  'RATING_GRADE_SATISFIED', // 满意
  'RATING_GRADE_BASICALLY_SATISFIED', // 基本满意
  'RATING_GRADE_DISSATISFIED', // 不满意
  'RATING_GRADE_VERY_DISSATISFIED', // 非常不满意
] as const;
export type RatingGrade = (typeof RATING_GRADES)[number];
export type VerificationOutcome = 'COMMITMENT_VERIFICATION_OUTCOME_CONFORMING' | 'COMMITMENT_VERIFICATION_OUTCOME_FALSE_COMMITMENT';
export type CreditSubjectKind = 'CREDIT_SUBJECT_KIND_PERSON' | 'CREDIT_SUBJECT_KIND_ENTERPRISE' | 'CREDIT_SUBJECT_KIND_SERVICE_UNIT';
export type CreditReason =
  | 'CREDIT_REASON_FALSE_COMMITMENT'
  | 'CREDIT_REASON_INSPECTION_NON_COMPLIANT'
  | 'CREDIT_REASON_INSPECTION_COMPLIANT'
  | 'CREDIT_REASON_FINDING_RAISED'
  | 'CREDIT_REASON_RECTIFICATION_ESCALATED'
  | 'CREDIT_REASON_COMPLAINT_SUBSTANTIATED';
export const WINDOW_CHECKS = [
  'WINDOW_CHECK_VOUCHER_GIVEN', // 收件凭证
  'WINDOW_CHECK_ONE_TIME_NOTIFICATION', // 一次告知
  'WINDOW_CHECK_BADGE_WORN', // 挂牌上岗
  'WINDOW_CHECK_FIRST_ASKED_RESPONSIBILITY', // 首问负责
  'WINDOW_CHECK_AB_ROLE_COVERED', // AB角
] as const;
export type WindowCheck = (typeof WINDOW_CHECKS)[number];
export interface ApplicantRef {
  kind: 'APPLICANT_KIND_PERSON' | 'APPLICANT_KIND_ENTERPRISE';
  applicantId: string;
}

type Event<T extends string, D> = { type: `supervision.${T}`; data: D };

export type InspectionItemListed = Event<
  'InspectionItemListed',
  {
    inspectionItemId: string;
    name: string;
    legalBasis: string;
    inspectingUnitId: string;
    targetKind: TargetKind;
    proportionBasisPoints: number;
    frequency: string;
    method: InspectionMethod;
    inspectorQualification: string;
    regionCode: string;
  }
>;
export type InspectionTargetRegistered = Event<'InspectionTargetRegistered', { targetId: string; kind: TargetKind; name: string; affiliatedUnitId: string; regionCode: string }>;
export type InspectorRegistered = Event<'InspectorRegistered', { inspectorId: string; unitId: string; qualifications: string[]; regionCode: string }>;
export type InspectorConflictDeclared = Event<'InspectorConflictDeclared', { inspectorId: string; targetId: string; reason: string }>;
export type InspectionPlanned = Event<
  'InspectionPlanned',
  {
    planId: string;
    title: string;
    level: AdministrativeLevel;
    regionCode: string;
    targetListId: string;
    inspectorListId: string;
    targetCount: number;
    inspectorsPerTarget: number;
    method: InspectionMethod;
    seedCommitment: string;
    drawOn: string;
    witnessSource: string;
  }
>;
export type InspectionListsFrozen = Event<
  'InspectionListsFrozen',
  {
    planId: string;
    inspectionItemId: string;
    targets: FrozenTarget[];
    inspectors: FrozenInspector[];
    proportionBasisPoints: number;
    elevatedProportionBasisPoints: number;
    inspectorsPerTarget: number;
    targetListDigest: string;
    inspectorListDigest: string;
    listsDigest: string;
  }
>;
export type InspectionDrawn = Event<
  'InspectionDrawn',
  {
    planId: string;
    seed: string;
    inspections: { inspectionId: string; targetId: string; inspectorIds: string[] }[];
    listsDigest: string;
    witness: string;
    algorithm: string;
    drawnOn: string;
  }
>;
export type InspectionResultPublished = Event<
  'InspectionResultPublished',
  { inspectionId: string; planId: string; targetId: string; outcome: InspectionOutcome; summary: string; inspectedOn: string; publishedOn: string }
>;
export type InspectionPublicationLate = Event<
  'InspectionPublicationLate',
  { inspectionId: string; planId: string; inspectedOn: string; dueOn: string; publishedOn: string; workingDaysTaken: number }
>;
export type FindingRaised = Event<
  'FindingRaised',
  { findingId: string; source: FindingSource; sourceId: string; unitId: string; caseId: string; category: FindingCategory; description: string }
>;
export type RectificationOrdered = Event<'RectificationOrdered', { findingId: string; unitId: string; requiredActions: string[]; dueOn: string }>;
export type RectificationAnswered = Event<'RectificationAnswered', { findingId: string; unitId: string; answer: string; answeredOn: string; late: boolean }>;
export type RectificationChecked = Event<'RectificationChecked', { findingId: string; accepted: boolean; note: string; checkedOn: string; newDueOn: string }>;
export type RectificationClosed = Event<'RectificationClosed', { findingId: string; unitId: string; closedOn: string }>;
export type RectificationOverdue = Event<'RectificationOverdue', { findingId: string; unitId: string; dueOn: string }>;
export type RectificationEscalated = Event<
  'RectificationEscalated',
  { findingId: string; unitId: string; reason: string; accountabilityProposal: string; escalatedOn: string }
>;
export type CommitmentVerificationOpened = Event<
  'CommitmentVerificationOpened',
  { verificationId: string; caseId: string; unitId: string; itemId: string; applicant: ApplicantRef; decidedOn: string; dueOn: string }
>;
export type CommitmentVerificationConcluded = Event<
  'CommitmentVerificationConcluded',
  { verificationId: string; caseId: string; unitId: string; applicant: ApplicantRef; outcome: VerificationOutcome; summary: string; concludedOn: string }
>;
export type CommitmentVerificationOverdue = Event<'CommitmentVerificationOverdue', { verificationId: string; caseId: string; unitId: string; dueOn: string }>;
export type CaseRated = Event<
  'CaseRated',
  { ratingId: string; caseId: string; itemId: string; unitId: string; applicant: ApplicantRef; grade: RatingGrade; comment: string }
>;
export type BadRatingReferred = Event<'BadRatingReferred', { ratingId: string; caseId: string; unitId: string; grade: RatingGrade; answerDueOn: string }>;
export type BadRatingAnswered = Event<
  'BadRatingAnswered',
  { ratingId: string; unitId: string; justified: boolean; fix: string; answer: string; answeredOn: string; late: boolean }
>;
export type BadRatingAnswerOverdue = Event<'BadRatingAnswerOverdue', { ratingId: string; unitId: string; answerDueOn: string }>;
export type ComplaintLodged = Event<
  'ComplaintLodged',
  { complaintId: string; subjectId: string; caseId: string; description: string; complainant: ApplicantRef; lodgedOn: string }
>;
export type ComplaintResolved = Event<
  'ComplaintResolved',
  { complaintId: string; subjectId: string; substantiated: boolean; note: string; findingId: string; resolvedOn: string }
>;
export type WindowInspectionRecorded = Event<
  'WindowInspectionRecorded',
  {
    windowInspectionId: string;
    unitId: string;
    method: InspectionMethod;
    visitedOn: string;
    checks: { check: WindowCheck; passed: boolean; note: string }[];
    notes: string;
  }
>;
export type CreditRecorded = Event<
  'CreditRecorded',
  {
    subjectId: string;
    subjectKind: CreditSubjectKind;
    recordId: string;
    reason: CreditReason;
    scoreDelta: number;
    scoreAfter: number;
    sourceId: string;
    recordedOn: string;
  }
>;
export type CreditClassChanged = Event<
  'CreditClassChanged',
  { subjectId: string; subjectKind: CreditSubjectKind; fromClass: CreditClass; toClass: CreditClass; score: number }
>;

export type SupervisionEvent =
  | InspectionItemListed
  | InspectionTargetRegistered
  | InspectorRegistered
  | InspectorConflictDeclared
  | InspectionPlanned
  | InspectionListsFrozen
  | InspectionDrawn
  | InspectionResultPublished
  | InspectionPublicationLate
  | FindingRaised
  | RectificationOrdered
  | RectificationAnswered
  | RectificationChecked
  | RectificationClosed
  | RectificationOverdue
  | RectificationEscalated
  | CommitmentVerificationOpened
  | CommitmentVerificationConcluded
  | CommitmentVerificationOverdue
  | CaseRated
  | BadRatingReferred
  | BadRatingAnswered
  | BadRatingAnswerOverdue
  | ComplaintLodged
  | ComplaintResolved
  | WindowInspectionRecorded
  | CreditRecorded
  | CreditClassChanged;
