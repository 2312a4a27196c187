/**
 * The vocabulary of the notifications domain: who hears what, through which channel, in which
 * language. Pure types; no framework.
 */

/** A medium a message can travel through. */
export const CHANNELS = ['inbox', 'email', 'sms', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The channels a person may choose (a webhook belongs to a service unit, not to a person). */
export const PERSON_CHANNELS = ['inbox', 'email', 'sms'] as const satisfies readonly Channel[];
export type PersonChannel = (typeof PERSON_CHANNELS)[number];

/** Message languages: Chinese first, English as the second language. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Who a message is for: a person (applicant or staff member) or a service unit (its webhook). */
export type Recipient = { kind: 'person'; id: string } | { kind: 'unit'; id: string };

/** A person's entry in this service's directory: the only place their contact points live. */
export interface PersonContacts {
  personId: string;
  email?: string;
  phone?: string;
  language: Language;
  channels: readonly PersonChannel[];
}

/** A service unit's entry: its webhook and the staff who hear about its cases (AB角 and supervisor). */
export interface UnitContacts {
  unitId: string;
  webhookUrl?: string;
  /** 承办人: the primary handler of the unit's cases. */
  handlerId?: string;
  /** AB角: the named backup of the handler. */
  backupId?: string;
  /** The unit's supervisor (分管负责人), told when a case is overdue. */
  supervisorId?: string;
}

/** A handler's named backup (B角), from the cases context's HandlerBackupNamed. */
export interface HandlerBackup {
  unitId: string;
  handlerUserId: string;
  backupUserId: string;
}

/** What this service remembers of a request for administrative assistance (行政协助). */
export interface AssistanceRequest {
  caseId: string;
  requestId: string;
  fromUnitId: string;
  toUnitId: string;
  question: string;
}

/** What this service remembers of a 双随机 inspection plan, for the inspectors' messages. */
export interface InspectionPlan {
  planId: string;
  title: string;
  /** supervision.v1.InspectionMethod. */
  method: number;
  drawOn: string;
}

/** What this service remembers of a request for service before the application (提前服务). */
export interface AdvanceServiceRequest {
  requestId: string;
  applicantId: string;
  unitId: string;
  subject: string;
}

/** What this service remembers of a public rating (好差评), for the unit's referral and its answer. */
export interface RatingCopy {
  ratingId: string;
  caseId: string;
  applicantId: string;
  comment: string;
}

/** What this service remembers of a listed project: its name and the unit following it. */
export interface ProjectCopy {
  projectId: string;
  name: string;
  unitId: string;
}

/** What this service remembers of a complaint, for telling the complainant its outcome. */
export interface ComplaintCopy {
  complaintId: string;
  complainantId: string;
  lodgedOn: string;
}

/** What this service remembers of a case, from its CaseReceived event. */
export interface CaseParties {
  caseId: string;
  applicantId: string;
  unitId: string;
  receiptVoucherNumber: string;
}

/** A value worded per language (e.g. the name of a suspension reason). */
export type LocalizedText = Readonly<Record<Language, string>>;

/** Values a template may interpolate, by placeholder name: the same in every language, or localized. */
export type TemplateParams = Readonly<Record<string, string | LocalizedText>>;

/** A message some event calls for, before channels and language are chosen. */
export interface MessageIntent {
  templateId: TemplateId;
  recipient: Recipient;
  params: TemplateParams;
  /** A scheduled message (a reminder) waits until this instant; otherwise it goes at once. */
  notBefore?: Date;
  /**
   * Tells apart a second message that the same event calls for, for the same recipient (e.g. the
   * `reminder` of a rectification order); part of the de-duplication key.
   */
  occasion?: string;
  /** A scheduled message is withdrawn, unsent, when an event settles the matter under this key. */
  withdrawKey?: string;
}

/** Identifiers of the message templates (see message-templates.ts). */
export type TemplateId =
  | 'case-received'
  | 'case-supplement-requested'
  | 'case-accepted'
  | 'case-acceptance-refused'
  | 'case-decided-approved'
  | 'case-decided-denied'
  | 'document-ready'
  | 'rating-requested'
  | 'clock-suspended'
  | 'clock-resumed'
  | 'unit-new-case'
  | 'unit-step-completed'
  | 'case-deadline-approaching'
  | 'case-overdue'
  | 'assistance-requested'
  | 'assistance-answered'
  | 'case-reassigned'
  | 'commitment-verified-conforming'
  | 'commitment-verified-false'
  | 'inspection-assigned'
  | 'rectification-ordered'
  | 'rectification-due'
  | 'bad-rating-received'
  | 'advance-service-requested'
  | 'advance-service-completed'
  | 'catalog-item-rejected'
  | 'advance-service-scheduled'
  | 'advance-service-assigned'
  | 'bad-rating-answered'
  | 'rectification-overdue'
  | 'complaint-resolved'
  | 'bad-rating-answer-overdue'
  | 'industrial-approval-at-risk'
  | 'project-change-rejected'
  | 'project-exclusion-rejected';
