/** The roles of ARCHITECTURE.md ("People and permissions"), as they appear in tokens. */
export const ROLES = [
  'applicant',
  'clerk', // 承办
  'reviewer', // 审核
  'decider', // 决定
  'unit_admin',
  'reform_office', // 编办/审改办: approves catalogs for its region subtree
  'supervisor',
  'auditor', // read-only, everything
  'operations_admin',
] as const;

export type Role = (typeof ROLES)[number];

/** Who is calling, from a verified bearer token. */
export interface AuthenticatedUser {
  userId: string;
  roles: readonly Role[];
  /** The service unit a staff member works for. */
  unitId?: string;
  /** The region (GB/T 2260 code) whose subtree the person may act in. */
  regionCode?: string;
  name?: string;
}
