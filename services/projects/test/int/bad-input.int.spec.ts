import { describeBadInputAnswers } from '@sangeyipi/testing';
import { PEOPLE, projectRegistration, startProjects, type ProjectsUnderTest } from './projects-test-kit';

let projects: ProjectsUnderTest;

// Every projects route, called by someone allowed on it, with bad input of every kind.
describeBadInputAnswers('projects', {
  async start() {
    projects = await startProjects('2025-10-09T02:00:00Z');
    return { ...projects.service, close: () => projects.close() };
  },
  // A registered project, so that the probes reach past "unknown project".
  async prepare() {
    const { projectId } = await projects.api.expect(201, 'POST', '/projects', { as: 'pudongUnitAdmin', body: projectRegistration() });
    return { projectId };
  },
  callers: {
    'POST /projects': PEOPLE.pudongUnitAdmin,
    'GET /projects': PEOPLE.pudongReformOffice,
    'PUT /projects/{projectId}': PEOPLE.pudongUnitAdmin,
    'GET /projects/{projectId}': PEOPLE.pudongUnitAdmin,
    'POST /projects/{projectId}/documents': PEOPLE.pudongUnitAdmin,
    'POST /projects/{projectId}/milestones': PEOPLE.pudongClerk,
    'POST /projects/{projectId}/change-requests': PEOPLE.pudongUnitAdmin,
    'POST /projects/{projectId}/change-requests/{changeRequestId}/approval': PEOPLE.pudongReformOffice,
    'POST /projects/{projectId}/change-requests/{changeRequestId}/rejection': PEOPLE.pudongReformOffice,
    'POST /projects/{projectId}/exclusion-requests': PEOPLE.pudongUnitAdmin,
    'POST /projects/{projectId}/exclusion-requests/{exclusionRequestId}/approval': PEOPLE.pudongReformOffice,
    'POST /projects/{projectId}/exclusion-requests/{exclusionRequestId}/rejection': PEOPLE.pudongReformOffice,
    'PUT /projects/{projectId}/approval-plan': PEOPLE.pudongUnitAdmin,
    'POST /projects/{projectId}/coordination-meetings': PEOPLE.pudongReformOffice,
    'POST /landing-lists/batches': PEOPLE.pudongReformOffice,
    'POST /landing-lists/closing': PEOPLE.pudongReformOffice,
    'POST /advance-services': PEOPLE.applicant,
    'GET /advance-services': PEOPLE.pudongClerk,
    'POST /advance-services/{requestId}/schedule': PEOPLE.pudongClerk,
    'POST /advance-services/{requestId}/delivery': PEOPLE.pudongClerk,
    'GET /advance-services/{requestId}': PEOPLE.pudongClerk,
    'GET /public/landing-lists': 'public',
    'GET /public/projects/{projectId}': 'public',
    'GET /public/landing-rates': 'public',
  },
  bodies: {
    'POST /projects': projectRegistration(),
  },
});
