/**
 * The events of a project's stream (`project-<id>`), in the past tense. Each is the registered contract
 * event of the same name (proto/sangeyipi/projects/v1/projects.proto) and its data is that message's
 * protobuf JSON — enums by name, dates 'YYYY-MM-DD' (Asia/Shanghai) — so it is appended as it is.
 */

export type AdministrativeLevel = 'ADMINISTRATIVE_LEVEL_CITY' | 'ADMINISTRATIVE_LEVEL_DISTRICT' | 'ADMINISTRATIVE_LEVEL_TOWN' | 'ADMINISTRATIVE_LEVEL_VILLAGE';
export type ApplicantKind = 'APPLICANT_KIND_PERSON' | 'APPLICANT_KIND_ENTERPRISE';
export interface ApplicantRef {
  kind: ApplicantKind;
  applicantId: string;
}

/** 建设用地批准书 · 立项批文 · 建设工程报建表: the documents that qualify a project for the list. */
export const PROJECT_DOCUMENT_KINDS = ['PROJECT_BASIS_LAND_USE_APPROVAL', 'PROJECT_BASIS_PROJECT_APPROVAL', 'PROJECT_BASIS_CONSTRUCTION_REGISTRATION'] as const;
export type ProjectDocumentKind = (typeof PROJECT_DOCUMENT_KINDS)[number];

/** 当年开工开业 or 当年竣工验收. */
export const LANDING_TARGETS = ['LANDING_TARGET_START_OR_OPEN', 'LANDING_TARGET_COMPLETION_ACCEPTANCE'] as const;
export type LandingTarget = (typeof LANDING_TARGETS)[number];

export const MILESTONES = ['MILESTONE_CONSTRUCTION_STARTED', 'MILESTONE_OPENED', 'MILESTONE_COMPLETION_ACCEPTED'] as const;
export type Milestone = (typeof MILESTONES)[number];

/** Enterprise reasons, policy change, natural conditions: the only grounds to leave the rate. */
export const EXCLUSION_REASONS = ['EXCLUSION_REASON_ENTERPRISE', 'EXCLUSION_REASON_POLICY_CHANGE', 'EXCLUSION_REASON_NATURAL_CONDITIONS'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export type YearOutcome = 'YEAR_OUTCOME_LANDED' | 'YEAR_OUTCOME_MISSED' | 'YEAR_OUTCOME_EXCLUDED';
export type ProjectChangeKind = 'PROJECT_CHANGE_KIND_TARGET' | 'PROJECT_CHANGE_KIND_DELISTING';

export interface ProjectDocument {
  kind: ProjectDocumentKind;
  documentNumber: string;
  issuedOn: string;
}

/** What the unit says about a project: the part of a registration it may correct before listing. */
export interface ProjectDescription {
  name: string;
  siteRegionCode: string;
  owner: ApplicantRef;
  industry: string;
  investmentTenThousandYuan: number;
  industrial: boolean;
  target: LandingTarget;
  /** 具备竣工验收条件 since; '' unless the target is completion acceptance. */
  readyForAcceptanceOn: string;
}

export type ApprovalProgress =
  | 'APPROVAL_PROGRESS_ACCEPTED'
  | 'APPROVAL_PROGRESS_CLOCK_STOPPED'
  | 'APPROVAL_PROGRESS_CLOCK_RESTARTED'
  | 'APPROVAL_PROGRESS_APPROVED'
  | 'APPROVAL_PROGRESS_DENIED'
  | 'APPROVAL_PROGRESS_NOT_ACCEPTED';

/** One approval an industrial project needs, with the limits of its catalog item. */
export interface ApprovalRequirement {
  approvalId: string;
  itemId: string;
  itemName: string;
  unitId: string;
  /** Approvals of one stage run at the same time (同步审批); stages follow each other. */
  stage: number;
  statutoryLimitDays: number;
  committedLimitDays: number;
}

export interface CoordinationDecision {
  decision: string;
  ownerUnitId: string;
  dueOn: string;
}

export type ProjectEvent =
  | {
      type: 'projects.ProjectRegistered';
      data: ProjectDescription & {
        projectId: string;
        unitId: string;
        level: AdministrativeLevel;
        listRegionCode: string;
        listingYear: number;
        documents: ProjectDocument[];
      };
    }
  | { type: 'projects.ProjectRegistrationAmended'; data: ProjectDescription & { projectId: string } }
  | { type: 'projects.ProjectDocumentRecorded'; data: { projectId: string; document: ProjectDocument } }
  | {
      type: 'projects.ProjectListed';
      data: {
        projectId: string;
        name: string;
        unitId: string;
        level: AdministrativeLevel;
        regionCode: string;
        listRegionCode: string;
        owner: ApplicantRef;
        basis: ProjectDocumentKind | 'PROJECT_BASIS_UNSPECIFIED';
        basisDocumentNumber: string;
        target: LandingTarget;
        listingYear: number;
        industrial: boolean;
        industry: string;
        investmentTenThousandYuan: number;
        batchId: string;
        batchNumber: number;
        publishedOn: string;
      };
    }
  | { type: 'projects.MilestoneReached'; data: { projectId: string; milestone: Milestone; reachedOn: string; evidenceDocumentNumber: string; evidenceDescription: string } }
  | { type: 'projects.ProjectChangeRequested'; data: { projectId: string; changeRequestId: string; changeKind: ProjectChangeKind; proposedTarget?: LandingTarget; reason: string } }
  | { type: 'projects.ProjectChangeApproved'; data: { projectId: string; changeRequestId: string; changeKind: ProjectChangeKind; approvalReference: string } }
  | { type: 'projects.ProjectChangeRejected'; data: { projectId: string; changeRequestId: string; reason: string } }
  | { type: 'projects.ProjectTargetChanged'; data: { projectId: string; previousTarget: LandingTarget; target: LandingTarget; changeRequestId: string; approvalReference: string } }
  | { type: 'projects.ProjectDelisted'; data: { projectId: string; changeRequestId: string; approvalReference: string; reason: string; listingYear: number } }
  | { type: 'projects.ProjectUnauthorizedChangeAttempted'; data: { projectId: string; unitId: string; regionCode: string; attemptedByUserId: string; attemptedChange: string } }
  | { type: 'projects.ProjectExclusionRequested'; data: { projectId: string; exclusionRequestId: string; reason: ExclusionReason; explanation: string; evidence: string[] } }
  | { type: 'projects.ProjectExclusionRejected'; data: { projectId: string; exclusionRequestId: string; reason: string } }
  | {
      type: 'projects.ProjectExcluded';
      data: { projectId: string; exclusionRequestId: string; reason: ExclusionReason; explanation: string; evidence: string[]; approvalReference: string };
    }
  | {
      type: 'projects.ProjectYearClosed';
      data: { projectId: string; listingYear: number; outcome: YearOutcome; unitId: string; regionCode: string; level: AdministrativeLevel; target: LandingTarget };
    }
  | { type: 'projects.IndustrialApprovalPlanned'; data: { projectId: string; approvals: ApprovalRequirement[]; statutoryTotalDays: number; budgetDays: number } }
  | { type: 'projects.ApprovalCaseLinked'; data: { projectId: string; approvalId: string; caseId: string; itemId: string; receivedOn: string } }
  | {
      type: 'projects.ApprovalCaseProgressed';
      data: { projectId: string; approvalId: string; caseId: string; progress: ApprovalProgress; progressedOn: string; committedDeadline: string };
    }
  | {
      type: 'projects.IndustrialApprovalAtRisk';
      data: { projectId: string; flaggedOn: string; statutoryTotalDays: number; budgetDays: number; elapsedDays: number; forecastDays: number; openApprovalIds: string[] };
    }
  | { type: 'projects.IndustrialApprovalChainCompleted'; data: { projectId: string; completedOn: string; statutoryTotalDays: number; elapsedDays: number; withinTwoThirds: boolean } }
  | { type: 'projects.CoordinationMeetingHeld'; data: { projectId: string; meetingId: string; heldOn: string; topic: string; decisions: CoordinationDecision[] } };

export type ProjectEventType = ProjectEvent['type'];
