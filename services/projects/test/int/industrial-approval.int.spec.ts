import { randomUUID } from 'node:crypto';
import { WorkingDayCalendar } from '@sangeyipi/platform';
import { ApprovalRiskScanner } from '../../src/approval-chain/approval-risk.scanner';
import { expectRebuildToReproduce, listedProjects, PUDONG_PLANNING, projectRegistration, publishedItem, soon, startProjects, type ProjectsApi, type ProjectsUnderTest } from './projects-test-kit';

const calendar = new WorkingDayCalendar();
const at = (date: string) => `${date}T02:00:00Z`; // 10:00 in Shanghai

/** The cases context's events for one case of an enterprise, as its relay would publish them. */
class CaseOnKafka {
  readonly caseId = randomUUID();
  private version = 0;

  constructor(
    private readonly projects: ProjectsUnderTest,
    private readonly itemId: string,
    private readonly applicantId: string,
  ) {}

  private publish(type: string, data: object) {
    this.version += 1;
    return this.projects.publish(type, `case-${this.caseId}`, this.version, { caseId: this.caseId, ...data });
  }

  async receiveAndAccept(on: string, committedLimitDays: number): Promise<void> {
    this.projects.clock.set(at(on));
    await this.publish('cases.CaseReceived', {
      receiptVoucherNumber: `SJ-${this.caseId.slice(0, 6)}`,
      itemId: this.itemId,
      unitId: PUDONG_PLANNING,
      applicant: { kind: 'APPLICANT_KIND_ENTERPRISE', applicantId: this.applicantId },
      channel: 'CHANNEL_WINDOW',
      receivedOn: on,
    });
    await this.publish('cases.CaseAccepted', {
      noticeNumber: `SL-${this.caseId.slice(0, 6)}`,
      acceptedOn: on,
      committedLimitDays,
      committedDeadline: calendar.addWorkingDays(on, committedLimitDays),
    });
  }

  /** An expert review (§45) stops the clock from `from` to `to`, both days included. */
  async stopClock(from: string, to: string): Promise<void> {
    this.projects.clock.set(at(from));
    await this.publish('cases.ClockSuspended', { reason: 'SUSPENSION_REASON_EXPERT_REVIEW', description: '专家评审', applicantNotified: true, suspendedOn: from });
    this.projects.clock.set(at(to));
    await this.publish('cases.ClockResumed', { suspendedWorkingDays: 2, resumedAfter: to, reason: 'SUSPENSION_REASON_EXPERT_REVIEW', committedDeadline: calendar.addWorkingDays(from, 15) });
  }

  async approve(on: string): Promise<void> {
    this.projects.clock.set(at(on));
    await this.publish('cases.CaseDecided', { decision: 'DECISION_APPROVED', legalBasis: '《城乡规划法》第四十条' });
  }
}

async function chainOf(api: ProjectsApi, projectId: string) {
  return (await api.expect(200, 'GET', `/projects/${projectId}`, { as: 'pudongUnitAdmin' })).approvalChain;
}

describe('an industrial project’s approvals (产业项目审批)', () => {
  let projects: ProjectsUnderTest;
  let api: ProjectsApi;
  const planning = randomUUID(); // 建设工程规划许可: statutory 20, committed 15
  const land = randomUUID(); // 建设用地规划许可: statutory 15, committed 12
  const construction = randomUUID(); // 施工许可: statutory 10, committed 8
  const quickPlanning = randomUUID(); // 规划许可（告知承诺）: statutory 20, committed 10

  beforeAll(async () => {
    projects = await startProjects(at('2025-10-09'));
    api = projects.api;
    const items: [string, string, number, number][] = [
      [planning, '建设工程规划许可证核发', 20, 15],
      [land, '建设用地规划许可证核发', 15, 12],
      [construction, '建筑工程施工许可证核发', 10, 8],
      [quickPlanning, '建设工程规划许可（告知承诺）', 20, 10],
    ];
    for (const [itemId, name, statutoryLimitDays, committedLimitDays] of items) {
      await projects.publish('catalog.CatalogItemPublished', `catalog-item-${itemId}`, 1, publishedItem(itemId, PUDONG_PLANNING, { name, statutoryLimitDays, committedLimitDays }));
    }
  });

  afterAll(() => projects?.close());

  /** Lists an industrial project of `enterprise` and plans its approvals once the catalog copy has the items. */
  async function plannedProject(enterprise: string, approvals: { approvalId: string; itemId: string; stage: number }[]) {
    const [projectId] = await listedProjects(api, [projectRegistration({ name: `产业项目 ${enterprise}`, industrial: true, owner: { kind: 'enterprise', applicantId: enterprise } })]);
    const plan = await soon(async () => {
      const response = await api.call('PUT', `/projects/${projectId}/approval-plan`, { as: 'pudongUnitAdmin', body: { approvals } });
      return response.status === 200 ? response.body : undefined; // 400 until the catalog events are in the local copy
    });
    // No waiting for the read model: the plan's slots are written with it, so its cases may come at once.
    return { projectId, plan };
  }

  it('runs parallel approvals (同步审批) from linked cases and finishes within two thirds of the statutory time', async () => {
    const enterprise = '91310115MA1PARALL1';
    const { projectId, plan } = await plannedProject(enterprise, [
      { approvalId: 'planning', itemId: planning, stage: 1 },
      { approvalId: 'land', itemId: land, stage: 1 },
      { approvalId: 'construction', itemId: construction, stage: 2 },
    ]);
    expect(plan.assessment).toMatchObject({ statutoryTotalDays: 45, budgetDays: 30, elapsedDays: 0, forecastDays: 15 + 8, atRisk: false });

    const planningCase = new CaseOnKafka(projects, planning, enterprise);
    const landCase = new CaseOnKafka(projects, land, enterprise);
    await planningCase.receiveAndAccept('2025-11-03', 15);
    await landCase.receiveAndAccept('2025-11-03', 12);
    await soon(async () => (await chainOf(api, projectId)).approvals.every((approval: { stage: number; runs: { acceptedOn: string | null }[] }) => approval.stage === 2 || approval.runs[0]?.acceptedOn));
    await planningCase.stopClock('2025-11-06', '2025-11-07');
    await planningCase.approve('2025-11-14');
    await landCase.approve('2025-11-12');
    await soon(async () => (await chainOf(api, projectId)).approvals.filter((approval: { runs: { outcome: string }[] }) => approval.runs[0]?.outcome === 'approved').length === 2);

    const constructionCase = new CaseOnKafka(projects, construction, enterprise);
    await constructionCase.receiveAndAccept('2025-11-17', 8);
    await soon(async () => (await chainOf(api, projectId)).approvals.find((approval: { approvalId: string }) => approval.approvalId === 'construction').runs[0]?.acceptedOn);
    await constructionCase.approve('2025-11-21');

    const completed = await soon(async () => {
      const chain = await chainOf(api, projectId);
      return chain.completedOn ? chain : undefined;
    });
    // 4–14 Nov (the two parallel approvals, counted once; the land case ran while the planning clock stood
    // still for the expert review on 6–7 Nov): 9 working days; 18–21 Nov: 4.
    expect(completed).toMatchObject({ completedOn: '2025-11-21', elapsedDays: 13, statutoryTotalDays: 45, budgetDays: 30, flaggedOn: null });
    expect(completed.approvals.find((approval: { approvalId: string }) => approval.approvalId === 'planning').runs).toEqual([
      expect.objectContaining({ caseId: planningCase.caseId, acceptedOn: '2025-11-03', stops: [{ start: '2025-11-06', end: '2025-11-07' }], endedOn: '2025-11-14', outcome: 'approved' }),
    ]);
    const event = await soon(() => projects.onTopic.find((e) => e.type === 'projects.IndustrialApprovalChainCompleted' && e.streamId === `project-${projectId}`));
    expect(event.data).toMatchObject({ elapsedDays: 13, withinTwoThirds: true });
  });

  it('flags a chain that will not finish within two thirds while there is time to act, then records the coordination meeting', async () => {
    const enterprise = '91310115MA1LATE001';
    projects.clock.set(at('2025-10-20'));
    const { projectId, plan } = await plannedProject(enterprise, [
      { approvalId: 'planning', itemId: quickPlanning, stage: 1 },
      { approvalId: 'construction', itemId: construction, stage: 2 },
    ]);
    expect(plan.assessment).toMatchObject({ statutoryTotalDays: 30, budgetDays: 20, forecastDays: 18, atRisk: false });

    const planningCase = new CaseOnKafka(projects, quickPlanning, enterprise);
    await planningCase.receiveAndAccept('2025-11-03', 10); // committed deadline 17 Nov
    await soon(async () => (await chainOf(api, projectId)).approvals[0].runs[0]?.acceptedOn === '2025-11-03');
    const scanner = projects.service.app.get(ApprovalRiskScanner);
    // The scanner takes its candidates from the read model (a chain it misses now it meets at its next round):
    // wait until the read model has the chain, so that both scans below really assess it.
    await soon(async () =>
      (await api.expect(200, 'GET', '/projects', { as: 'pudongUnitAdmin' })).projects.some((p: { projectId: string; approvalChain: unknown }) => p.projectId === projectId && p.approvalChain),
    );

    // On the deadline day the case may still be decided in time: 10 + 0 + 8 = 18 ≤ 20.
    projects.clock.set(at('2025-11-17'));
    await scanner.scanOnce();
    expect((await chainOf(api, projectId)).flaggedOn).toBeNull();

    // The next working day it is late: 11 days used, up to 9 more of its statutory 20, then 8 → 28 > 20,
    // flagged with 9 working days of the budget left.
    projects.clock.set(at('2025-11-18'));
    await scanner.scanOnce();
    const flagged = await chainOf(api, projectId);
    expect(flagged).toMatchObject({ flaggedOn: '2025-11-18', elapsedDays: 11, forecastDays: 28, budgetDays: 20, atRisk: true });
    const onTopic = await soon(() => projects.onTopic.find((e) => e.type === 'projects.IndustrialApprovalAtRisk' && e.streamId === `project-${projectId}`));
    expect(onTopic.data).toMatchObject({ flaggedOn: '2025-11-18', elapsedDays: 11, forecastDays: 28, openApprovalIds: ['planning', 'construction'] });
    await scanner.scanOnce();
    expect(projects.onTopic.filter((e) => e.type === 'projects.IndustrialApprovalAtRisk' && e.streamId === `project-${projectId}`)).toHaveLength(1);

    // Supervisors find it among the flagged chains; the reform office convenes a coordination meeting (会议协调).
    const atRisk = await soon(async () => {
      const list = await api.expect(200, 'GET', '/projects?atRisk=true', { as: 'citySupervisor' });
      return list.projects.some((p: { projectId: string }) => p.projectId === projectId) ? list : undefined;
    });
    expect(atRisk.projects.map((p: { projectId: string }) => p.projectId)).toEqual([projectId]);
    await api.expect(201, 'POST', `/projects/${projectId}/coordination-meetings`, {
      as: 'pudongReformOffice',
      body: { heldOn: '2025-11-18', topic: '规划许可超期协调', decisions: [{ decision: '规划资源局2个工作日内作出决定', ownerUnitId: PUDONG_PLANNING, dueOn: '2025-11-20' }] },
    });
    expect((await chainOf(api, projectId)).meetings).toEqual([
      expect.objectContaining({ heldOn: '2025-11-18', decisions: [{ decision: '规划资源局2个工作日内作出决定', ownerUnitId: PUDONG_PLANNING, dueOn: '2025-11-20' }] }),
    ]);
  });

  it('rebuilds its read model from position 0 to the same tables', () => expectRebuildToReproduce(projects));
});
