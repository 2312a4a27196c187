import { findRegion, isWithinRegion, type AuthenticatedUser, type Role } from '@sangeyipi/platform';

/**
 * Who may pass the gateway on a route, checked at the edge before any service sees the request
 * (each service checks again, and alone knows the record-level rules such as "your unit's case").
 * - `public`: anyone, no token;
 * - `signed-in`: any valid token;
 * - a list of roles: a valid token holding one of them.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

export interface RouteRule {
  method: HttpMethod;
  /** Path inside the service, with `:name` segments, e.g. `/cases/:caseId/steps`. */
  pattern: string;
  access: Access;
  /** A path parameter naming a service unit that must be the caller's own unit (auditors excepted). */
  ownUnitParam?: string;
}

const UNIT_STAFF: readonly Role[] = ['clerk', 'reviewer', 'decider', 'unit_admin'];
const CATALOG_OVERSEERS: readonly Role[] = ['unit_admin', 'reform_office', 'supervisor', 'auditor'];

/**
 * The routes the gateway knows, per service, as the services' controllers declare them today
 * (services/catalog/src, services/cases/src, services/analytics/src). A route that is not listed
 * still passes with any valid token and its service decides; anonymous routes are those under
 * `/public/` and the ones listed as `public`.
 */
export const ROUTE_RULES: Readonly<Record<string, readonly RouteRule[]>> = {
  catalog: [
    { method: 'POST', pattern: '/units', access: ['operations_admin'] },
    { method: 'POST', pattern: '/items', access: ['unit_admin'] },
    { method: 'PUT', pattern: '/items/:itemId/draft', access: ['unit_admin'] },
    { method: 'POST', pattern: '/items/:itemId/submission', access: ['unit_admin'] },
    { method: 'POST', pattern: '/items/:itemId/approval', access: ['reform_office'] },
    { method: 'POST', pattern: '/items/:itemId/rejection', access: ['reform_office'] },
    { method: 'POST', pattern: '/items/:itemId/change-requests', access: ['unit_admin'] },
    { method: 'POST', pattern: '/items/:itemId/change-requests/:changeRequestId/approval', access: ['reform_office'] },
    { method: 'POST', pattern: '/items/:itemId/change-requests/:changeRequestId/rejection', access: ['reform_office'] },
    { method: 'POST', pattern: '/batches', access: ['reform_office'] },
    { method: 'GET', pattern: '/items/:itemId', access: CATALOG_OVERSEERS },
    { method: 'GET', pattern: '/workflow', access: CATALOG_OVERSEERS },
    { method: 'GET', pattern: '/compression', access: CATALOG_OVERSEERS },
    // The working-day calendar: the city's reform office or operations enter notices; anyone may read them.
    { method: 'POST', pattern: '/calendar/notices', access: ['reform_office', 'operations_admin'] },
    { method: 'PUT', pattern: '/calendar/notices/:year', access: ['reform_office', 'operations_admin'] },
    { method: 'GET', pattern: '/calendar/notices', access: 'public' },
    { method: 'GET', pattern: '/calendar/years/:year', access: 'public' },
  ],
  cases: [
    { method: 'POST', pattern: '/cases', access: ['clerk'] },
    { method: 'GET', pattern: '/cases/mine', access: 'signed-in' },
    { method: 'GET', pattern: '/cases/:caseId', access: 'signed-in' },
    ...['amendments', 'supplement-requests', 'acceptance', 'acceptance-refusal', 'documents', 'deliveries', 'suspensions', 'resumption', 'charges', 'assistance-requests'].map(
      (command): RouteRule => ({ method: 'POST', pattern: `/cases/:caseId/${command}`, access: ['clerk'] }),
    ),
    { method: 'POST', pattern: '/cases/:caseId/steps', access: ['clerk', 'reviewer', 'decider'] },
    { method: 'POST', pattern: '/cases/:caseId/handover', access: UNIT_STAFF },
    { method: 'POST', pattern: '/cases/:caseId/assistance-requests/:requestId/answer', access: UNIT_STAFF },
    { method: 'GET', pattern: '/assistance-requests', access: UNIT_STAFF },
    { method: 'POST', pattern: '/online-applications', access: ['applicant'] },
    { method: 'POST', pattern: '/online-applications/:caseId/amendments', access: ['applicant'] },
    { method: 'POST', pattern: '/online-applications/:caseId/pre-review', access: ['clerk'] },
    { method: 'POST', pattern: '/online-applications/:caseId/window-acceptance', access: ['clerk'] },
    { method: 'POST', pattern: '/consultations', access: UNIT_STAFF },
    { method: 'GET', pattern: '/consultations', access: UNIT_STAFF },
    { method: 'PUT', pattern: '/units/:unitId/handlers/:userId/backup', access: ['unit_admin'], ownUnitParam: 'unitId' },
    { method: 'POST', pattern: '/units/:unitId/handlers/:userId/absence', access: ['unit_admin'], ownUnitParam: 'unitId' },
  ],
  // Published bulletins are public outside /public/ (services/analytics, issue 8).
  analytics: [
    { method: 'GET', pattern: '/bulletins', access: 'public' },
    { method: 'GET', pattern: '/bulletins/:bulletinId', access: 'public' },
    { method: 'GET', pattern: '/bulletins/:bulletinId/page', access: 'public' },
    { method: 'POST', pattern: '/bulletins', access: ['supervisor', 'reform_office'] },
    { method: 'POST', pattern: '/bulletins/recomputation', access: ['supervisor', 'reform_office', 'auditor'] },
    { method: 'GET', pattern: '/figures', access: ['supervisor', 'reform_office', 'auditor', 'operations_admin'] },
    { method: 'GET', pattern: '/assessments', access: ['supervisor', 'reform_office', 'auditor', 'operations_admin'] },
  ],
};

/**
 * Routes every service on the event backbone serves (libs/messaging's EventBackboneModule), so they
 * hold for each routed service without a row per service.
 */
export const BACKBONE_ROUTE_RULES: readonly RouteRule[] = [
  { method: 'GET', pattern: '/event-log/verification', access: ['auditor', 'operations_admin'] },
];

/** What the gateway does with a request before forwarding it. */
export type EdgeDecision =
  | { outcome: 'allow'; access: Access }
  | { outcome: 'unauthenticated'; message: string }
  | { outcome: 'forbidden'; message: string };

export interface EdgeRequest {
  service: string;
  method: string;
  /** The path inside the service, without the query, e.g. `/cases/7/steps`. */
  path: string;
  query: Record<string, unknown>;
  body: unknown;
  /** The verified caller; undefined when no valid token came. */
  caller: AuthenticatedUser | undefined;
  /** Why the token that came was refused, when one came and was refused. */
  tokenProblem?: string;
}

/** The rule for a request, with its path parameters; undefined when the gateway does not list the route. */
export function matchRoute(service: string, method: string, path: string): { rule: RouteRule; params: Record<string, string> } | undefined {
  const segments = splitPath(path);
  for (const rule of [...(ROUTE_RULES[service] ?? []), ...BACKBONE_ROUTE_RULES]) {
    if (rule.method !== method) continue;
    const params = matchSegments(splitPath(rule.pattern), segments);
    if (params) return { rule, params };
  }
  return undefined;
}

/** Reads (GET, HEAD) under `/public/` are anonymous in every service. */
export function isPublicPath(method: string, path: string): boolean {
  return (method === 'GET' || method === 'HEAD') && (path === '/public' || path.startsWith('/public/'));
}

/** Decides whether the request may go on to its service: the route's access, then the caller's scope. */
export function decideAtEdge(request: EdgeRequest): EdgeDecision {
  const matched = matchRoute(request.service, request.method, request.path);
  if (isPublicPath(request.method, request.path) || matched?.rule.access === 'public') return { outcome: 'allow', access: 'public' };
  const { caller } = request;
  if (!caller) return { outcome: 'unauthenticated', message: request.tokenProblem ?? 'a bearer token is required' };

  const access: Access = matched?.rule.access ?? 'signed-in';
  if (Array.isArray(access) && !access.some((role) => caller.roles.includes(role))) {
    return { outcome: 'forbidden', message: `this action needs one of the roles: ${access.join(', ')}` };
  }
  if (caller.roles.includes('auditor')) return { outcome: 'allow', access };

  const unitParam = matched?.rule.ownUnitParam;
  if (unitParam && matched.params[unitParam] !== caller.unitId) {
    return { outcome: 'forbidden', message: `unit ${matched.params[unitParam]} is not your unit` };
  }
  const outside = regionCodesOf(request).find((code) => caller.regionCode !== undefined && !isWithinRegion(code, caller.regionCode));
  if (outside) return { outcome: 'forbidden', message: `region ${outside} is outside your region ${caller.regionCode}` };
  return { outcome: 'allow', access };
}

/** The known region codes a request names in its query or body (`regionCode`); unknown ones are the service's to refuse. */
function regionCodesOf({ query, body }: EdgeRequest): string[] {
  const candidates = [query.regionCode, isRecord(body) ? body.regionCode : undefined];
  return candidates.filter((code): code is string => typeof code === 'string' && findRegion(code) !== undefined);
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function matchSegments(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i].startsWith(':')) params[pattern[i].slice(1)] = safeDecode(segments[i]);
    else if (pattern[i] !== segments[i]) return undefined;
  }
  return params;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
