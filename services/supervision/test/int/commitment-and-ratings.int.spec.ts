import { randomUUID } from 'node:crypto';
import { eventually } from '@sangeyipi/testing';
import { applicantToken, caseReceived, startSupervision, supervisorToken, unitAdminToken, type SupervisionUnderTest } from './supervision-test-kit';

const UNIT = `unit-${randomUUID().slice(0, 8)}`;
const ENTERPRISE = `91310101${randomUUID().slice(0, 10).toUpperCase()}`;

describe('告知承诺 verification tasks, ratings of completed cases (好差评) and complaints', () => {
  let t: SupervisionUnderTest;
  let supervisor: string;

  beforeAll(async () => {
    t = await startSupervision('2025-11-03T02:00:00Z');
    supervisor = await supervisorToken('310101');
  });
  afterAll(() => t?.close());

  it('opens a verification task with a deadline from cases\' request; a false commitment emits the revocation finding and a credit record for the applicant', async () => {
    const caseId = randomUUID();
    const enterprise = ENTERPRISE;
    const applicant = { kind: 'APPLICANT_KIND_ENTERPRISE', applicantId: enterprise };
    await t.publish('cases', 'cases.CaseReceived', `case-${caseId}`, 1, caseReceived(caseId, UNIT, enterprise, { applicant, commitmentSigned: true }));
    await t.publish('cases', 'cases.CommitmentVerificationRequested', `case-${caseId}`, 6, { caseId, unitId: UNIT, itemId: 'item-1', applicant, decidedOn: '2025-11-03' });
    // Published twice (a retried relay): still one task.
    await t.publish('cases', 'cases.CommitmentVerificationRequested', `case-${caseId}`, 6, { caseId, unitId: UNIT, itemId: 'item-1', applicant, decidedOn: '2025-11-03' });
    const tasks = await t.until('/verifications?status=open', supervisor, (rows) => rows.some((v: { caseId: string }) => v.caseId === caseId));
    const task = tasks.filter((v: { caseId: string }) => v.caseId === caseId);
    expect(task).toEqual([expect.objectContaining({ dueOn: '2025-12-01', unitId: UNIT, status: 'open' })]); // 20 working days

    t.clock.set('2025-11-20T02:00:00Z');
    expect((await t.call('POST', `/verifications/${task[0].verificationId}/conclusion`, await supervisorToken('310104'), { outcome: 'COMMITMENT_VERIFICATION_OUTCOME_FALSE_COMMITMENT', summary: 'x' })).status).toBe(403);
    const concluded = await t.call('POST', `/verifications/${task[0].verificationId}/conclusion`, supervisor, {
      outcome: 'COMMITMENT_VERIFICATION_OUTCOME_FALSE_COMMITMENT',
      summary: '现场核查发现经营场所与承诺不符',
    });
    expect(concluded.status).toBe(200);
    expect(concluded.body.findingId).toMatch(/^[0-9a-f-]{36}$/);

    // What cases consumes (services/cases/src/commitment/supervision-events.consumer.ts) reached Kafka.
    const finding = await eventually(() => t.published().find((e) => e.type === 'supervision.FindingRaised' && (e.data as { caseId: string }).caseId === caseId));
    expect(finding?.data).toEqual(expect.objectContaining({ source: 5 /* COMMITMENT_VERIFICATION */, category: 5 /* FALSE_COMMITMENT */, unitId: UNIT, findingId: concluded.body.findingId }));
    expect(finding?.regionCode).toBe('310101');
    await eventually(() => t.published().some((e) => e.type === 'supervision.CommitmentVerificationConcluded' && (e.data as { caseId: string }).caseId === caseId));
    const credit = await eventually(() => t.published().find((e) => e.type === 'supervision.CreditRecorded' && (e.data as { subjectId: string }).subjectId === enterprise));
    expect(credit?.data).toEqual(expect.objectContaining({ scoreDelta: -30, scoreAfter: 70, reason: 1 /* FALSE_COMMITMENT */ }));
    expect((await t.until(`/credit/${enterprise}`, supervisor, (c) => c.records === 1)).creditClass).toBe('CREDIT_CLASS_C');

    // Public, no login: the outcome, without personal data.
    const outcomes = await t.until(`/public/commitment-verifications?unitId=${UNIT}`, undefined, (rows) => rows.length === 1);
    expect(outcomes[0]).toEqual(expect.objectContaining({ caseId, outcome: 'COMMITMENT_VERIFICATION_OUTCOME_FALSE_COMMITMENT', concludedOn: '2025-11-20' }));
    expect(JSON.stringify(outcomes)).not.toContain(enterprise);
    expect((await t.call('POST', `/verifications/${task[0].verificationId}/conclusion`, supervisor, { outcome: 'COMMITMENT_VERIFICATION_OUTCOME_CONFORMING', summary: 'x' })).status).toBe(409);
  });

  it('flags an unconcluded verification task once its deadline has passed', async () => {
    t.clock.set('2025-11-03T02:00:00Z');
    const caseId = randomUUID();
    await t.publish('cases', 'cases.CommitmentVerificationRequested', `case-${caseId}`, 6, {
      caseId,
      unitId: UNIT,
      itemId: 'item-1',
      applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId: 'p-1' },
      decidedOn: '2025-11-03',
    });
    await t.until('/verifications?status=open', supervisor, (rows) => rows.some((v: { caseId: string }) => v.caseId === caseId));
    t.clock.set('2025-12-01T09:00:00Z');
    await t.scanner().scanOnce();
    const onDueDay = await t.call('GET', '/verifications', supervisor);
    expect(onDueDay.body.find((v: { caseId: string }) => v.caseId === caseId).overdue).toBe(false);
    t.clock.set('2025-12-02T02:00:00Z');
    expect((await t.scanner().scanOnce()).verifications).toBeGreaterThanOrEqual(1);
    await t.until('/verifications', supervisor, (rows) => rows.find((v: { caseId: string }) => v.caseId === caseId).overdue === true);
  });

  it('lets the applicant rate a completed case once, and tracks a bad rating\'s answer deadline', async () => {
    t.clock.set('2025-11-03T02:00:00Z');
    const caseId = randomUUID();
    const open = randomUUID();
    const applicant = await applicantToken('applicant-7');
    await t.publish('cases', 'cases.CaseReceived', `case-${caseId}`, 1, caseReceived(caseId, UNIT, 'applicant-7'));
    await t.publish('cases', 'cases.CaseReceived', `case-${open}`, 1, caseReceived(open, UNIT, 'applicant-7'));
    await t.publish('cases', 'cases.CaseDecided', `case-${caseId}`, 5, { caseId, decision: 'DECISION_APPROVED', workingDaysUsed: 3 });

    const rated = await eventually(async () => {
      const answer = await t.call('POST', '/ratings', applicant, { caseId, grade: 'RATING_GRADE_DISSATISFIED', comment: '补正材料跑了两次' });
      return answer.status === 201 ? answer.body : undefined;
    });
    expect(rated.answerDueOn).toBe('2025-11-10'); // 5 working days
    expect((await t.call('POST', '/ratings', applicant, { caseId, grade: 'RATING_GRADE_VERY_SATISFIED' })).status).toBe(409);
    expect((await t.call('POST', '/ratings', await applicantToken('someone-else'), { caseId, grade: 'RATING_GRADE_SATISFIED' })).status).toBe(403);
    expect((await t.call('POST', '/ratings', applicant, { caseId: open, grade: 'RATING_GRADE_SATISFIED' })).body).toEqual(expect.objectContaining({ code: 'case-not-completed' }));
    expect((await t.call('POST', '/ratings', applicant, { caseId, grade: 'RATING_GRADE_GOOD' })).body.violations[0].field).toBe('grade');

    t.clock.set('2025-11-10T09:00:00Z');
    expect((await t.scanner().scanOnce()).ratings).toBe(0);
    t.clock.set('2025-11-11T02:00:00Z');
    await t.until('/ratings', supervisor, (rows) => rows.some((r: { caseId: string; status: string }) => r.caseId === caseId && r.status === 'referred'));
    expect((await t.scanner().scanOnce()).ratings).toBe(1);
    expect((await t.call('POST', `/ratings/${rated.ratingId}/answer`, await unitAdminToken('unit-other'), { justified: true, fix: 'f', answer: 'a' })).status).toBe(403);
    const answered = await t.call('POST', `/ratings/${rated.ratingId}/answer`, await unitAdminToken(UNIT), { justified: true, fix: '补正材料清单合并为一次告知', answer: '经核实属实，已整改' });
    expect(answered.body).toEqual({ late: true });
    expect((await t.call('POST', `/ratings/${rated.ratingId}/answer`, await unitAdminToken(UNIT), { justified: true, fix: 'f', answer: 'a' })).status).toBe(409);

    const stats = await t.until(`/public/rating-statistics?unitId=${UNIT}`, undefined, (s) => s.badRatingsAnswered === 1);
    expect(stats).toEqual(expect.objectContaining({ total: 1, badRatings: 1, badAnswerRate: 1, goodRate: 0 }));
    expect(stats.byGrade.RATING_GRADE_DISSATISFIED).toBe(1);
    await eventually(() => t.published().some((e) => e.type === 'supervision.BadRatingAnswerOverdue' && (e.data as { ratingId: string }).ratingId === rated.ratingId));
  });

  it('takes complaints; a substantiated one raises a finding, and enough complaints put a target in the elevated stratum of the next draw', async () => {
    t.clock.set('2025-11-03T02:00:00Z');
    const target = `9131010${randomUUID().slice(0, 11).toUpperCase()}`;
    expect((await t.call('POST', '/targets', supervisor, { targets: [{ targetId: target, kind: 'TARGET_KIND_SERVICE_UNIT', name: '某窗口', affiliatedUnitId: target, regionCode: '310101' }] })).status).toBe(201);
    // A complaint falls under the region of its subject as the registry knows it (the city when unknown).
    await t.until('/targets', supervisor, (rows) => rows.some((r: { targetId: string }) => r.targetId === target));
    const complainant = await applicantToken('applicant-9');
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push((await t.call('POST', '/complaints', complainant, { subjectId: target, description: `窗口人员态度差 ${i}` })).body.complaintId);
    await t.until('/complaints', supervisor, (rows) => ids.every((id) => rows.some((r: { complaintId: string }) => r.complaintId === id)));
    const resolved = await t.call('POST', `/complaints/${ids[0]}/resolution`, supervisor, { substantiated: true, note: '调取监控属实' });
    expect(resolved.status).toBe(200);
    await t.until('/findings', supervisor, (rows) => rows.some((f: { findingId: string; source: string }) => f.findingId === resolved.body.findingId && f.source === 'FINDING_SOURCE_PUBLIC_REPORT'));
    expect((await t.call('POST', `/complaints/${ids[0]}/resolution`, supervisor, { substantiated: false, note: 'x' })).status).toBe(409);

    const item = await t.call('POST', '/inspection-items', supervisor, {
      name: '窗口服务检查',
      legalBasis: '沪府发〔2017〕54号',
      inspectingUnitId: 'unit-sgb',
      targetKind: 'TARGET_KIND_SERVICE_UNIT',
      proportionBasisPoints: 100,
      frequency: '每季度',
      method: 'INSPECTION_METHOD_UNDERCOVER',
      regionCode: '310101',
    });
    for (let i = 0; i < 2; i += 1) await t.call('POST', '/inspectors', supervisor, { inspectorId: `w-insp-${i}`, unitId: `w-unit-${i}`, qualifications: [], regionCode: '310101' });
    const planned = await eventually(async () => {
      const answer = await t.call('POST', '/plans', supervisor, {
        title: '窗口抽查',
        regionCode: '310101',
        inspectionItemId: item.body.inspectionItemId,
        inspectorsPerTarget: 2,
        seedCommitment: 'ab'.repeat(32),
        drawOn: '2025-11-04',
      });
      return answer.status === 201 ? answer.body : undefined;
    });
    const record = await t.call('GET', `/public/plans/${planned.planId}/draw`);
    expect(record.body.lists.targets.find((x: { targetId: string }) => x.targetId === target)).toEqual(
      expect.objectContaining({ stratum: 'DRAW_STRATUM_ELEVATED', complaintCount: 3, creditClass: 'CREDIT_CLASS_A' }),
    );
  });

  it('records a window visit (明查暗访) and raises a finding per failed rule', async () => {
    const visit = await t.call('POST', '/window-inspections', supervisor, {
      unitId: UNIT,
      regionCode: '310101',
      method: 'INSPECTION_METHOD_UNDERCOVER',
      visitedOn: '2025-11-03',
      checks: [
        { check: 'WINDOW_CHECK_VOUCHER_GIVEN', passed: true },
        { check: 'WINDOW_CHECK_BADGE_WORN', passed: false, note: '2号窗口未挂牌' },
        { check: 'WINDOW_CHECK_AB_ROLE_COVERED', passed: false },
      ],
    });
    expect(visit.status).toBe(201);
    expect(visit.body.findingIds).toHaveLength(2);
    const visits = await t.until('/window-inspections', await unitAdminToken(UNIT), (rows) => rows.length === 1);
    expect(visits[0]).toEqual(expect.objectContaining({ failedChecks: 2, method: 'INSPECTION_METHOD_UNDERCOVER' }));
    await t.until('/findings', supervisor, (rows) => visit.body.findingIds.every((id: string) => rows.some((f: { findingId: string; category: string }) => f.findingId === id && f.category === 'FINDING_CATEGORY_SERVICE_CONDUCT')));
    const twice = await t.call('POST', '/window-inspections', supervisor, { unitId: UNIT, regionCode: '310101', method: 'INSPECTION_METHOD_OPEN', visitedOn: '2025-11-03', checks: [{ check: 'WINDOW_CHECK_BADGE_WORN', passed: true }, { check: 'WINDOW_CHECK_BADGE_WORN', passed: false }] });
    expect(twice.body.violations[0]).toEqual(expect.objectContaining({ field: 'checks', rule: 'each-rule-once' }));
  });

  it('draws an enterprise whose credit fell to class C (the false commitment above) at the elevated proportion', async () => {
    await t.call('POST', '/targets', supervisor, {
      targets: [
        { targetId: ENTERPRISE, kind: 'TARGET_KIND_ENTERPRISE', name: '失信企业', affiliatedUnitId: 'unit-a', regionCode: '310101' },
        { targetId: `${ENTERPRISE}-ok`, kind: 'TARGET_KIND_ENTERPRISE', name: '守信企业', affiliatedUnitId: 'unit-a', regionCode: '310101' },
      ],
    });
    const item = await t.call('POST', '/inspection-items', supervisor, {
      name: '告知承诺事项事中事后检查',
      legalBasis: '告知承诺办法',
      inspectingUnitId: 'unit-scjgj',
      targetKind: 'TARGET_KIND_ENTERPRISE',
      proportionBasisPoints: 500,
      frequency: '每年',
      method: 'INSPECTION_METHOD_OPEN',
      regionCode: '310101',
    });
    for (let i = 0; i < 2; i += 1) await t.call('POST', '/inspectors', supervisor, { inspectorId: `c-insp-${i}`, unitId: `c-unit-${i}`, qualifications: [], regionCode: '310101' });
    await t.until('/targets', supervisor, (rows) => rows.some((r: { targetId: string }) => r.targetId === ENTERPRISE));
    const planned = await eventually(async () => {
      const answer = await t.call('POST', '/plans', supervisor, { title: '信用分类抽查', regionCode: '310101', inspectionItemId: item.body.inspectionItemId, inspectorsPerTarget: 2, seedCommitment: 'cd'.repeat(32), drawOn: '2025-12-31' });
      return answer.status === 201 ? answer.body : undefined;
    });
    const record = (await t.call('GET', `/public/plans/${planned?.planId}/draw`)).body;
    const stratumOf = (id: string) => record.lists.targets.find((x: { targetId: string }) => x.targetId === id);
    expect(stratumOf(ENTERPRISE)).toEqual(expect.objectContaining({ stratum: 'DRAW_STRATUM_ELEVATED', creditClass: 'CREDIT_CLASS_C' }));
    expect(stratumOf(`${ENTERPRISE}-ok`)).toEqual(expect.objectContaining({ stratum: 'DRAW_STRATUM_REGULAR', creditClass: 'CREDIT_CLASS_A' }));
    expect(record.lists.elevatedProportionBasisPoints).toBe(1000); // twice the item's 5% by default
  });
});
