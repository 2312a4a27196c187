import { randomUUID } from 'node:crypto';
import { eventually } from '@sangeyipi/testing';
import { auditorToken, caseReceived, startSupervision, supervisorToken, unitAdminToken, type SupervisionUnderTest } from './supervision-test-kit';

const UNIT = `unit-${randomUUID().slice(0, 8)}`;

describe('the watch: other contexts\' events from Kafka become findings; rectification to closure and to escalation', () => {
  let t: SupervisionUnderTest;
  let supervisor: string;
  let unitAdmin: string;

  beforeAll(async () => {
    t = await startSupervision('2025-11-03T02:00:00Z'); // Monday 3 November 2025
    supervisor = await supervisorToken('310101');
    unitAdmin = await unitAdminToken(UNIT);
  });
  afterAll(() => t?.close());

  const findingFor = (caseOrSource: string) =>
    t.until('/findings', supervisor, (rows) => rows.some((f: { sourceId: string }) => f.sourceId === caseOrSource)).then((rows) => rows.find((f: { sourceId: string }) => f.sourceId === caseOrSource));

  it('turns an overdue case into a finding, and takes its rectification through an answer sent back, a second answer and an accepted check to closure', async () => {
    const caseId = randomUUID();
    await t.publish('cases', 'cases.CaseOverdue', `case-${caseId}`, 9, { caseId, unitId: UNIT, committedDeadline: '2025-10-31', pendingStep: 'APPROVAL_STEP_REVIEW' });
    const finding = await findingFor(caseId);
    expect(finding).toEqual(expect.objectContaining({ category: 'FINDING_CATEGORY_OVERDUE', source: 'FINDING_SOURCE_EFFICIENCY_MONITORING', unitId: UNIT, caseId, regionCode: '310101', status: 'raised' }));
    const id = finding.findingId;

    const ordered = await t.call('POST', `/findings/${id}/rectification-order`, supervisor, { requiredActions: ['说明超期原因', '建立预警台账'], limitDays: 5 });
    expect(ordered.body).toEqual({ findingId: id, status: 'ordered', dueOn: '2025-11-10' });
    expect((await t.call('POST', `/findings/${id}/rectification-answer`, await unitAdminToken('unit-other'), { answer: 'x' })).status).toBe(403);
    expect((await t.call('POST', `/findings/${id}/rectification-answer`, unitAdmin, { answer: '已说明原因' })).body.status).toBe('answered');
    t.clock.set('2025-11-05T02:00:00Z');
    const sentBack = await t.call('POST', `/findings/${id}/rectification-check`, supervisor, { accepted: false, note: '台账未建立', limitDays: 3 });
    expect(sentBack.body).toEqual({ findingId: id, status: 'ordered', dueOn: '2025-11-10' });
    expect((await t.call('POST', `/findings/${id}/rectification-answer`, unitAdmin, { answer: '台账已建立' })).status).toBe(200);
    const closed = await t.call('POST', `/findings/${id}/rectification-check`, supervisor, { accepted: true, note: '核查通过' });
    expect(closed.body.status).toBe('closed');
    expect((await t.call('POST', `/findings/${id}/escalation`, supervisor, { reason: 'r', accountabilityProposal: 'p' })).status).toBe(409);
    await t.until(`/findings/${id}`, unitAdmin, (f) => f.status === 'closed');
    await eventually(() => t.published().some((e) => e.type === 'supervision.RectificationClosed' && (e.data as { findingId: string }).findingId === id));
  });

  it('flags an unanswered rectification overdue after its due date and escalates it to an accountability proposal', async () => {
    t.clock.set('2025-11-03T02:00:00Z');
    const caseId = randomUUID();
    // Cases' deadline timer acts without a region: the finding takes the region the case was received in.
    await t.publish('cases', 'cases.CaseReceived', `case-${caseId}`, 1, caseReceived(caseId, UNIT, 'applicant-1'), '310101');
    await t.publish('cases', 'cases.CaseOverdue', `case-${caseId}`, 7, { caseId, unitId: UNIT, committedDeadline: '2025-10-30' }, '');
    const { findingId, regionCode } = await findingFor(caseId);
    expect(regionCode).toBe('310101');
    await t.call('POST', `/findings/${findingId}/rectification-order`, supervisor, { requiredActions: ['整改'], limitDays: 5 });
    await t.until(`/findings/${findingId}`, supervisor, (f) => f.status === 'ordered');
    const early = await t.call('POST', `/findings/${findingId}/escalation`, supervisor, { reason: '未整改', accountabilityProposal: '约谈' });
    expect(early.body).toEqual(expect.objectContaining({ statusCode: 409, code: 'not-escalable' }));

    t.clock.set('2025-11-10T10:00:00Z'); // the due day: not overdue yet
    expect((await t.scanner().scanOnce()).rectifications).toBe(0);
    t.clock.set('2025-11-11T02:00:00Z');
    // Two scans at once (as two replicas would run them): the flag is appended once.
    const [a, b] = await Promise.all([t.scanner().scanOnce(), t.scanner().scanOnce()]);
    expect(a.rectifications + b.rectifications).toBe(1);
    await t.until(`/findings/${findingId}`, supervisor, (f) => f.overdue === true);
    expect((await t.scanner().scanOnce()).rectifications).toBe(0); // once per due date

    const escalated = await t.call('POST', `/findings/${findingId}/escalation`, supervisor, { reason: '逾期未整改', accountabilityProposal: '建议约谈窗口负责人并通报批评' });
    expect(escalated.body.status).toBe('escalated');
    await eventually(() => t.published().some((e) => e.type === 'supervision.RectificationEscalated' && (e.data as { findingId: string }).findingId === findingId));
    expect(t.published().filter((e) => e.type === 'supervision.RectificationOverdue' && (e.data as { findingId: string }).findingId === findingId)).toHaveLength(1);
    // The unit's credit fell with both findings and the escalation: 100 − 5 − 5 − 10.
    const credit = await t.until(`/credit/${UNIT}`, supervisor, (c) => c.records === 3);
    expect(credit).toEqual(expect.objectContaining({ score: 80, creditClass: 'CREDIT_CLASS_B' }));
  });

  it('raises findings for a refused fee, an unauthorized catalog edit and a missed project, not for a landed one, and once per event', async () => {
    const caseId = randomUUID();
    const itemId = randomUUID();
    const missed = randomUUID();
    const landed = randomUUID();
    await t.publish('cases', 'cases.ForbiddenChargeRefused', `case-${caseId}`, 3, { caseId, unitId: UNIT, charge: 'FORBIDDEN_CHARGE_EXPEDITE_FEE', description: '加急费200元', attemptedByUserId: 'c' });
    await t.publish('catalog', 'catalog.CatalogItemUnauthorizedChangeAttempted', `catalog-item-${itemId}`, 4, { itemId, unitId: UNIT, regionCode: '310101', attemptedByUserId: 'u', revision: 2 });
    const closed = (projectId: string, outcome: string) => ({ projectId, listingYear: 2025, outcome, unitId: UNIT, regionCode: '310101', level: 'ADMINISTRATIVE_LEVEL_DISTRICT' });
    await t.publish('projects', 'projects.ProjectYearClosed', `project-${landed}`, 5, closed(landed, 'YEAR_OUTCOME_LANDED'));
    await t.publish('projects', 'projects.ProjectYearClosed', `project-${missed}`, 5, closed(missed, 'YEAR_OUTCOME_MISSED'));

    expect((await findingFor(caseId)).category).toBe('FINDING_CATEGORY_ILLEGAL_FEE');
    expect((await findingFor(itemId)).category).toBe('FINDING_CATEGORY_UNAUTHORIZED_CATALOG_CHANGE');
    expect((await findingFor(missed)).category).toBe('FINDING_CATEGORY_PROJECT_NOT_LANDED');
    const all = await t.call('GET', '/findings', await auditorToken());
    expect(all.body.filter((f: { sourceId: string }) => f.sourceId === landed)).toEqual([]);
    expect(all.body.filter((f: { sourceId: string }) => f.sourceId === caseId)).toHaveLength(1);
    // A unit admin lists their own unit's findings; another district's supervisor sees none of them.
    expect((await t.call('GET', '/findings', unitAdmin)).body.every((f: { unitId: string }) => f.unitId === UNIT)).toBe(true);
    expect((await t.call('GET', '/findings', await supervisorToken('310104'))).body).toEqual([]);
    // Filtered by status; a status no finding can have is the caller's mistake, not an empty list.
    const raised = await t.call('GET', '/findings?status=raised', await auditorToken());
    expect(raised.body.filter((f: { sourceId: string }) => ([caseId, itemId, missed] as string[]).includes(f.sourceId))).toHaveLength(3);
    expect((await t.call('GET', '/findings?status=closed', await auditorToken())).body.filter((f: { sourceId: string }) => f.sourceId === caseId)).toEqual([]);
    const bogus = await t.call('GET', '/findings?status=bogus', await auditorToken());
    expect(bogus.status).toBe(400);
    expect(JSON.stringify(bogus.body)).toContain('status');
  });

  it('enters service units registered in the catalog into the target registry, once', async () => {
    const unitId = `unit-${randomUUID().slice(0, 8)}`;
    const registered = { unitId, name: '黄浦区行政服务中心', unitKind: 'SERVICE_UNIT_KIND_GOVERNMENT_DEPARTMENT', level: 'ADMINISTRATIVE_LEVEL_DISTRICT', regionCode: '310101' };
    await t.publish('catalog', 'catalog.ServiceUnitRegistered', `service-unit-${unitId}`, 1, registered);
    await t.publish('catalog', 'catalog.ServiceUnitRegistered', `service-unit-${unitId}`, 1, registered);
    const targets = await t.until('/targets', supervisor, (rows) => rows.some((r: { targetId: string }) => r.targetId === unitId));
    expect(targets.filter((r: { targetId: string }) => r.targetId === unitId)).toEqual([
      { targetId: unitId, kind: 'TARGET_KIND_SERVICE_UNIT', name: '黄浦区行政服务中心', affiliatedUnitId: unitId, regionCode: '310101' },
    ]);
  });
});
