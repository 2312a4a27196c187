import { randomUUID } from 'node:crypto';
import { eventually } from '@sangeyipi/testing';
import { DataSource } from 'typeorm';
import { applicantToken, publishedItem, staffToken, startCases, type CasesUnderTest } from './cases-test-kit';

const UNIT = `unit-${randomUUID().slice(0, 8)}`;
const OTHER_UNIT = `unit-${randomUUID().slice(0, 8)}`;
const TIME_LIMITED_ITEM = randomUUID();
const IMMEDIATE_ITEM = randomUUID();
const HOLIDAY_ITEM = randomUUID();
const COMMITMENT_ITEM = randomUUID();
const REVISED_ITEM = randomUUID();

// Friday 2025-09-26, 10:00 in Shanghai: the last working day but one before the National Day holiday
// (10-01..10-08; Sunday 09-28 and Saturday 10-11 are adjustment working days).
const START = '2025-09-26T02:00:00Z';

describe('cases over HTTP', () => {
  let t: CasesUnderTest;
  let clerk: string, clerk2: string, reviewer: string, reviewer2: string, decider: string, otherUnitClerk: string, applicant: string, otherApplicant: string;
  const applicantId = randomUUID();

  const receive = (itemId: string, token = clerk) =>
    t.call('POST', '/cases', token, {
      itemId,
      applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId },
      channel: 'CHANNEL_WINDOW',
      materials: [{ materialId: 'M01', name: '食品经营许可申请书', copies: 1 }],
      badge: 'HP-0001',
    });
  const step = (caseId: string, token: string, body: object) => t.call('POST', `/cases/${caseId}/steps`, token, { badge: 'HP-9', opinion: '同意', ...body });
  const atShanghai = (date: string) => t.clock.set(`${date}T02:00:00Z`);

  beforeAll(async () => {
    t = await startCases(START);
    [clerk, clerk2, reviewer, reviewer2, decider, otherUnitClerk, applicant, otherApplicant] = await Promise.all([
      staffToken('clerk-1', 'clerk', UNIT),
      staffToken('clerk-2', 'clerk', UNIT),
      staffToken('reviewer-1', 'reviewer', UNIT),
      staffToken('reviewer-2', 'reviewer', UNIT),
      staffToken('decider-1', 'decider', UNIT),
      staffToken('clerk-x', 'clerk', OTHER_UNIT, '310104'),
      applicantToken(applicantId),
      applicantToken(randomUUID()),
    ]);
    await t.publishCatalogEvent('catalog.CatalogItemPublished', `item-${TIME_LIMITED_ITEM}`, 1, publishedItem(TIME_LIMITED_ITEM, UNIT));
    await t.publishCatalogEvent(
      'catalog.CatalogItemPublished',
      `item-${IMMEDIATE_ITEM}`,
      1,
      publishedItem(IMMEDIATE_ITEM, UNIT, {
        completionMode: 'COMPLETION_MODE_IMMEDIATE',
        caseType: 'CASE_TYPE_IMMEDIATE',
        committedLimitDays: 0,
        approvalSteps: ['APPROVAL_STEP_HANDLE', 'APPROVAL_STEP_DECIDE'],
      }),
    );
    await t.publishCatalogEvent('catalog.CatalogItemPublished', `item-${HOLIDAY_ITEM}`, 1, publishedItem(HOLIDAY_ITEM, UNIT, { holidayService: true, committedLimitDays: 1 }));
    await t.publishCatalogEvent(
      'catalog.CatalogItemPublished',
      `item-${COMMITMENT_ITEM}`,
      1,
      publishedItem(COMMITMENT_ITEM, UNIT, { approvalRoute: 'APPROVAL_ROUTE_NOTIFICATION_COMMITMENT', commitmentApprovalAllowed: true }),
    );
    // The local catalog copy is fed only by catalog events: wait until the items can be applied for.
    await eventually(async () => (await receive(TIME_LIMITED_ITEM)).status === 201, { timeoutMs: 30_000 });
    await eventually(async () => (await receive(IMMEDIATE_ITEM)).status === 201, { timeoutMs: 30_000 });
    await eventually(async () => (await receive(HOLIDAY_ITEM)).status === 201, { timeoutMs: 30_000 });
    await eventually(async () => (await receive(COMMITMENT_ITEM)).status === 201, { timeoutMs: 30_000 });
  });
  afterAll(() => t?.close());

  it('runs a time-limited case from receipt to delivery across the National Day holiday, with a suspension', async () => {
    atShanghai('2025-09-26');
    const received = await receive(TIME_LIMITED_ITEM);
    expect(received.status).toBe(201);
    const caseId: string = received.body.caseId;
    expect(received.body.receiptVoucher).toMatchObject({ receivedOn: '2025-09-26', handlerBadge: 'HP-0001', materials: [{ materialId: 'M01' }] });

    const accepted = await t.call('POST', `/cases/${caseId}/acceptance`, clerk, {});
    expect(accepted.status).toBe(200);
    let view = await t.call('GET', `/cases/${caseId}`, clerk);
    // 20 working days from 09-26 skip 10-01..10-08 and count Sunday 09-28 and Saturday 10-11.
    expect(view.body).toMatchObject({ status: 'in-progress', committedDeadline: '2025-10-30', firstAskedUserId: 'clerk-1', pendingStep: 'APPROVAL_STEP_HANDLE' });
    expect(view.body.allowedActions).toEqual(['complete-step', 'suspend-clock']);

    atShanghai('2025-09-29');
    expect((await step(caseId, clerk, { step: 'APPROVAL_STEP_HANDLE' })).status).toBe(200);

    atShanghai('2025-09-30');
    const suspended = await t.call('POST', `/cases/${caseId}/suspensions`, clerk, {
      reason: 'SUSPENSION_REASON_TESTING',
      description: '送检样品',
      applicantNotified: true,
    });
    expect(suspended.status).toBe(201);
    expect((await step(caseId, reviewer, { step: 'APPROVAL_STEP_REVIEW' })).body).toMatchObject({ statusCode: 409, code: 'action-not-allowed' });

    atShanghai('2025-10-10');
    expect((await t.call('POST', `/cases/${caseId}/resumption`, clerk, {})).status).toBe(200);
    view = await t.call('GET', `/cases/${caseId}`, clerk);
    // 09-30, 10-09 and 10-10 were working days with the clock stopped: the deadline moves by three.
    expect(view.body).toMatchObject({ committedDeadline: '2025-11-04', suspensions: [{ start: '2025-09-30', end: '2025-10-10', reason: 'SUSPENSION_REASON_TESTING' }] });

    atShanghai('2025-10-13');
    expect((await step(caseId, reviewer, { step: 'APPROVAL_STEP_REVIEW' })).status).toBe(200);
    const decided = await step(caseId, decider, {
      step: 'APPROVAL_STEP_DECIDE',
      decision: { outcome: 'DECISION_APPROVED', reasons: ['符合条件'], legalBasis: '《行政许可法》第三十八条' },
    });
    expect(decided.status).toBe(200);
    expect(decided.body.events).toEqual(['cases.StepCompleted', 'cases.CaseDecided']);

    const issued = await t.call('POST', `/cases/${caseId}/documents`, clerk, { documentNumber: 'JY31010100001' });
    expect(issued.status).toBe(201);
    const delivered = await t.call('POST', `/cases/${caseId}/deliveries`, clerk, { documentId: issued.body.documentId, method: 'DELIVERY_METHOD_POST' });
    expect(delivered.status).toBe(201);

    view = await t.call('GET', `/cases/${caseId}`, applicant);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ status: 'completed', decision: 'DECISION_APPROVED', allowedActions: [] });
  });

  it('completes an immediate item on the spot, in the same visit', async () => {
    atShanghai('2025-11-03');
    const { body } = await receive(IMMEDIATE_ITEM);
    const caseId: string = body.caseId;
    expect((await t.call('POST', `/cases/${caseId}/acceptance`, clerk, {})).status).toBe(200);
    expect((await step(caseId, clerk, { step: 'APPROVAL_STEP_HANDLE' })).status).toBe(200);
    expect((await step(caseId, decider, { step: 'APPROVAL_STEP_DECIDE', decision: { outcome: 'DECISION_APPROVED', reasons: [], legalBasis: '条例第五条' } })).status).toBe(200);
    const issued = await t.call('POST', `/cases/${caseId}/documents`, clerk, { documentNumber: 'JB-1' });
    expect((await t.call('POST', `/cases/${caseId}/deliveries`, clerk, { documentId: issued.body.documentId, method: 'DELIVERY_METHOD_IN_PERSON' })).status).toBe(201);
    const view = await t.call('GET', `/cases/${caseId}`, clerk);
    expect(view.body).toMatchObject({ status: 'completed', decidedOnTheSpot: true, committedDeadline: '2025-11-03' });
  });

  it('lets one of two people acting on the same step at once win; the other gets 409', async () => {
    atShanghai('2025-11-03');
    const caseId: string = (await receive(TIME_LIMITED_ITEM)).body.caseId;
    await t.call('POST', `/cases/${caseId}/acceptance`, clerk, {});
    await step(caseId, clerk, { step: 'APPROVAL_STEP_HANDLE' });

    const answers = await Promise.all([reviewer, reviewer2].map((token) => step(caseId, token, { step: 'APPROVAL_STEP_REVIEW' })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const view = await t.call('GET', `/cases/${caseId}`, clerk);
    expect(view.body.completedSteps).toHaveLength(2);

    // With the version read first, the loser is refused even when the requests do not overlap.
    const version: number = view.body.version;
    const first = await step(caseId, decider, { step: 'APPROVAL_STEP_DECIDE', expectedVersion: version, decision: { outcome: 'DECISION_DENIED', reasons: ['场所不符合要求'], legalBasis: '第三十八条第二款' } });
    expect(first.status).toBe(200);
    expect((await t.call('POST', `/cases/${caseId}/documents`, clerk, { documentNumber: 'X', expectedVersion: version })).status).toBe(409);
  });

  it('refuses a second supplement request on the same application (一次告知), until the application changes', async () => {
    const caseId: string = (await receive(TIME_LIMITED_ITEM)).body.caseId;
    const request = { missingMaterials: [{ materialId: 'M02', name: '营业执照', reason: '未提供' }] };
    expect((await t.call('POST', `/cases/${caseId}/supplement-requests`, clerk, request)).status).toBe(201);

    const second = await t.call('POST', `/cases/${caseId}/supplement-requests`, clerk2, request);
    expect(second.status).toBe(422);
    expect(second.body.code).toBe('second-supplement-request');

    await t.call('POST', `/cases/${caseId}/amendments`, clerk, { description: '变更经营项目', materials: [] });
    expect((await t.call('POST', `/cases/${caseId}/supplement-requests`, clerk, request)).status).toBe(201);
  });

  it('keeps the steps apart and staff inside their unit and role', async () => {
    atShanghai('2025-11-03');
    const caseId: string = (await receive(TIME_LIMITED_ITEM)).body.caseId;
    expect((await receive(TIME_LIMITED_ITEM, otherUnitClerk)).status).toBe(403);
    expect((await receive(TIME_LIMITED_ITEM, reviewer)).status).toBe(403);
    expect((await t.call('POST', `/cases/${caseId}/acceptance`, otherUnitClerk, {})).status).toBe(403);
    expect((await t.call('POST', `/cases/${caseId}/acceptance`, clerk, {})).status).toBe(200);
    expect((await step(caseId, reviewer, { step: 'APPROVAL_STEP_HANDLE' })).status).toBe(403);
    expect((await step(caseId, clerk, { step: 'APPROVAL_STEP_HANDLE' })).status).toBe(200);

    // A reviewer who also holds the clerk role of the unit may not review their own handling.
    const both = await staffToken('clerk-1', 'reviewer', UNIT);
    const same = await step(caseId, both, { step: 'APPROVAL_STEP_REVIEW' });
    expect(same.status).toBe(422);
    expect(same.body.code).toBe('same-person-consecutive-steps');

    expect((await t.call('GET', `/cases/${caseId}`, otherApplicant)).status).toBe(403);
    expect((await t.call('GET', `/cases/${caseId}`, otherUnitClerk)).status).toBe(403);
    expect((await t.call('GET', `/cases/${caseId}`, applicant)).status).toBe(200);
    expect((await t.call('POST', `/cases/${randomUUID()}/acceptance`, clerk, {})).status).toBe(404);
  });

  it('lists my cases with deadline lights from the case-summary projection', async () => {
    atShanghai('2025-10-27');
    const caseId: string = (await receive(TIME_LIMITED_ITEM)).body.caseId;
    await t.call('POST', `/cases/${caseId}/acceptance`, clerk, {});
    const mine = await eventually(async () => {
      const list = (await t.call('GET', '/cases/mine', clerk)).body as { caseId: string; light: string; status: string }[];
      return list.find((c) => c.caseId === caseId && c.status === 'in-progress');
    });
    expect(mine).toMatchObject({ light: 'green', committedDeadline: '2025-11-24', pendingStep: 'APPROVAL_STEP_HANDLE' });

    atShanghai('2025-11-21');
    const soon = ((await t.call('GET', '/cases/mine', clerk)).body as { caseId: string }[]).find((c) => c.caseId === caseId);
    expect(soon).toMatchObject({ light: 'yellow', workingDaysLeft: 1 });

    const own = (await t.call('GET', '/cases/mine', applicant)).body as { caseId: string }[];
    expect(own.map((c) => c.caseId)).toContain(caseId);
    expect((await t.call('GET', '/cases/mine', otherApplicant)).body).toEqual([]);
  });

  it('receives on a holiday only items with holiday service; their clock starts on the next working day', async () => {
    atShanghai('2025-10-03');
    const refused = await receive(TIME_LIMITED_ITEM);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('no-holiday-service');

    const received = await receive(HOLIDAY_ITEM);
    expect(received.status).toBe(201);
    expect(received.body.receiptVoucher.receivedOn).toBe('2025-10-03');
    await t.call('POST', `/cases/${received.body.caseId}/acceptance`, clerk, {});
    // One working day: 10-09, the first working day after the holiday.
    expect((await t.call('GET', `/cases/${received.body.caseId}`, clerk)).body.committedDeadline).toBe('2025-10-09');
  });

  it('stops receiving for an item once the catalog withdraws it', async () => {
    atShanghai('2025-11-10');
    const { itemId, unitId, level, regionCode, definition } = publishedItem(HOLIDAY_ITEM, UNIT, { holidayService: true, committedLimitDays: 1 });
    await t.publishCatalogEvent('catalog.CatalogItemWithdrawn', `item-${HOLIDAY_ITEM}`, 2, {
      itemId,
      unitId,
      level,
      regionCode,
      definition,
      revision: 1,
      approvalReference: '黄审改办〔2025〕3号',
      reason: '事项取消',
      effectiveOn: '2025-11-10',
    });
    const refused = await eventually(async () => {
      const answer = await receive(HOLIDAY_ITEM);
      return answer.status === 422 ? answer : undefined;
    });
    expect(refused?.body.code).toBe('item-not-published');
  });

  it('applies a revision to cases received from its effective day; a case received before keeps its terms', async () => {
    atShanghai('2025-11-03');
    const first = publishedItem(REVISED_ITEM, UNIT);
    await t.publishCatalogEvent('catalog.CatalogItemPublished', `item-${REVISED_ITEM}`, 1, first);
    let receivedBefore = '';
    await eventually(async () => {
      const answer = await receive(REVISED_ITEM);
      if (answer.status === 201) receivedBefore = answer.body.caseId;
      return answer.status === 201;
    });
    const db = t.service.app.get(DataSource);
    const revised = publishedItem(REVISED_ITEM, UNIT, { committedLimitDays: 5, approvalSteps: ['APPROVAL_STEP_HANDLE', 'APPROVAL_STEP_DECIDE'] });
    await t.publishCatalogEvent('catalog.CatalogItemRevised', `item-${REVISED_ITEM}`, 2, {
      itemId: REVISED_ITEM,
      changeRequestId: randomUUID(),
      unitId: UNIT,
      level: revised.level,
      regionCode: revised.regionCode,
      revision: 2,
      definition: revised.definition,
      effectiveOn: '2025-11-05',
      revisedOn: '2025-11-03',
      approvalReference: '黄审改办〔2025〕7号',
      reason: '压缩承诺时限',
    });
    await eventually(async () => (await db.query(`SELECT 1 FROM cases_catalog_item_revisions WHERE item_id = $1 AND revision = 2`, [REVISED_ITEM])).length === 1);

    atShanghai('2025-11-04');
    const dayBefore = await receive(REVISED_ITEM);
    expect((await t.call('GET', `/cases/${dayBefore.body.caseId}`, clerk)).body).toMatchObject({ itemRevision: 1, approvalSteps: first.definition.approvalSteps });

    atShanghai('2025-11-05');
    const fromEffectiveDay = await receive(REVISED_ITEM);
    await t.call('POST', `/cases/${fromEffectiveDay.body.caseId}/acceptance`, clerk, {});
    expect((await t.call('GET', `/cases/${fromEffectiveDay.body.caseId}`, clerk)).body).toMatchObject({
      itemRevision: 2,
      approvalSteps: ['APPROVAL_STEP_HANDLE', 'APPROVAL_STEP_DECIDE'],
      committedDeadline: '2025-11-12',
    });
    // Received under revision 1, accepted after revision 2 took effect: still 20 working days.
    await t.call('POST', `/cases/${receivedBefore}/acceptance`, clerk, {});
    expect((await t.call('GET', `/cases/${receivedBefore}`, clerk)).body).toMatchObject({ itemRevision: 1, committedDeadline: '2025-12-03' });
  });

  it('refuses an expedite fee with a clear error and records the attempt for supervision', async () => {
    atShanghai('2025-11-03');
    const caseId: string = (await receive(TIME_LIMITED_ITEM)).body.caseId;
    const refused = await t.call('POST', `/cases/${caseId}/charges`, clerk, { charge: 'FORBIDDEN_CHARGE_EXPEDITE_FEE', description: '加急办理费200元' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'forbidden-charge' });
    const [row] = await t.service.app
      .get(DataSource)
      .query(`SELECT data FROM events WHERE stream_id = $1 AND event_type = 'cases.ForbiddenChargeRefused'`, [`case-${caseId}`]);
    expect(row.data).toMatchObject({ charge: 'FORBIDDEN_CHARGE_EXPEDITE_FEE', unitId: UNIT, attemptedByUserId: 'clerk-1' });
    expect((await t.call('GET', `/cases/${caseId}`, clerk)).body.status).toBe('received');
  });

  it('moves an absent handler’s open cases to the named backup (AB角) at once; the clocks keep running', async () => {
    atShanghai('2025-11-04');
    const admin = await staffToken('admin-1', 'unit_admin', UNIT);
    const absentClerk = await staffToken('clerk-ab', 'clerk', UNIT);
    expect((await t.call('POST', `/units/${UNIT}/handlers/clerk-ab/absence`, admin)).body).toMatchObject({ code: 'no-backup-named' });
    expect((await t.call('PUT', `/units/${UNIT}/handlers/clerk-ab/backup`, clerk, { backupUserId: 'clerk-2' })).status).toBe(403);
    expect((await t.call('PUT', `/units/${UNIT}/handlers/clerk-ab/backup`, admin, { backupUserId: 'clerk-2' })).status).toBe(200);

    const open = (await receive(TIME_LIMITED_ITEM, absentClerk)).body.caseId as string;
    await t.call('POST', `/cases/${open}/acceptance`, absentClerk, {});
    const received = (await receive(TIME_LIMITED_ITEM, absentClerk)).body.caseId as string;
    const before = (await t.call('GET', `/cases/${open}`, clerk)).body;
    await eventually(async () => {
      const mine = (await t.call('GET', '/cases/mine', clerk)).body as { caseId: string; status: string }[];
      return mine.some((c) => c.caseId === open && c.status === 'in-progress') && mine.some((c) => c.caseId === received);
    });

    const absence = await t.call('POST', `/units/${UNIT}/handlers/clerk-ab/absence`, admin);
    expect(absence.status).toBe(200);
    expect(absence.body.backupUserId).toBe('clerk-2');
    expect([...absence.body.reassignedCaseIds].sort()).toEqual([open, received].sort());
    const after = (await t.call('GET', `/cases/${open}`, clerk)).body;
    expect(after).toMatchObject({ responsibleUserId: 'clerk-2', firstAskedUserId: 'clerk-ab', committedDeadline: before.committedDeadline });
  });

  it('告知承诺 end to end: decided first, published, verification task emitted; a false commitment found by supervision revokes it', async () => {
    atShanghai('2025-11-05');
    const withCommitment = (itemId: string) =>
      t.call('POST', '/cases', clerk, {
        itemId,
        applicant: { kind: 'APPLICANT_KIND_ENTERPRISE', applicantId: '91310101MA1FPX1234' },
        channel: 'CHANNEL_WINDOW',
        materials: [{ materialId: 'M02', name: '场所证明', copies: 0, replacedByCommitment: true }],
        badge: 'HP-0001',
        commitmentSigned: true,
      });
    expect((await withCommitment(TIME_LIMITED_ITEM)).body).toMatchObject({ statusCode: 422, code: 'commitment-not-allowed' });

    const caseId: string = (await withCommitment(COMMITMENT_ITEM)).body.caseId;
    await t.call('POST', `/cases/${caseId}/acceptance`, clerk, {});
    await step(caseId, clerk, { step: 'APPROVAL_STEP_HANDLE' });
    await step(caseId, reviewer, { step: 'APPROVAL_STEP_REVIEW' });
    const decided = await step(caseId, decider, { step: 'APPROVAL_STEP_DECIDE', decision: { outcome: 'DECISION_APPROVED', reasons: ['申请人书面承诺符合条件'], legalBasis: '告知承诺办法' } });
    expect(decided.body.events).toEqual(['cases.StepCompleted', 'cases.CaseDecided', 'cases.CommitmentVerificationRequested']);

    const published = await eventually(async () => {
      const list = (await t.call('GET', `/public/commitments?unitId=${UNIT}`, '')).body as { caseId: string; revoked: boolean }[];
      return list.find((c) => c.caseId === caseId);
    });
    expect(published).toMatchObject({ decidedOn: '2025-11-05', revoked: false });

    const findingId = randomUUID();
    await t.publishSupervisionEvent('supervision.FindingRaised', `finding-${findingId}`, 1, {
      findingId,
      source: 'FINDING_SOURCE_COMMITMENT_VERIFICATION',
      sourceId: caseId,
      unitId: UNIT,
      caseId,
      category: 'FINDING_CATEGORY_FALSE_COMMITMENT',
      description: '事后核查: 经营场所与承诺不符',
    });
    const revoked = await eventually(async () => {
      const view = (await t.call('GET', `/cases/${caseId}`, clerk)).body;
      return view.status === 'revoked' ? view : undefined;
    });
    expect(revoked?.allowedActions).toEqual([]);
    await eventually(async () => ((await t.call('GET', `/public/commitments?unitId=${UNIT}`, '')).body as { caseId: string; revoked: boolean }[]).some((c) => c.caseId === caseId && c.revoked));
  });

  it('asks a unit of another district for administrative assistance (行政协助); it answers through the platform', async () => {
    atShanghai('2025-09-29');
    const assistingUnit = `unit-310115-${randomUUID().slice(0, 6)}`;
    const assistingClerk = await staffToken('pd-clerk', 'clerk', assistingUnit, '310115');
    const caseId: string = (await receive(TIME_LIMITED_ITEM)).body.caseId;
    await t.call('POST', `/cases/${caseId}/acceptance`, clerk, {});
    expect((await t.call('GET', `/cases/${caseId}`, assistingClerk)).status).toBe(403);

    const asked = await t.call('POST', `/cases/${caseId}/assistance-requests`, clerk, { toUnitId: assistingUnit, question: '拟经营场所是否符合规划用途', limitDays: 5 });
    expect(asked.status).toBe(201);
    const pending = (await t.call('GET', `/cases/${caseId}`, assistingClerk)).body;
    expect(pending.assistance).toEqual([expect.objectContaining({ requestId: asked.body.requestId, toUnitId: assistingUnit, dueOn: '2025-10-13', answered: false })]);

    // The asked unit finds it in its inbox (and no other unit does); past its due day it shows as overdue.
    const inbox = async (token: string, query = '') => (await t.call('GET', `/assistance-requests${query}`, token)).body as Array<Record<string, unknown>>;
    const listed = await eventually(async () => (await inbox(assistingClerk)).find((r) => r.requestId === asked.body.requestId));
    expect(listed).toMatchObject({ caseId, fromUnitId: UNIT, question: '拟经营场所是否符合规划用途', limitDays: 5, dueOn: '2025-10-13', overdue: false, answeredOn: null });
    expect((await inbox(otherUnitClerk)).map((r) => r.requestId)).not.toContain(asked.body.requestId);
    atShanghai('2025-10-14');
    expect((await inbox(assistingClerk)).find((r) => r.requestId === asked.body.requestId)).toMatchObject({ overdue: true });
    expect((await t.call('GET', '/assistance-requests?status=unanswered', assistingClerk)).status).toBe(400);

    const path = `/cases/${caseId}/assistance-requests/${asked.body.requestId}/answer`;
    expect((await t.call('POST', path, otherUnitClerk, { opinion: '同意' })).status).toBe(403);
    expect((await t.call('POST', path, assistingClerk, { opinion: '符合规划用途' })).status).toBe(200);
    const view = (await t.call('GET', `/cases/${caseId}`, clerk)).body;
    expect(view.assistance).toEqual([expect.objectContaining({ answered: true, opinion: '符合规划用途' })]);
    const answered = await eventually(async () => (await inbox(assistingClerk, '?status=answered')).find((r) => r.requestId === asked.body.requestId));
    expect(answered).toMatchObject({ answeredOn: '2025-10-14', opinion: '符合规划用途', overdue: false });
    expect((await inbox(assistingClerk)).map((r) => r.requestId)).not.toContain(asked.body.requestId);
  });
});
