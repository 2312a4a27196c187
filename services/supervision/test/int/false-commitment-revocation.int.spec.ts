import { randomUUID } from 'node:crypto';
import { eventually, signTestToken } from '@sangeyipi/testing';
import { startCasesProcess, type CasesProcess } from './cases-process';
import { startSupervision, supervisorToken, type SupervisionUnderTest } from './supervision-test-kit';

const UNIT = `unit-${randomUUID().slice(0, 8)}`;
const ITEM = randomUUID();
const ENTERPRISE = `91310101${randomUUID().slice(0, 10).toUpperCase()}`;
/** Two services' consumer groups join their topics for the first time: allow for a busy machine. */
const SLOW = { timeoutMs: 45_000 };

/** A 告知承诺 item as catalog.CatalogItemPublished carries it. */
const commitmentItem = {
  itemId: ITEM,
  batchId: randomUUID(),
  publishedOn: '2025-09-01',
  unitId: UNIT,
  level: 'ADMINISTRATIVE_LEVEL_DISTRICT',
  regionCode: '310101',
  revision: 1,
  batchNumber: 1,
  definition: {
    itemCode: '310101-SCJG-0009',
    name: '食品经营许可(告知承诺)',
    catalogKind: 'CATALOG_KIND_ON_THE_SPOT',
    completionMode: 'COMPLETION_MODE_TIME_LIMITED',
    caseType: 'CASE_TYPE_COMMITMENT',
    statutoryLimitDays: 20,
    committedLimitDays: 5,
    approvalSteps: ['APPROVAL_STEP_HANDLE', 'APPROVAL_STEP_REVIEW', 'APPROVAL_STEP_DECIDE'],
    approvalRoute: 'APPROVAL_ROUTE_NOTIFICATION_COMMITMENT',
    commitmentApprovalAllowed: true,
  },
};

describe('a false commitment, across services: cases asks for verification, supervision finds it false, cases revokes the decision — all through Kafka', () => {
  let t: SupervisionUnderTest;
  let cases: CasesProcess;

  beforeAll(async () => {
    t = await startSupervision('2025-11-05T02:00:00Z');
    cases = await startCasesProcess(t.prefix, '2025-11-05T02:00:00Z');
  }, 120_000);
  afterAll(async () => {
    await cases?.stop();
    await t?.close();
  });

  it('revokes the case decision and writes a credit record for the applicant', async () => {
    const staff = (role: string) => signTestToken({ userId: `u-${role}`, roles: [role], unitId: UNIT, regionCode: '310101' });
    const [clerk, reviewer, decider] = await Promise.all([staff('clerk'), staff('reviewer'), staff('decider')]);
    await t.publish('catalog', 'catalog.CatalogItemPublished', `catalog-item-${ITEM}`, 1, commitmentItem);

    const received = await eventually(async () => {
      const answer = await cases.call('POST', '/cases', clerk, {
        itemId: ITEM,
        applicant: { kind: 'APPLICANT_KIND_ENTERPRISE', applicantId: ENTERPRISE },
        channel: 'CHANNEL_WINDOW',
        materials: [{ materialId: 'M02', name: '场所证明', copies: 0, replacedByCommitment: true }],
        badge: 'HP-0001',
        commitmentSigned: true,
      });
      return answer.status === 201 ? answer.body : undefined;
    }, SLOW);
    const caseId: string = received.caseId;
    expect((await cases.call('POST', `/cases/${caseId}/acceptance`, clerk, {})).status).toBe(200);
    expect((await cases.call('POST', `/cases/${caseId}/steps`, clerk, { step: 'APPROVAL_STEP_HANDLE', badge: 'HP-0001', opinion: '' })).status).toBe(200);
    expect((await cases.call('POST', `/cases/${caseId}/steps`, reviewer, { step: 'APPROVAL_STEP_REVIEW', badge: 'HP-0002', opinion: '' })).status).toBe(200);
    const decided = await cases.call('POST', `/cases/${caseId}/steps`, decider, {
      step: 'APPROVAL_STEP_DECIDE',
      badge: 'HP-0003',
      opinion: '',
      decision: { outcome: 'DECISION_APPROVED', reasons: ['申请人书面承诺符合条件'], legalBasis: '告知承诺办法' },
    });
    expect(decided.body.events).toContain('cases.CommitmentVerificationRequested');

    // Supervision opened the task from cases' event on Kafka.
    const supervisor = await supervisorToken('310101');
    const [task] = await t.until('/verifications?status=open', supervisor, (rows) => rows.some((v: { caseId: string }) => v.caseId === caseId), SLOW);
    expect(task).toEqual(expect.objectContaining({ caseId, unitId: UNIT, decidedOn: '2025-11-05' }));

    const concluded = await t.call('POST', `/verifications/${task.verificationId}/conclusion`, supervisor, {
      outcome: 'COMMITMENT_VERIFICATION_OUTCOME_FALSE_COMMITMENT',
      summary: '现场核查: 经营场所与承诺不符',
    });
    expect(concluded.status).toBe(200);

    // Cases consumed FindingRaised from Kafka and revoked its decision.
    const revoked = await eventually(
      async () => {
        const view = (await cases.call('GET', `/cases/${caseId}`, clerk)).body;
        return view.status === 'revoked' ? view : undefined;
      },
      SLOW,
    );
    expect(revoked.allowedActions).toEqual([]);
    const credit = await t.until(`/credit/${ENTERPRISE}`, supervisor, (c) => c.records === 1, SLOW);
    expect(credit).toEqual(expect.objectContaining({ subjectKind: 'CREDIT_SUBJECT_KIND_ENTERPRISE', score: 70, creditClass: 'CREDIT_CLASS_C' }));
  }, 240_000);
});
