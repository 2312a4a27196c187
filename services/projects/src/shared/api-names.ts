/**
 * The HTTP API names enum values in lower case without their contract prefix ('start_or_open'); events
 * carry the protobuf names ('LANDING_TARGET_START_OR_OPEN'). These two functions translate.
 */
export function toContract<T extends string>(prefix: string, apiName: string): T {
  return `${prefix}_${apiName.toUpperCase()}` as T;
}

export function toApi(prefix: string, contractName: string): string {
  return contractName.startsWith(`${prefix}_`) ? contractName.slice(prefix.length + 1).toLowerCase() : contractName.toLowerCase();
}

export const API_TARGETS = ['start_or_open', 'completion_acceptance'] as const;
export const API_DOCUMENT_KINDS = ['land_use_approval', 'project_approval', 'construction_registration'] as const;
export const API_MILESTONES = ['construction_started', 'opened', 'completion_accepted'] as const;
export const API_EXCLUSION_REASONS = ['enterprise', 'policy_change', 'natural_conditions'] as const;
export const API_APPROACHES = ['early_involvement', 'proactive_guidance', 'pre_approval_guidance', 'on_site', 'full_tracking'] as const;
export const API_SERVICE_KINDS = ['site_survey', 'on_site_verification', 'inspection', 'quarantine', 'testing', 'expert_review', 'technical_review', 'technical_consultation'] as const;
export const API_FOCUSES = ['site_selection', 'building_requirements', 'process_layout', 'hardware'] as const;
export const API_LEVELS = ['city', 'district', 'town', 'village'] as const;
export const API_APPLICANT_KINDS = ['person', 'enterprise'] as const;
