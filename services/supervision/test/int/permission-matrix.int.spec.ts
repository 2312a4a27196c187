import { createHash, randomUUID } from 'node:crypto';
import { eventually, signTestToken } from '@sangeyipi/testing';
import { DataSource } from 'typeorm';
import { SupervisionReadModelRunner } from '../../src/read-model/supervision-read-model.runner';
import { caseReceived, startSupervision, type SupervisionUnderTest } from './supervision-test-kit';

const UNIT = `unit-${randomUUID().slice(0, 8)}`;
const SEED = 'cd'.repeat(16);
const COMMITMENT = createHash('sha256').update(Buffer.from(SEED, 'hex')).digest('hex');

/** Every role of the platform (the unit's staff in UNIT, region 310101), plus another unit's admin and another district's supervisor. */
const PEOPLE = {
  applicant: { roles: ['applicant'] },
  clerk: { roles: ['clerk'], unitId: UNIT },
  reviewer: { roles: ['reviewer'], unitId: UNIT },
  decider: { roles: ['decider'], unitId: UNIT },
  unit_admin: { roles: ['unit_admin'], unitId: UNIT },
  reform_office: { roles: ['reform_office'], regionCode: '310000' },
  supervisor: { roles: ['supervisor'], regionCode: '310101' },
  auditor: { roles: ['auditor'] },
  operations_admin: { roles: ['operations_admin'] },
  other_unit_admin: { roles: ['unit_admin'], unitId: 'unit-other', regionCode: '310104' },
  other_district_supervisor: { roles: ['supervisor'], regionCode: '310104' },
} as const;
type Person = keyof typeof PEOPLE;

interface Fixture {
  planId: string;
  inspectionId: string;
  verificationId: string;
  findingId: string;
  ratingId: string;
  complaintId: string;
  itemId: string;
  caseId: string;
}

interface Endpoint {
  name: string;
  method: 'GET' | 'POST';
  path: (f: Fixture) => string;
  body?: (f: Fixture) => object;
  allowed: Person[];
}

/** Listings filter by scope instead of refusing: any role that lists gets its own slice. */
const LISTERS: Person[] = ['supervisor', 'auditor', 'other_district_supervisor'];
const ENDPOINTS: Endpoint[] = [
  {
    name: 'list an inspection item',
    method: 'POST',
    path: () => '/inspection-items',
    body: () => ({ name: 'n', legalBasis: 'b', inspectingUnitId: 'u', targetKind: 'TARGET_KIND_ENTERPRISE', proportionBasisPoints: 100, frequency: 'f', method: 'INSPECTION_METHOD_OPEN', regionCode: '310101' }),
    allowed: ['supervisor'],
  },
  {
    name: 'register targets',
    method: 'POST',
    path: () => '/targets',
    body: () => ({ targets: [{ targetId: `t-${randomUUID()}`, kind: 'TARGET_KIND_ENTERPRISE', name: 'n', affiliatedUnitId: 'u', regionCode: '310101' }] }),
    allowed: ['supervisor'],
  },
  { name: 'list targets', method: 'GET', path: () => '/targets', allowed: LISTERS },
  { name: 'register an inspector', method: 'POST', path: () => '/inspectors', body: () => ({ inspectorId: `i-${randomUUID()}`, unitId: 'u', qualifications: [], regionCode: '310101' }), allowed: ['supervisor'] },
  { name: 'declare a conflict', method: 'POST', path: () => '/inspectors/pm-insp-0/conflicts', body: () => ({ targetId: 'pm-target-0', reason: '回避' }), allowed: ['supervisor'] },
  {
    name: 'plan a draw',
    method: 'POST',
    path: () => '/plans',
    body: (f) => ({ title: 't', regionCode: '310101', inspectionItemId: f.itemId, inspectorsPerTarget: 2, seedCommitment: COMMITMENT, drawOn: '2025-11-04' }),
    allowed: ['supervisor'],
  },
  { name: 'draw', method: 'POST', path: (f) => `/plans/${f.planId}/draw`, body: () => ({ seed: SEED }), allowed: ['supervisor'] },
  { name: 'list inspections', method: 'GET', path: () => '/inspections', allowed: LISTERS },
  {
    name: 'publish a result',
    method: 'POST',
    path: (f) => `/inspections/${f.inspectionId}/result`,
    body: () => ({ outcome: 'INSPECTION_OUTCOME_COMPLIANT', summary: '未发现问题', inspectedOn: '2025-11-03' }),
    allowed: ['supervisor'],
  },
  { name: 'list verifications', method: 'GET', path: () => '/verifications', allowed: [...LISTERS, 'unit_admin', 'other_unit_admin'] },
  {
    name: 'conclude a verification',
    method: 'POST',
    path: (f) => `/verifications/${f.verificationId}/conclusion`,
    body: () => ({ outcome: 'COMMITMENT_VERIFICATION_OUTCOME_CONFORMING', summary: '属实' }),
    allowed: ['supervisor'],
  },
  { name: 'list findings', method: 'GET', path: () => '/findings', allowed: [...LISTERS, 'unit_admin', 'other_unit_admin', 'reform_office'] },
  { name: 'read a finding', method: 'GET', path: (f) => `/findings/${f.findingId}`, allowed: ['supervisor', 'auditor', 'unit_admin', 'reform_office'] },
  { name: 'order a rectification', method: 'POST', path: (f) => `/findings/${f.findingId}/rectification-order`, body: () => ({ requiredActions: ['整改'], limitDays: 5 }), allowed: ['supervisor'] },
  { name: 'answer a rectification', method: 'POST', path: (f) => `/findings/${f.findingId}/rectification-answer`, body: () => ({ answer: '已整改' }), allowed: ['unit_admin'] },
  { name: 'check a rectification', method: 'POST', path: (f) => `/findings/${f.findingId}/rectification-check`, body: () => ({ accepted: false, note: 'n', limitDays: 3 }), allowed: ['supervisor'] },
  { name: 'escalate a rectification', method: 'POST', path: (f) => `/findings/${f.findingId}/escalation`, body: () => ({ reason: 'r', accountabilityProposal: 'p' }), allowed: ['supervisor'] },
  { name: 'rate a case', method: 'POST', path: () => '/ratings', body: (f) => ({ caseId: f.caseId, grade: 'RATING_GRADE_SATISFIED' }), allowed: ['applicant'] },
  { name: 'list ratings', method: 'GET', path: () => '/ratings', allowed: [...LISTERS, 'unit_admin', 'other_unit_admin', 'reform_office'] },
  { name: 'answer a bad rating', method: 'POST', path: (f) => `/ratings/${f.ratingId}/answer`, body: () => ({ justified: true, fix: 'f', answer: 'a' }), allowed: ['unit_admin'] },
  { name: 'lodge a complaint', method: 'POST', path: () => '/complaints', body: () => ({ subjectId: UNIT, description: '态度差' }), allowed: ['applicant'] },
  { name: 'list complaints', method: 'GET', path: () => '/complaints', allowed: LISTERS },
  { name: 'resolve a complaint', method: 'POST', path: (f) => `/complaints/${f.complaintId}/resolution`, body: () => ({ substantiated: false, note: '不属实' }), allowed: ['supervisor'] },
  {
    name: 'record a window visit',
    method: 'POST',
    path: () => '/window-inspections',
    body: () => ({ unitId: UNIT, regionCode: '310101', method: 'INSPECTION_METHOD_OPEN', visitedOn: '2025-11-03', checks: [{ check: 'WINDOW_CHECK_BADGE_WORN', passed: true }] }),
    allowed: ['supervisor'],
  },
  { name: 'list window visits', method: 'GET', path: () => '/window-inspections', allowed: [...LISTERS, 'unit_admin', 'other_unit_admin'] },
  { name: 'read a unit\'s credit', method: 'GET', path: () => `/credit/${UNIT}`, allowed: ['supervisor', 'auditor', 'unit_admin', 'other_district_supervisor'] },
];
const PUBLIC_PATHS = (f: Fixture) => [
  '/public/inspection-items',
  '/public/plans',
  `/public/plans/${f.planId}/draw`,
  '/public/inspection-results',
  '/public/commitment-verifications',
  '/public/rating-statistics?regionCode=310101',
];

describe('permission matrix: every endpoint × every role, another unit and another district included', () => {
  let t: SupervisionUnderTest;
  const tokens = {} as Record<Person, string>;
  const f = {} as Fixture;

  beforeAll(async () => {
    t = await startSupervision('2025-11-03T02:00:00Z');
    for (const [person, claims] of Object.entries(PEOPLE)) {
      tokens[person as Person] = await signTestToken({ userId: `m-${person}`, regionCode: '310101', ...claims, roles: [...claims.roles] });
    }
    const sup = tokens.supervisor;
    // A drawn plan with its inspections.
    f.itemId = (
      await t.call('POST', '/inspection-items', sup, { name: '抽查', legalBasis: 'b', inspectingUnitId: 'u', targetKind: 'TARGET_KIND_ENTERPRISE', proportionBasisPoints: 10_000, frequency: 'f', method: 'INSPECTION_METHOD_OPEN', regionCode: '310101' })
    ).body.inspectionItemId;
    await t.call('POST', '/targets', sup, { targets: [0, 1].map((i) => ({ targetId: `pm-target-${i}`, kind: 'TARGET_KIND_ENTERPRISE', name: 'n', affiliatedUnitId: 'pm-unit-x', regionCode: '310101' })) });
    for (let i = 0; i < 3; i += 1) await t.call('POST', '/inspectors', sup, { inspectorId: `pm-insp-${i}`, unitId: `pm-unit-${i}`, qualifications: [], regionCode: '310101' });
    await t.until('/targets', sup, (rows) => rows.length >= 2);
    f.planId = (
      await eventually(async () => {
        const answer = await t.call('POST', '/plans', sup, { title: 't', regionCode: '310101', inspectionItemId: f.itemId, inspectorsPerTarget: 2, seedCommitment: COMMITMENT, drawOn: '2025-11-03' });
        return answer.status === 201 ? answer : undefined;
      })
    )?.body.planId;
    f.inspectionId = (await t.call('POST', `/plans/${f.planId}/draw`, sup, { seed: SEED })).body.inspections[0].inspectionId;
    // A verification task, a finding, a completed case of the applicant with a bad rating, a complaint.
    f.caseId = randomUUID();
    const rated = randomUUID();
    await t.publish('cases', 'cases.CommitmentVerificationRequested', `case-${f.caseId}`, 6, {
      caseId: f.caseId,
      unitId: UNIT,
      itemId: 'i',
      applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId: 'm-applicant' },
      decidedOn: '2025-11-03',
    });
    await t.publish('cases', 'cases.CaseOverdue', `case-${f.caseId}`, 7, { caseId: f.caseId, unitId: UNIT, committedDeadline: '2025-10-31' });
    for (const id of [f.caseId, rated]) {
      await t.publish('cases', 'cases.CaseReceived', `case-${id}`, 1, caseReceived(id, UNIT, 'm-applicant'));
      await t.publish('cases', 'cases.DocumentDelivered', `case-${id}`, 8, { caseId: id, documentId: 'd', method: 'DELIVERY_METHOD_POST' });
    }
    f.ratingId = (
      await eventually(async () => {
        const answer = await t.call('POST', '/ratings', tokens.applicant, { caseId: rated, grade: 'RATING_GRADE_VERY_DISSATISFIED' });
        return answer.status === 201 ? answer : undefined;
      })
    )?.body.ratingId;
    // About the applicant's own case: it falls under the case's region (310101).
    f.complaintId = (await t.call('POST', '/complaints', tokens.applicant, { subjectId: UNIT, caseId: rated, description: '态度差' })).body.complaintId;
    await t.until('/verifications', sup, (rows) => rows.length === 1).then((rows) => (f.verificationId = rows[0].verificationId));
    await t.until('/findings', sup, (rows) => rows.length === 1).then((rows) => (f.findingId = rows[0].findingId));
    await t.until('/complaints', tokens.auditor, (rows) => rows.length === 1);
    await t.until('/ratings', sup, (rows) => rows.length === 1);
    await t.until('/inspections', sup, (rows) => rows.length === 2);
  });
  afterAll(() => t?.close());

  it.each(ENDPOINTS.map((e) => [e.name, e] as const))('%s', async (_name, endpoint) => {
    const outcomes: Record<string, number> = {};
    for (const person of Object.keys(PEOPLE) as Person[]) {
      outcomes[person] = (await t.call(endpoint.method, endpoint.path(f), tokens[person], endpoint.body?.(f))).status;
    }
    const forbidden = Object.keys(PEOPLE).filter((person) => !endpoint.allowed.includes(person as Person));
    // Allowed people are never refused for who they are (the record's state may still refuse: 409).
    expect(Object.fromEntries(endpoint.allowed.map((p) => [p, outcomes[p] === 403 || outcomes[p] === 401]))).toEqual(Object.fromEntries(endpoint.allowed.map((p) => [p, false])));
    expect(Object.fromEntries(forbidden.map((p) => [p, outcomes[p]]))).toEqual(Object.fromEntries(forbidden.map((p) => [p, 403])));
    expect((await t.call(endpoint.method, endpoint.path(f), undefined, endpoint.body?.(f))).status).toBe(401);
  });

  it('serves the public record to everyone, without a token too', async () => {
    for (const path of PUBLIC_PATHS(f)) {
      expect((await t.call('GET', path)).status).toBe(200);
      for (const person of Object.keys(PEOPLE) as Person[]) expect((await t.call('GET', path, tokens[person])).status).toBe(200);
    }
  });

  it('scopes listings: another district\'s supervisor and another unit\'s admin see none of this unit\'s records', async () => {
    for (const path of ['/findings', '/ratings', '/verifications', '/inspections', '/complaints']) {
      expect((await t.call('GET', path, tokens.other_district_supervisor)).body).toEqual([]);
    }
    for (const path of ['/findings', '/ratings', '/verifications']) {
      expect((await t.call('GET', path, tokens.other_unit_admin)).body).toEqual([]);
      expect((await t.call('GET', path, tokens.unit_admin)).body.length).toBeGreaterThan(0);
    }
  });

  it('rebuilds the read model from position 0 to the same tables (after every command above)', async () => {
    const dataSource = t.service.app.get(DataSource);
    const tables = ['sup_inspection_items', 'sup_targets', 'sup_inspectors', 'sup_conflicts', 'sup_plans', 'sup_inspections', 'sup_findings', 'sup_verifications', 'sup_ratings', 'sup_complaints', 'sup_window_inspections', 'sup_credit'];
    const snapshot = async () => {
      const rows: Record<string, unknown> = {};
      for (const table of tables) rows[table] = await dataSource.query(`SELECT * FROM ${table} ORDER BY 1`);
      return rows;
    };
    const runner = t.service.app.get(SupervisionReadModelRunner).runner;
    await runner.catchUp();
    const before = await snapshot();
    expect(Object.values(before).every((rows) => (rows as unknown[]).length > 0)).toBe(true);
    await runner.rebuild();
    expect(await snapshot()).toEqual(before);
  });
});
