import { DataSource } from 'typeorm';
import { YearEndCloser } from '../../src/landing-list/year-end-closer';
import { expectRebuildToReproduce, listedProjects, PEOPLE, projectRegistration, ProjectsApi, soon, startProjects, type ProjectsUnderTest } from './projects-test-kit';

const SEPTEMBER = '2025-09-01T02:00:00Z'; // 10:00 in Shanghai
const NEW_YEAR = '2026-01-05T02:00:00Z';

async function yearClosedEvents(dataSource: DataSource): Promise<{ stream_id: string; outcome: string }[]> {
  return dataSource.query(`SELECT stream_id, data->>'outcome' AS outcome FROM events WHERE event_type = 'projects.ProjectYearClosed' ORDER BY stream_id`);
}

describe('a same-year landing list (当年落地目录) through its year', () => {
  let projects: ProjectsUnderTest;
  let api: ProjectsApi;

  beforeAll(async () => {
    projects = await startProjects(SEPTEMBER);
    api = projects.api;
  });

  afterAll(() => projects?.close());

  it('takes a project from listing to landing, misses one, excludes one only with approval, and closes the year once even from two replicas', async () => {
    const [landing, missing, excluded, exclusionRefused] = await listedProjects(api, [
      projectRegistration({ name: '临港智能制造基地' }),
      projectRegistration({ name: '张江研发中心' }),
      projectRegistration({ name: '外高桥物流园' }),
      projectRegistration({ name: '金桥汽车零部件厂', target: 'completion_acceptance', documents: [], readyForAcceptanceOn: '2025-08-15' }),
    ]);

    // The public sees the list and each project's status, without a token.
    const published = await soon(async () => {
      const lists = await api.expect(200, 'GET', '/public/landing-lists?level=district&regionCode=310115&year=2025');
      return lists.batches[0]?.projects.length === 4 ? lists : undefined;
    });
    expect(published.batches[0]).toMatchObject({ batchNumber: 1, title: '浦东新区2025年当年落地项目目录', regionCode: '310115' });

    // Landing: construction starts in November, with evidence, recorded by a clerk of the unit.
    projects.clock.set('2025-11-21T02:00:00Z');
    await api.expect(201, 'POST', `/projects/${landing}/milestones`, {
      as: 'pudongClerk',
      body: { milestone: 'construction_started', reachedOn: '2025-11-20', evidenceDocumentNumber: '3101152025112001', evidenceDescription: '施工许可证及开工照片' },
    });
    await soon(async () => (await api.expect(200, 'GET', `/public/projects/${landing}`)).landedOn === '2025-11-20');

    // An exclusion request alone does not take a project out of the rate; the reform office's approval does.
    const { exclusionRequestId } = await api.expect(201, 'POST', `/projects/${excluded}/exclusion-requests`, {
      as: 'pudongUnitAdmin',
      body: { reason: 'natural_conditions', explanation: '台风导致场地积水，无法施工', evidence: ['气象部门台风预警记录'] },
    });
    expect((await api.expect(200, 'GET', `/projects/${excluded}`, { as: 'pudongUnitAdmin' })).exclusion).toBeNull();
    await api.expect(403, 'POST', `/projects/${excluded}/exclusion-requests/${exclusionRequestId}/approval`, { as: 'huangpuReformOffice', body: { approvalReference: 'x' } });
    await api.expect(200, 'POST', `/projects/${excluded}/exclusion-requests/${exclusionRequestId}/approval`, { as: 'pudongReformOffice', body: { approvalReference: '浦审改办〔2025〕60号' } });
    const refusedRequest = await api.expect(201, 'POST', `/projects/${exclusionRefused}/exclusion-requests`, {
      as: 'pudongUnitAdmin',
      body: { reason: 'enterprise', explanation: '企业资金未到位', evidence: ['企业说明'] },
    });
    await api.expect(200, 'POST', `/projects/${exclusionRefused}/exclusion-requests/${refusedRequest.exclusionRequestId}/rejection`, { as: 'pudongReformOffice', body: { reason: '证据不足' } });

    // 31 December: the year is not over yet.
    projects.clock.set('2025-12-31T15:59:00Z'); // 23:59 in Shanghai
    const early = await api.call('POST', '/landing-lists/closing', { as: 'pudongReformOffice', body: { level: 'district', regionCode: '310115', listingYear: 2025 } });
    expect(early).toMatchObject({ status: 409, body: { code: 'year-not-over' } });

    // Two replicas close the year at the same moment: each project gets exactly one ProjectYearClosed.
    projects.clock.set(NEW_YEAR);
    const replica = await projects.startReplica();
    const replicaApi = new ProjectsApi((await replica.getUrl()).replace('[::1]', '127.0.0.1'));
    const close = (on: ProjectsApi) => on.expect(200, 'POST', '/landing-lists/closing', { as: 'pudongReformOffice', body: { level: 'district', regionCode: '310115', listingYear: 2025 } });
    const [first, second] = await Promise.all([close(api), close(replicaApi)]);
    expect([first.closedNow, second.closedNow].sort()).toEqual([false, true]);
    for (const answer of [first, second]) expect(answer).toMatchObject({ listed: 4, landed: 1, missed: 2, excluded: 1, closedOn: '2026-01-05' });
    expect((await close(api)).closedNow).toBe(false);

    const dataSource = projects.service.app.get(DataSource);
    expect(await yearClosedEvents(dataSource)).toEqual(
      [
        { stream_id: `project-${landing}`, outcome: 'YEAR_OUTCOME_LANDED' },
        { stream_id: `project-${missing}`, outcome: 'YEAR_OUTCOME_MISSED' },
        { stream_id: `project-${excluded}`, outcome: 'YEAR_OUTCOME_EXCLUDED' },
        { stream_id: `project-${exclusionRefused}`, outcome: 'YEAR_OUTCOME_MISSED' },
      ].sort((a, b) => a.stream_id.localeCompare(b.stream_id)),
    );

    // Supervision and analytics receive them on the topic, once each.
    const closedOnTopic = await soon(() => {
      const closed = projects.onTopic.filter((event) => event.type === 'projects.ProjectYearClosed');
      return closed.length >= 4 && projects.onTopic.some((event) => event.type === 'projects.LandingListYearClosed') ? closed : undefined;
    });
    expect(new Set(closedOnTopic.map((event) => event.eventId)).size).toBe(4);
    expect(closedOnTopic.find((event) => event.streamId === `project-${landing}`)?.data).toMatchObject({ listingYear: 2025, unitId: PEOPLE.pudongUnitAdmin.unitId, regionCode: '310115' });

    const outcome = await soon(async () => {
      const view = await api.expect(200, 'GET', `/public/projects/${missing}`);
      return view.yearOutcome ? view : undefined;
    });
    expect(outcome).toMatchObject({ yearOutcome: 'missed', landedOn: null });
  });

  it('refuses to change a listed project without approval, records the attempt, and changes it through an approved change request', async () => {
    projects.clock.set('2025-10-10T02:00:00Z');
    // The 2025 list is closed by the test before: this project is on the 2026 list, prepared at the end of 2025.
    const [projectId] = await listedProjects(api, [projectRegistration({ name: '临港新能源电池厂', listingYear: 2026 })], 2026);

    const direct = await api.call('PUT', `/projects/${projectId}`, { as: 'pudongUnitAdmin', body: { ...projectRegistration({ target: 'completion_acceptance', readyForAcceptanceOn: '2025-09-01' }), listingYear: undefined, documents: undefined } });
    expect(direct).toMatchObject({ status: 409, body: { code: 'listed-project-changes-by-approval-only' } });
    const attempt = await soon(() => projects.onTopic.find((event) => event.type === 'projects.ProjectUnauthorizedChangeAttempted' && event.streamId === `project-${projectId}`));
    expect(attempt.data).toMatchObject({ projectId, attemptedByUserId: PEOPLE.pudongUnitAdmin.userId, regionCode: '310115' });
    expect(attempt.data).toMatchObject({ attemptedChange: expect.stringContaining('target') });
    // Another district's unit admin is not even allowed to try: 403, nothing recorded.
    await api.expect(403, 'PUT', `/projects/${projectId}`, { as: 'huangpuUnitAdmin', body: { ...projectRegistration(), listingYear: undefined, documents: undefined } });
    expect((await api.expect(200, 'GET', `/projects/${projectId}`, { as: 'pudongUnitAdmin' })).target).toBe('start_or_open');

    // Leaving the list goes through the reform office.
    const { changeRequestId } = await api.expect(201, 'POST', `/projects/${projectId}/change-requests`, { as: 'pudongUnitAdmin', body: { change: 'delisting', reason: '企业终止投资' } });
    await api.expect(409, 'POST', `/projects/${projectId}/change-requests`, { as: 'pudongUnitAdmin', body: { change: 'delisting', reason: '再次申请' } });
    await api.expect(200, 'POST', `/projects/${projectId}/change-requests/${changeRequestId}/approval`, { as: 'cityReformOffice', body: { approvalReference: '沪审改办〔2025〕9号' } });
    const after = await api.expect(200, 'GET', `/projects/${projectId}`, { as: 'citySupervisor' });
    expect(after).toMatchObject({ status: 'delisted', openChangeRequest: null });
    await soon(async () => (await api.expect(200, 'GET', `/public/projects/${projectId}`)).status === 'delisted');
  });

  it('answers 400 naming the field for a project that does not qualify, and for a batch of another list', async () => {
    projects.clock.set('2025-10-10T02:00:00Z');
    const noDocuments = await api.call('POST', '/projects', { as: 'pudongUnitAdmin', body: projectRegistration({ documents: [] }) });
    expect(noDocuments.status).toBe(400);
    expect(noDocuments.body.violations).toEqual([{ field: 'documents', rule: 'documents-required-for-start-or-open', reasons: [expect.any(String)] }]);
    const outsideSite = await api.call('POST', '/projects', { as: 'pudongUnitAdmin', body: projectRegistration({ siteRegionCode: '310101' }) });
    expect(outsideSite.body.violations).toEqual([expect.objectContaining({ field: 'siteRegionCode', rule: 'site-within-list-region' })]);
    const malformed = await api.call('POST', '/projects', { as: 'pudongUnitAdmin', body: projectRegistration({ target: 'sometime' }) });
    expect(malformed.status).toBe(400);
    expect(malformed.body.violations[0].field).toBe('target');

    const { projectId } = await api.expect(201, 'POST', '/projects', { as: 'pudongUnitAdmin', body: projectRegistration() });
    const cityList = await api.call('POST', '/landing-lists/batches', {
      as: 'cityReformOffice',
      body: { level: 'city', regionCode: '310000', listingYear: 2025, title: '上海市2025年当年落地项目目录', projectIds: [projectId] },
    });
    expect(cityList.status).toBe(400);
    expect(cityList.body.violations).toEqual([expect.objectContaining({ field: 'projectIds[0]', rule: 'project-in-list' })]);
    const unknown = await api.call('GET', '/projects/not-a-uuid', { as: 'auditor' });
    expect(unknown.status).toBe(400);
  });

  it('closes a list the reform office left open once the grace days into the new year are over', async () => {
    projects.clock.set('2026-03-02T02:00:00Z');
    const [projectId] = await listedProjects(api, [projectRegistration({ name: '康桥工业区厂房改造', listingYear: 2026 })], 2026);
    // The closer finds open lists in the read model: wait until it has the 2026 batch.
    await soon(async () =>
      (await api.expect(200, 'GET', '/public/landing-lists?year=2026&regionCode=310115')).batches.some((batch: { projects: { projectId: string }[] }) =>
        batch.projects.some((project) => project.projectId === projectId),
      ),
    );
    const closer = projects.service.app.get(YearEndCloser);

    projects.clock.set('2027-01-15T02:00:00Z'); // the 15th grace day: not yet
    expect(await closer.closeDueLists()).toBe(0);
    projects.clock.set('2027-01-16T02:00:00Z');
    expect(await closer.closeDueLists()).toBe(1);
    await soon(async () => (await api.expect(200, 'GET', `/public/projects/${projectId}`)).yearOutcome === 'missed');
    const closed = await soon(() => projects.onTopic.find((event) => event.type === 'projects.ProjectYearClosed' && event.streamId === `project-${projectId}`));
    expect(closed.actor).toMatchObject({ userId: 'system:year-end-closer', role: 'system' });
    await soon(async () => (await closer.closeDueLists()) === 0 && (await api.expect(200, 'GET', '/public/landing-lists?year=2026&regionCode=310115')).batches.length > 0);
    const dataSource = projects.service.app.get(DataSource);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM events WHERE event_type = 'projects.ProjectYearClosed' AND stream_id = $1`, [`project-${projectId}`])).toEqual([{ n: 1 }]);
  });

  it('rebuilds its read model from position 0 to the same tables', () => expectRebuildToReproduce(projects));
});
