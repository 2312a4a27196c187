import type { ApplicantRef } from '../project/project.events';

/**
 * The events of an advance-service request's stream (`advance-service-<id>`): the protobuf JSON of the
 * contract messages of the same name (proto/sangeyipi/projects/v1/projects.proto).
 */

/** 提前介入, 主动指导, 批前指导, 上门服务, 全程跟踪. */
export const ADVANCE_SERVICE_APPROACHES = [
  'ADVANCE_SERVICE_APPROACH_EARLY_INVOLVEMENT',
  'ADVANCE_SERVICE_APPROACH_PROACTIVE_GUIDANCE',
  'ADVANCE_SERVICE_APPROACH_PRE_APPROVAL_GUIDANCE',
  'ADVANCE_SERVICE_APPROACH_ON_SITE',
  'ADVANCE_SERVICE_APPROACH_FULL_TRACKING',
] as const;
export type AdvanceServiceApproach = (typeof ADVANCE_SERVICE_APPROACHES)[number];

/** 现场勘察, 现场核查, 检验, 检疫, 检测, 评审, 技术审查, 技术咨询和指导. */
export const ADVANCE_SERVICE_KINDS = [
  'ADVANCE_SERVICE_KIND_SITE_SURVEY',
  'ADVANCE_SERVICE_KIND_ON_SITE_VERIFICATION',
  'ADVANCE_SERVICE_KIND_INSPECTION',
  'ADVANCE_SERVICE_KIND_QUARANTINE',
  'ADVANCE_SERVICE_KIND_TESTING',
  'ADVANCE_SERVICE_KIND_EXPERT_REVIEW',
  'ADVANCE_SERVICE_KIND_TECHNICAL_REVIEW',
  'ADVANCE_SERVICE_KIND_TECHNICAL_CONSULTATION',
] as const;
export type AdvanceServiceKind = (typeof ADVANCE_SERVICE_KINDS)[number];

/** 选址定点, 现场建筑要求, 流程布局, 硬件设施: what technical guidance concentrates on. */
export const ADVANCE_SERVICE_FOCUSES = [
  'ADVANCE_SERVICE_FOCUS_SITE_SELECTION',
  'ADVANCE_SERVICE_FOCUS_BUILDING_REQUIREMENTS',
  'ADVANCE_SERVICE_FOCUS_PROCESS_LAYOUT',
  'ADVANCE_SERVICE_FOCUS_HARDWARE',
] as const;
export type AdvanceServiceFocus = (typeof ADVANCE_SERVICE_FOCUSES)[number];

export type AdvanceServiceOrigin = 'ADVANCE_SERVICE_ORIGIN_REQUESTED_BY_APPLICANT' | 'ADVANCE_SERVICE_ORIGIN_OFFERED_BY_UNIT';

export interface AssignedStaff {
  userId: string;
  badge: string;
}

export type AdvanceServiceEvent =
  | {
      type: 'projects.AdvanceServiceRequested';
      data: {
        requestId: string;
        itemId: string;
        unitId: string;
        regionCode: string;
        applicant: ApplicantRef;
        projectId: string;
        approach: AdvanceServiceApproach;
        kinds: AdvanceServiceKind[];
        focuses: AdvanceServiceFocus[];
        subject: string;
        origin: AdvanceServiceOrigin;
        targetItemIds: string[];
        requestedOn: string;
      };
    }
  | { type: 'projects.AdvanceServiceScheduled'; data: { requestId: string; scheduledOn: string; staff: AssignedStaff[]; location: string } }
  | { type: 'projects.AdvanceServiceCompleted'; data: { requestId: string; completedOn: string; summary: string; findings: string[]; issuesToAddress: string[] } }
  | { type: 'projects.AdvanceServiceLinkedToCase'; data: { requestId: string; caseId: string; itemId: string; applicant: ApplicantRef; receivedOn: string } };
