import { randomUUID } from 'node:crypto';
import { listedProjects, PEOPLE, PUDONG_PLANNING, projectRegistration, publishedItem, soon, startProjects, type Person, type ProjectsApi, type ProjectsUnderTest } from './projects-test-kit';

type Caller = Person | 'anonymous';
const CALLERS: readonly Caller[] = ['anonymous', ...(Object.keys(PEOPLE) as Person[])];

/** Ids of requests that are never open: deciders get past the permission check and meet a 409. */
const UNKNOWN_REQUEST = '00000000-0000-4000-8000-000000000000';

interface Targets {
  projectId: string;
  requestId: string;
  itemId: string;
}

interface Endpoint {
  method: string;
  path: (targets: Targets) => string;
  body?: (targets: Targets) => unknown;
  /** Who gets past authentication and authorisation; everyone else gets 403 (401 without a token). */
  allowed: readonly Caller[] | 'everyone';
}

const PUDONG_ADMIN: Caller[] = ['pudongUnitAdmin'];
const PUDONG_REVIEWERS: Caller[] = ['pudongReformOffice', 'cityReformOffice'];
const PROJECT_READERS: Caller[] = ['pudongUnitAdmin', 'pudongClerk', 'pudongReviewer', 'pudongReformOffice', 'cityReformOffice', 'citySupervisor', 'auditor'];
const STAFF_AND_OVERSIGHT: Caller[] = [
  'pudongUnitAdmin',
  'pudongClerk',
  'pudongReviewer',
  'planningClerk',
  'huangpuUnitAdmin',
  'huangpuClerk',
  'pudongReformOffice',
  'huangpuReformOffice',
  'cityReformOffice',
  'citySupervisor',
  'huangpuSupervisor',
  'auditor',
];
const LIST = { level: 'district', regionCode: '310115', listingYear: 2025 };
const description = () => {
  const { listingYear: _year, documents: _documents, ...rest } = projectRegistration();
  return rest;
};

// Every endpoint of the projects service, on a listed (not industrial) project of 浦东新区发改委 and an
// advance service of 浦东新区规划资源局 asked for by `applicant`.
const ENDPOINTS: Record<string, Endpoint> = {
  'POST /projects': { method: 'POST', path: () => '/projects', body: () => projectRegistration({ name: '权限测试项目', siteRegionCode: undefined }), allowed: ['pudongUnitAdmin', 'huangpuUnitAdmin'] },
  'PUT /projects/:id': { method: 'PUT', path: ({ projectId }) => `/projects/${projectId}`, body: description, allowed: PUDONG_ADMIN },
  'POST /projects/:id/documents': {
    method: 'POST',
    path: ({ projectId }) => `/projects/${projectId}/documents`,
    body: () => ({ kind: 'land_use_approval', documentNumber: 'x', issuedOn: '2025-06-02' }),
    allowed: PUDONG_ADMIN,
  },
  'POST /projects/:id/milestones': {
    method: 'POST',
    path: ({ projectId }) => `/projects/${projectId}/milestones`,
    body: () => ({ milestone: 'construction_started', reachedOn: '2025-10-01', evidenceDocumentNumber: '3101152025100101' }),
    allowed: ['pudongUnitAdmin', 'pudongClerk'],
  },
  'POST /projects/:id/change-requests': {
    method: 'POST',
    path: ({ projectId }) => `/projects/${projectId}/change-requests`,
    body: () => ({ change: 'target', target: 'completion_acceptance', reason: '调整' }),
    allowed: PUDONG_ADMIN,
  },
  'POST /projects/:id/change-requests/:cr/approval': {
    method: 'POST',
    path: ({ projectId }) => `/projects/${projectId}/change-requests/${UNKNOWN_REQUEST}/approval`,
    body: () => ({ approvalReference: 'ref' }),
    allowed: PUDONG_REVIEWERS,
  },
  'POST /projects/:id/change-requests/:cr/rejection': {
    method: 'POST',
    path: ({ projectId }) => `/projects/${projectId}/change-requests/${UNKNOWN_REQUEST}/rejection`,
    body: () => ({ reason: '不同意' }),
    allowed: PUDONG_REVIEWERS,
  },
  'POST /projects/:id/exclusion-requests': {
    method: 'POST',
    path: ({ projectId }) => `/projects/${projectId}/exclusion-requests`,
    body: () => ({ reason: 'enterprise', explanation: '企业原因', evidence: [] }),
    allowed: PUDONG_ADMIN,
  },
  'POST /projects/:id/exclusion-requests/:er/approval': {
    method: 'POST',
    path: ({ projectId }) => `/projects/${projectId}/exclusion-requests/${UNKNOWN_REQUEST}/approval`,
    body: () => ({ approvalReference: 'ref' }),
    allowed: PUDONG_REVIEWERS,
  },
  'POST /projects/:id/exclusion-requests/:er/rejection': {
    method: 'POST',
    path: ({ projectId }) => `/projects/${projectId}/exclusion-requests/${UNKNOWN_REQUEST}/rejection`,
    body: () => ({ reason: '不同意' }),
    allowed: PUDONG_REVIEWERS,
  },
  'PUT /projects/:id/approval-plan': {
    method: 'PUT',
    path: ({ projectId }) => `/projects/${projectId}/approval-plan`,
    body: ({ itemId }) => ({ approvals: [{ approvalId: 'A1', itemId, stage: 1 }] }),
    allowed: PUDONG_ADMIN,
  },
  'POST /projects/:id/coordination-meetings': {
    method: 'POST',
    path: ({ projectId }) => `/projects/${projectId}/coordination-meetings`,
    body: () => ({ heldOn: '2025-10-09', topic: '协调', decisions: [{ decision: 'x', ownerUnitId: PUDONG_PLANNING, dueOn: '2025-10-20' }] }),
    allowed: ['pudongUnitAdmin', ...PUDONG_REVIEWERS],
  },
  'GET /projects/:id': { method: 'GET', path: ({ projectId }) => `/projects/${projectId}`, allowed: PROJECT_READERS },
  'GET /projects': { method: 'GET', path: () => '/projects?year=2025', allowed: STAFF_AND_OVERSIGHT },
  'POST /landing-lists/batches': {
    method: 'POST',
    path: () => '/landing-lists/batches',
    body: () => ({ ...LIST, title: '第二批', projectIds: [randomUUID()] }),
    allowed: PUDONG_REVIEWERS,
  },
  'POST /landing-lists/closing': { method: 'POST', path: () => '/landing-lists/closing', body: () => LIST, allowed: PUDONG_REVIEWERS },
  'GET /public/landing-lists': { method: 'GET', path: () => '/public/landing-lists?regionCode=310115&year=2025', allowed: 'everyone' },
  'GET /public/projects/:id': { method: 'GET', path: ({ projectId }) => `/public/projects/${projectId}`, allowed: 'everyone' },
  'GET /public/landing-rates': { method: 'GET', path: () => '/public/landing-rates?regionCode=310115&year=2025', allowed: 'everyone' },
  'POST /advance-services': {
    method: 'POST',
    path: () => '/advance-services',
    body: ({ itemId }) => ({ itemId, approach: 'on_site', kinds: ['site_survey'], subject: '选址' }),
    allowed: ['applicant', 'otherApplicant', 'planningClerk'],
  },
  'POST /advance-services/:id/schedule': {
    method: 'POST',
    path: ({ requestId }) => `/advance-services/${requestId}/schedule`,
    body: () => ({ scheduledOn: '2025-10-10', staff: [{ userId: 'pd-gh-01', badge: 'PD-0456' }] }),
    allowed: ['planningClerk'],
  },
  'POST /advance-services/:id/delivery': {
    method: 'POST',
    path: ({ requestId }) => `/advance-services/${requestId}/delivery`,
    body: () => ({ deliveredOn: '2025-10-09', summary: '完成', findings: [], advice: [] }),
    allowed: ['planningClerk'],
  },
  'GET /advance-services': {
    method: 'GET',
    path: () => '/advance-services?status=requested',
    allowed: ['applicant', 'otherApplicant', ...STAFF_AND_OVERSIGHT],
  },
  'GET /advance-services/:id': {
    method: 'GET',
    path: ({ requestId }) => `/advance-services/${requestId}`,
    allowed: ['applicant', 'planningClerk', 'pudongReformOffice', 'cityReformOffice', 'citySupervisor', 'auditor'],
  },
};

function expectedOutcome(endpoint: Endpoint, caller: Caller): 'allowed' | 401 | 403 {
  if (endpoint.allowed === 'everyone' || endpoint.allowed.includes(caller)) return 'allowed';
  return caller === 'anonymous' ? 401 : 403;
}

describe('who may call which projects endpoint', () => {
  let projects: ProjectsUnderTest;
  let api: ProjectsApi;
  let targets: Targets;

  beforeAll(async () => {
    projects = await startProjects('2025-10-09T02:00:00Z');
    api = projects.api;
    const itemId = randomUUID();
    await projects.publish(
      'catalog.CatalogItemPublished',
      `catalog-item-${itemId}`,
      1,
      publishedItem(itemId, PUDONG_PLANNING, {
        name: '产业项目选址指导',
        catalogKind: 'CATALOG_KIND_ADVANCE_SERVICE',
        advanceServiceApproaches: ['ADVANCE_SERVICE_APPROACH_ON_SITE'],
        advanceServiceKinds: ['ADVANCE_SERVICE_KIND_SITE_SURVEY'],
      }),
    );
    const [projectId] = await listedProjects(api, [projectRegistration()]);
    const { requestId } = await soon(async () => {
      const response = await api.call('POST', '/advance-services', { as: 'applicant', body: { itemId, approach: 'on_site', kinds: ['site_survey'], subject: '选址' } });
      return response.status === 201 ? response.body : undefined;
    });
    targets = { projectId, requestId, itemId };
    await soon(async () => (await api.call('GET', `/public/projects/${projectId}`)).status === 200);
  });

  afterAll(() => projects?.close());

  it.each(Object.entries(ENDPOINTS))('%s', async (_name, endpoint) => {
    const outcomes: Record<string, number | 'allowed'> = {};
    const expected: Record<string, number | 'allowed'> = {};
    for (const caller of CALLERS) {
      const { status, body } = await api.call(endpoint.method, endpoint.path(targets), { as: caller === 'anonymous' ? undefined : caller, body: endpoint.body?.(targets) });
      if (status >= 500) throw new Error(`${endpoint.method} ${endpoint.path(targets)} as ${caller} answered ${status}: ${JSON.stringify(body)}`);
      // Past the permission checks a caller may still meet a 4xx of the record's state (409) or its data (400, 404).
      outcomes[caller] = status === 401 || status === 403 ? status : 'allowed';
      expected[caller] = expectedOutcome(endpoint, caller);
    }
    expect(outcomes).toEqual(expected);
  });

  it('shows each caller only the projects and advance services of their unit, region or own', async () => {
    const seenBy = async (caller: Person) => (await api.expect(200, 'GET', '/projects', { as: caller })).projects.map((project: { projectId: string }) => project.projectId);
    const pudongProject = targets.projectId;
    await soon(async () => (await seenBy('pudongUnitAdmin')).includes(pudongProject));
    expect(await seenBy('huangpuUnitAdmin')).not.toContain(pudongProject);
    expect(await seenBy('planningClerk')).not.toContain(pudongProject); // another unit of the same district
    expect(await seenBy('huangpuSupervisor')).not.toContain(pudongProject);
    expect(await seenBy('huangpuReformOffice')).not.toContain(pudongProject);
    expect(await seenBy('citySupervisor')).toContain(pudongProject);
    expect(await seenBy('auditor')).toContain(pudongProject);

    const servicesSeenBy = async (caller: Person) =>
      (await api.expect(200, 'GET', '/advance-services', { as: caller })).advanceServices.map((service: { requestId: string }) => service.requestId);
    await soon(async () => (await servicesSeenBy('planningClerk')).includes(targets.requestId));
    expect(await servicesSeenBy('applicant')).toContain(targets.requestId);
    expect(await servicesSeenBy('otherApplicant')).not.toContain(targets.requestId);
    expect(await servicesSeenBy('pudongClerk')).not.toContain(targets.requestId); // another unit
    expect(await servicesSeenBy('huangpuSupervisor')).not.toContain(targets.requestId);
    expect(await servicesSeenBy('citySupervisor')).toContain(targets.requestId);
  });
});
