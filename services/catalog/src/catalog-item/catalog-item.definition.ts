import type { RegionLevel } from '@sangeyipi/platform';

/** 市 · 区 · 街镇 · 居村: the level of a unit, of its region and of the catalog its items appear in. */
export type AdministrativeLevel = RegionLevel;

/** The three catalogs of the reform (三个一批). */
export const CATALOG_KINDS = [
  'on_the_spot', // 当场办结
  'advance_service', // 提前服务
  'same_year_landing', // 当年落地: the items under which same-year projects are served
] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

/** How an on-the-spot item is completed. */
export const COMPLETION_MODES = [
  'immediate', // 当场办结: decided and the sealed document issued during the visit
  'early', // 提前办结: committed limit at least 30% shorter than the statutory one
  'time_limited', // 限时办结: a committed limit, shorter than the statutory one where there is one
] as const;
export type CompletionMode = (typeof COMPLETION_MODES)[number];

export const CASE_TYPES = [
  'immediate_case', // 即办件
  'commitment_case', // 承诺件
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** The approval steps, in the only order they may run ("不得突破承办、审核、决定三级审批制"). */
export const APPROVAL_STEPS = [
  'handle', // 承办
  'review', // 审核
  'decide', // 决定
] as const;
export type ApprovalStep = (typeof APPROVAL_STEPS)[number];

export const APPROVAL_ROUTES = [
  'standard',
  'notification_commitment', // 告知承诺
  'negative_list', // 负面清单
  'standards', // 标准规范
] as const;
export type ApprovalRoute = (typeof APPROVAL_ROUTES)[number];

export const MATERIAL_FORMS = ['paper', 'electronic', 'paper_or_electronic'] as const;
export type MaterialForm = (typeof MATERIAL_FORMS)[number];

/** Who supplies a material; another department's records are fetched by the unit, never the applicant. */
export const MATERIAL_SOURCES = [
  'applicant',
  'administrative_assistance', // 行政协助
  'data_sharing', // 数据共享
] as const;
export type MaterialSource = (typeof MATERIAL_SOURCES)[number];

/** The forms of service before the application (提前服务的方式). */
export const ADVANCE_SERVICE_APPROACHES = [
  'early_involvement', // 提前介入
  'proactive_guidance', // 主动指导
  'pre_approval_guidance', // 批前指导
  'on_site', // 上门服务
  'full_tracking', // 全程跟踪
] as const;
export type AdvanceServiceApproach = (typeof ADVANCE_SERVICE_APPROACHES)[number];

/** The contents of service before the application (提前服务的内容). */
export const ADVANCE_SERVICE_CONTENTS = [
  'site_survey', // 现场勘察
  'on_site_verification', // 现场核查
  'inspection', // 检验
  'quarantine', // 检疫
  'testing', // 检测
  'expert_review', // 评审
  'technical_review', // 技术审查
  'technical_consultation', // 技术咨询和指导
] as const;
export type AdvanceServiceContent = (typeof ADVANCE_SERVICE_CONTENTS)[number];

export interface RequiredMaterial {
  /** Stable id within the item (e.g. `M01`), referenced by cases. */
  materialId: string;
  name: string;
  form: MaterialForm;
  copies: number;
  originalRequired: boolean;
  source: MaterialSource;
  replaceableByCommitment: boolean;
}

/** A fee the law allows, with its legal basis. */
export interface StatutoryFee {
  name: string;
  /** 收费标准 as published, e.g. 每件80元. */
  amount: string;
  legalBasis: string;
}

/** The content of a catalog item, following the national item schema. */
export interface CatalogItemDefinition {
  /** 基本编码 */
  basicCode: string;
  /** 实施编码 */
  implementationCode: string;
  name: string;
  kind: CatalogKind;
  /** Set for on-the-spot items only. */
  completionMode: CompletionMode | null;
  /** Working days; null when the law sets no limit. */
  statutoryLimitDays: number | null;
  /** Working days; 0 = the same day; null when the unit commits to none. */
  committedLimitDays: number | null;
  caseType: CaseType;
  requiredMaterials: RequiredMaterial[];
  approvalSteps: ApprovalStep[];
  approvalRoute: ApprovalRoute;
  /** 到办事现场次数 */
  visitsRequired: number;
  onlineApplication: boolean;
  /** 节假日办理 */
  holidayService: boolean;
  statutoryFees: StatutoryFee[];
  legalBasis: string;
  advanceServiceApproaches: AdvanceServiceApproach[];
  advanceServiceContents: AdvanceServiceContent[];
}

/** Who owns an item: its unit, and the unit's level and region, which are the item's catalog's. */
export interface ItemOwner {
  unitId: string;
  level: AdministrativeLevel;
  regionCode: string;
}

/** Items of every catalog but the advance-service one are applied for, so they publish materials. */
export function takesApplication(kind: CatalogKind): boolean {
  return kind !== 'advance_service';
}
