import { randomUUID } from 'node:crypto';
import { describeBadInputAnswers, eventually, signTestToken, type TestUser } from '@sangeyipi/testing';
import { publishedItem, startCases, type CasesUnderTest } from './cases-test-kit';

const UNIT = `unit-${randomUUID().slice(0, 8)}`;
const ITEM = randomUUID();
const staff = (role: string): TestUser => ({ userId: `bad-input-${role}`, roles: [role], unitId: UNIT, regionCode: '310101' });
const CLERK = staff('clerk');
const UNIT_ADMIN = staff('unit_admin');
const APPLICANT: TestUser = { userId: 'bad-input-applicant', roles: ['applicant'] };

let cases: CasesUnderTest;

// Every cases route, called by someone allowed on it, with bad input of every kind.
describeBadInputAnswers('cases', {
  async start() {
    cases = await startCases('2025-11-03T02:00:00Z');
    return { ...cases.service, close: () => cases.close() };
  },
  // A published item and a case received for it, so that the probes reach past "unknown case".
  async prepare() {
    await cases.publishCatalogEvent('catalog.CatalogItemPublished', `item-${ITEM}`, 1, publishedItem(ITEM, UNIT));
    const clerk = await signTestToken(CLERK);
    const received = await eventually(async () => {
      const answer = await cases.call('POST', '/cases', clerk, RECEIVE_CASE);
      return answer.status === 201 ? answer : undefined;
    });
    return { caseId: received?.body.caseId, unitId: UNIT, userId: CLERK.userId };
  },
  callers: {
    'POST /cases': CLERK,
    'GET /cases/mine': APPLICANT,
    'GET /cases/{caseId}': CLERK,
    'POST /cases/{caseId}/amendments': CLERK,
    'POST /cases/{caseId}/supplement-requests': CLERK,
    'POST /cases/{caseId}/acceptance': CLERK,
    'POST /cases/{caseId}/acceptance-refusal': CLERK,
    'POST /cases/{caseId}/steps': CLERK,
    'POST /cases/{caseId}/documents': CLERK,
    'POST /cases/{caseId}/deliveries': CLERK,
    'POST /cases/{caseId}/suspensions': CLERK,
    'POST /cases/{caseId}/resumption': CLERK,
    'POST /cases/{caseId}/charges': CLERK,
    'POST /cases/{caseId}/handover': CLERK,
    'POST /cases/{caseId}/assistance-requests': CLERK,
    'POST /cases/{caseId}/assistance-requests/{requestId}/answer': CLERK,
    'PUT /units/{unitId}/handlers/{userId}/backup': UNIT_ADMIN,
    'POST /units/{unitId}/handlers/{userId}/absence': UNIT_ADMIN,
    'GET /public/commitments': 'public',
    'POST /consultations': CLERK,
    'GET /consultations': CLERK,
    'GET /assistance-requests': CLERK,
    'POST /online-applications': APPLICANT,
    'POST /online-applications/{caseId}/amendments': APPLICANT,
    'POST /online-applications/{caseId}/pre-review': CLERK,
    'POST /online-applications/{caseId}/window-acceptance': CLERK,
  },
  bodies: {
    'POST /cases': { itemId: ITEM, applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId: 'a-1' }, channel: 'CHANNEL_WINDOW', materials: [{ materialId: 'M01', name: '申请书', copies: 1 }], badge: 'B' },
    'POST /online-applications': { itemId: ITEM, materials: [{ materialId: 'M01', name: '食品经营许可申请书', copies: 1 }] },
  },
});

const RECEIVE_CASE = { itemId: ITEM, applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId: 'a-1' }, channel: 'CHANNEL_WINDOW', materials: [], badge: 'B' };
