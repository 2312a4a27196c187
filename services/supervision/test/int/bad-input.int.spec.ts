import { describeBadInputAnswers, type TestUser } from '@sangeyipi/testing';
import { startSupervision, type SupervisionUnderTest } from './supervision-test-kit';

const UNIT = 'unit-310101-bad-input';
const SUPERVISOR: TestUser = { userId: 'bad-input-supervisor', roles: ['supervisor'], regionCode: '310101' };
const UNIT_ADMIN: TestUser = { userId: 'bad-input-admin', roles: ['unit_admin'], unitId: UNIT, regionCode: '310101' };
const APPLICANT: TestUser = { userId: 'bad-input-applicant', roles: ['applicant'] };
const AUDITOR: TestUser = { userId: 'bad-input-auditor', roles: ['auditor'] };

let supervision: SupervisionUnderTest;

// Every supervision route, called by someone allowed on it, with bad input of every kind.
describeBadInputAnswers('supervision', {
  async start() {
    supervision = await startSupervision('2025-11-03T02:00:00Z');
    return { ...supervision.service, close: () => supervision.close() };
  },
  callers: {
    'POST /inspection-items': SUPERVISOR,
    'POST /targets': SUPERVISOR,
    'GET /targets': AUDITOR,
    'POST /inspectors': SUPERVISOR,
    'POST /inspectors/{inspectorId}/conflicts': SUPERVISOR,
    'POST /plans': SUPERVISOR,
    'POST /plans/{planId}/draw': SUPERVISOR,
    'GET /inspections': SUPERVISOR,
    'POST /inspections/{inspectionId}/result': SUPERVISOR,
    'GET /verifications': UNIT_ADMIN,
    'POST /verifications/{verificationId}/conclusion': SUPERVISOR,
    'GET /findings': SUPERVISOR,
    'GET /findings/{findingId}': SUPERVISOR,
    'POST /findings/{findingId}/rectification-order': SUPERVISOR,
    'POST /findings/{findingId}/rectification-answer': UNIT_ADMIN,
    'POST /findings/{findingId}/rectification-check': SUPERVISOR,
    'POST /findings/{findingId}/escalation': SUPERVISOR,
    'POST /ratings': APPLICANT,
    'GET /ratings': SUPERVISOR,
    'POST /ratings/{ratingId}/answer': UNIT_ADMIN,
    'POST /complaints': APPLICANT,
    'GET /complaints': SUPERVISOR,
    'POST /complaints/{complaintId}/resolution': SUPERVISOR,
    'POST /window-inspections': SUPERVISOR,
    'GET /window-inspections': UNIT_ADMIN,
    'GET /credit/{subjectId}': SUPERVISOR,
    'GET /public/inspection-items': 'public',
    'GET /public/plans': 'public',
    'GET /public/plans/{planId}/draw': 'public',
    'GET /public/inspection-results': 'public',
    'GET /public/commitment-verifications': 'public',
    'GET /public/rating-statistics': 'public',
  },
  bodies: {
    'POST /inspection-items': { name: '食品经营抽查', legalBasis: '《食品安全法》', inspectingUnitId: UNIT, targetKind: 'TARGET_KIND_ENTERPRISE', proportionBasisPoints: 100, frequency: '每年一次', method: 'INSPECTION_METHOD_OPEN', regionCode: '310101' },
    'POST /targets': { targets: [{ targetId: 'bad-input-target', kind: 'TARGET_KIND_ENTERPRISE', name: '某企业', affiliatedUnitId: UNIT, regionCode: '310101' }] },
    'POST /inspectors': { inspectorId: 'bad-input-inspector', unitId: UNIT, qualifications: [], regionCode: '310101' },
    'POST /complaints': { subjectId: UNIT, description: '态度差' },
    'POST /window-inspections': { unitId: UNIT, regionCode: '310101', method: 'INSPECTION_METHOD_OPEN', visitedOn: '2025-11-03', checks: [{ check: 'WINDOW_CHECK_BADGE_WORN', passed: true }] },
  },
});
