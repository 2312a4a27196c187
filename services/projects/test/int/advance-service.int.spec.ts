import { randomUUID } from 'node:crypto';
import { expectRebuildToReproduce, PEOPLE, PUDONG_PLANNING, publishedItem, soon, startProjects, type ProjectsApi, type ProjectsUnderTest } from './projects-test-kit';

const at = (date: string) => `${date}T02:00:00Z`;

describe('an advance service (提前服务) from request to delivery, linked to the later case', () => {
  let projects: ProjectsUnderTest;
  let api: ProjectsApi;
  const siteGuidance = randomUUID(); // 选址及工艺布局指导: an advance-service item of the planning bureau
  const buildingPermit = randomUUID(); // the formal application it prepares

  beforeAll(async () => {
    projects = await startProjects(at('2025-10-09'));
    api = projects.api;
    await projects.publish(
      'catalog.CatalogItemPublished',
      `catalog-item-${siteGuidance}`,
      1,
      publishedItem(siteGuidance, PUDONG_PLANNING, {
        name: '产业项目选址及工艺布局指导',
        catalogKind: 'CATALOG_KIND_ADVANCE_SERVICE',
        completionMode: 'COMPLETION_MODE_UNSPECIFIED',
        statutoryLimitDays: 0,
        committedLimitDays: 5,
        approvalSteps: [],
        advanceServiceApproaches: ['ADVANCE_SERVICE_APPROACH_ON_SITE', 'ADVANCE_SERVICE_APPROACH_FULL_TRACKING'],
        advanceServiceKinds: ['ADVANCE_SERVICE_KIND_SITE_SURVEY', 'ADVANCE_SERVICE_KIND_TECHNICAL_CONSULTATION'],
      }),
    );
    await projects.publish('catalog.CatalogItemPublished', `catalog-item-${buildingPermit}`, 1, publishedItem(buildingPermit, PUDONG_PLANNING, { name: '建设工程规划许可证核发' }));
  });

  afterAll(() => projects?.close());

  it("is asked for by the applicant, scheduled with named staff, delivered with findings and advice, and followed into the applicant's formal case", async () => {
    const request = {
      itemId: siteGuidance,
      approach: 'on_site',
      kinds: ['site_survey', 'technical_consultation'],
      focuses: ['site_selection', 'process_layout'],
      subject: '厂房选址及工艺布局',
      targetItemIds: [buildingPermit],
    };
    const { requestId } = await soon(async () => {
      const response = await api.call('POST', '/advance-services', { as: 'applicant', body: request });
      return response.status === 201 ? response.body : undefined; // 400 until the catalog copy has the item
    });

    // The serving unit finds it among the requests waiting to be scheduled.
    const waiting = await soon(async () => {
      const list = await api.expect(200, 'GET', '/advance-services?status=requested', { as: 'planningClerk' });
      return list.advanceServices.length > 0 ? list : undefined;
    });
    expect(waiting.advanceServices).toEqual([expect.objectContaining({ requestId, approach: 'on_site', origin: 'requested_by_applicant', applicantId: PEOPLE.applicant.userId })]);

    // Only the serving unit schedules it; not for a day already past.
    await api.expect(403, 'POST', `/advance-services/${requestId}/schedule`, { as: 'pudongClerk', body: { scheduledOn: '2025-10-10', staff: [{ userId: 'x', badge: 'x' }] } });
    const past = await api.call('POST', `/advance-services/${requestId}/schedule`, { as: 'planningClerk', body: { scheduledOn: '2025-10-08', staff: [{ userId: 'pd-gh-01', badge: 'PD-0456' }] } });
    expect(past).toMatchObject({ status: 400, body: { violations: [expect.objectContaining({ field: 'scheduledOn', rule: 'schedule-not-in-past' })] } });
    await api.expect(200, 'POST', `/advance-services/${requestId}/schedule`, {
      as: 'planningClerk',
      body: { scheduledOn: '2025-10-10', staff: [{ userId: 'pd-gh-01', badge: 'PD-0456' }], location: '临港新片区项目现场' },
    });

    projects.clock.set(at('2025-10-10'));
    await api.expect(200, 'POST', `/advance-services/${requestId}/delivery`, {
      as: 'planningClerk',
      body: { deliveredOn: '2025-10-10', summary: '现场勘察完成，已就工艺布局提出指导意见', findings: ['危化品仓库与厂房间距不足'], advice: ['调整仓库位置后再申报规划许可'] },
    });

    // Weeks later the applicant applies formally; the case is accepted without any supplement request.
    projects.clock.set(at('2025-10-20'));
    const caseId = randomUUID();
    await projects.publish('cases.CaseReceived', `case-${caseId}`, 1, {
      caseId,
      itemId: buildingPermit,
      unitId: PUDONG_PLANNING,
      applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId: PEOPLE.applicant.userId },
      channel: 'CHANNEL_ONLINE',
      receivedOn: '2025-10-20',
    });
    // A case of someone else for the same item is not linked.
    const strangersCase = randomUUID();
    await projects.publish('cases.CaseReceived', `case-${strangersCase}`, 1, {
      caseId: strangersCase,
      itemId: buildingPermit,
      unitId: PUDONG_PLANNING,
      applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId: PEOPLE.otherApplicant.userId },
      channel: 'CHANNEL_WINDOW',
      receivedOn: '2025-10-20',
    });
    await projects.publish('cases.CaseAccepted', `case-${caseId}`, 2, { caseId, noticeNumber: 'SL-1', acceptedOn: '2025-10-20', committedLimitDays: 10, committedDeadline: '2025-11-03' });

    const served = await soon(async () => {
      const view = await api.expect(200, 'GET', `/advance-services/${requestId}`, { as: 'applicant' });
      return view.linkedCases[0]?.acceptedOn ? view : undefined;
    });
    expect(served.service).toMatchObject({
      status: 'delivered',
      origin: 'requested_by_applicant',
      approach: 'on_site',
      kinds: ['site_survey', 'technical_consultation'],
      focuses: ['site_selection', 'process_layout'],
      schedule: { scheduledOn: '2025-10-10', staff: [{ userId: 'pd-gh-01', badge: 'PD-0456' }] },
      delivery: { completedOn: '2025-10-10', findings: ['危化品仓库与厂房间距不足'], issuesToAddress: ['调整仓库位置后再申报规划许可'] },
      linkedCases: [{ caseId, itemId: buildingPermit, receivedOn: '2025-10-20' }],
    });
    expect(served.linkedCases).toEqual([expect.objectContaining({ caseId, supplementRequests: 0, acceptedOn: '2025-10-20', acceptedFirstTime: true })]);

    // Analytics sees the link on the topic, to compare served and unserved applicants.
    const link = await soon(() => projects.onTopic.find((event) => event.type === 'projects.AdvanceServiceLinkedToCase'));
    expect(link.data).toMatchObject({ requestId, caseId, itemId: buildingPermit, applicant: { applicantId: PEOPLE.applicant.userId } });
    expect(projects.onTopic.filter((event) => event.type === 'projects.AdvanceServiceLinkedToCase')).toHaveLength(1);

    // Another applicant may not read it; the serving unit and supervisors may.
    await api.expect(403, 'GET', `/advance-services/${requestId}`, { as: 'otherApplicant' });
    await api.expect(200, 'GET', `/advance-services/${requestId}`, { as: 'planningClerk' });
  });

  it('is offered by the unit to a named applicant, and refuses approaches and kinds the item does not offer', async () => {
    projects.clock.set(at('2025-10-21'));
    const offer = await api.expect(201, 'POST', '/advance-services', {
      as: 'planningClerk',
      body: { itemId: siteGuidance, approach: 'full_tracking', kinds: ['site_survey'], subject: '全程跟踪新建厂房项目', applicant: { kind: 'enterprise', applicantId: '91310115MA1K4ABC12' } },
    });
    expect((await api.expect(200, 'GET', `/advance-services/${offer.requestId}`, { as: 'auditor' })).service.origin).toBe('offered_by_unit');

    // 全程跟踪 without target items follows the enterprise's later cases at the serving unit; this one needed a
    // supplement (一次告知) before acceptance, so it did not go through first time.
    const caseId = randomUUID();
    const applicant = { kind: 'APPLICANT_KIND_ENTERPRISE', applicantId: '91310115MA1K4ABC12' };
    // Published right after the offer, without waiting for the read model: the offer's lookup row is written with it.
    await projects.publish('cases.CaseReceived', `case-${caseId}`, 1, { caseId, itemId: buildingPermit, unitId: PUDONG_PLANNING, applicant, channel: 'CHANNEL_WINDOW', receivedOn: '2025-10-21' });
    await projects.publish('cases.MaterialsSupplementRequested', `case-${caseId}`, 2, { caseId, noticeNumber: 'BZ-1', requestNumber: 1, missingMaterials: [{ materialId: 'M1', name: '总平面图', reason: '缺少' }] });
    await projects.publish('cases.CaseAccepted', `case-${caseId}`, 3, { caseId, noticeNumber: 'SL-2', acceptedOn: '2025-10-23', committedLimitDays: 10, committedDeadline: '2025-11-06' });
    const tracked = await soon(async () => {
      const view = await api.expect(200, 'GET', `/advance-services/${offer.requestId}`, { as: 'planningClerk' });
      return view.linkedCases[0]?.acceptedOn ? view : undefined;
    });
    expect(tracked.linkedCases).toEqual([expect.objectContaining({ caseId, supplementRequests: 1, acceptedOn: '2025-10-23', acceptedFirstTime: false })]);

    const wrong = await api.call('POST', '/advance-services', { as: 'applicant', body: { itemId: siteGuidance, approach: 'early_involvement', kinds: ['testing'], subject: '检测' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.violations.map((v: { rule: string }) => v.rule)).toEqual(['approach-offered-by-item', 'kind-offered-by-item']);
    const notAdvance = await api.call('POST', '/advance-services', { as: 'applicant', body: { itemId: buildingPermit, approach: 'on_site', kinds: ['site_survey'], subject: '选址' } });
    expect(notAdvance.body.violations).toEqual([expect.objectContaining({ field: 'itemId', rule: 'advance-service-item' })]);
    // Staff of another unit cannot offer this unit's service.
    await api.expect(403, 'POST', '/advance-services', {
      as: 'pudongClerk',
      body: { itemId: siteGuidance, approach: 'on_site', kinds: ['site_survey'], subject: '选址', applicant: { kind: 'enterprise', applicantId: '91310115MA1K4ABC12' } },
    });
  });

  it('rebuilds its read model from position 0 to the same tables', () => expectRebuildToReproduce(projects));
});
