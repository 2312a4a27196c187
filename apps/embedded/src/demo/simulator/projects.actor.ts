import { DemoApiError } from '../demo-api';
import { applicant, badgeOf, reformOfficeFor, staffOf } from '../world/demo-people';
import { drawProject, type DemoProject } from '../world/demo-projects';
import type { CasesActor } from './cases.actor';
import type { Activity, Actor, SimulationContext } from './simulation-context';
import type { DirectoryUnit } from './world-directory';

/** What happens to a project on the list after its publication. */
type ProjectFate = 'lands' | 'target-changed' | 'change-refused' | 'delisted' | 'excluded' | 'exclusion-refused' | 'missed';

const FATE_WEIGHTS: Readonly<Record<ProjectFate, number>> = {
  lands: 60,
  'target-changed': 6,
  'change-refused': 3,
  delisted: 3,
  excluded: 7,
  'exclusion-refused': 3,
  missed: 18,
};

/** Serials for the simulator's own projects start far above the seeded ones. */
const FIRST_SERIAL = 5_000;

/**
 * The projects context: units register same-year projects (当年落地) and the reform office lists them
 * batch by batch; milestones, approved changes and exclusions follow, and the year is closed after its
 * end. Industrial projects plan their approvals and the enterprise applies for them as cases (within two
 * thirds of the statutory time, or flagged and coordinated); applicants are served before they apply
 * (提前服务) and their later cases are linked.
 */
export class ProjectsActor implements Actor {
  readonly context = 'projects';
  readonly requires = { service: 'projects', route: '/landing-lists/batches' };
  private serial = FIRST_SERIAL;

  constructor(private readonly cases: CasesActor) {}

  activities(): Activity[] {
    const project = (fate?: ProjectFate, attemptDirectChange = false) => (c: SimulationContext) => this.projectOnTheList(c, fate, attemptDirectChange);
    return [
      { name: 'project-showcase', weight: 0, run: project('lands', true) },
      { name: 'project-target-changed', weight: 0, run: project('target-changed') },
      { name: 'project-change-refused', weight: 0, run: project('change-refused') },
      { name: 'project-delisted', weight: 0, run: project('delisted') },
      { name: 'project-excluded', weight: 0, run: project('excluded') },
      { name: 'project-exclusion-refused', weight: 0, run: project('exclusion-refused') },
      { name: 'industrial-approval-at-risk', weight: 0, run: (c) => this.industrialApproval(c, true) },
      { name: 'year-end-closing', weight: 0, run: (c) => this.closeYears(c) },
      { name: 'project', weight: 1.5, run: project() },
      { name: 'industrial-approval', weight: 1, run: (c) => this.industrialApproval(c, false) },
      { name: 'advance-service', weight: 2, run: (c) => this.advanceService(c) },
    ];
  }

  /** Registered, corrected, listed; then what its fate says, spread over the working days after. */
  private async projectOnTheList(c: SimulationContext, fate: ProjectFate = c.draw.weighted(FATE_WEIGHTS), attemptDirectChange = c.draw.chance(0.05)): Promise<void> {
    const unit = this.listingUnit(c);
    // A target change goes from completion acceptance to starting work, which the project's documents allow.
    const changesTarget = fate === 'target-changed' || fate === 'change-refused';
    const { projectId, project } = await this.register(c, unit, changesTarget ? { target: 'completion_acceptance', readyForAcceptanceOn: c.today() } : {});
    const admin = staffOf(unit).admin;
    await c.api.put('projects', `/projects/${projectId}`, admin, { ...describe(project), name: `${project.name}（更正）`.slice(0, 200) });
    await this.publish(c, unit, [projectId], project.listingYear);
    c.count('projects.listed');
    if (attemptDirectChange) {
      try {
        await c.api.put('projects', `/projects/${projectId}`, admin, { ...describe(project), investmentTenThousandYuan: project.investmentTenThousandYuan * 2 });
      } catch (error) {
        if (!(error instanceof DemoApiError && error.status === 409)) throw error;
        c.count('projects.direct-changes-refused');
      }
    }
    await c.untilDay(c.workingDaysAfter(c.today(), c.draw.int(0, 3)));
    await c.pause();
    try {
      await this.playFate(c, fate, unit, projectId, project);
    } catch (error) {
      // The list's year was closed first (late December): nothing changes on it any more, as in life.
      if (!(error instanceof DemoApiError && error.code === 'year-closed')) throw error;
      c.count('projects.too-late-for-the-year');
    }
  }

  private async playFate(c: SimulationContext, fate: ProjectFate, unit: DirectoryUnit, projectId: string, project: DemoProject): Promise<void> {
    const admin = staffOf(unit).admin;
    const office = reformOfficeFor(unit.regionCode);
    const reference = () => `沪审改办〔${c.today().slice(0, 4)}〕${c.draw.int(1, 500)}号`;
    switch (fate) {
      case 'lands':
        await this.recordLanding(c, unit, projectId, project.target, project.listingYear);
        break;
      case 'target-changed':
      case 'change-refused': {
        const { changeRequestId } = await c.api.post<{ changeRequestId: string }>('projects', `/projects/${projectId}/change-requests`, admin, {
          change: 'target',
          target: 'start_or_open',
          reason: '项目续建部分已具备开工条件，调整为当年开工',
        });
        await c.pause();
        if (fate === 'target-changed') await c.api.post('projects', `/projects/${projectId}/change-requests/${changeRequestId}/approval`, office, { approvalReference: reference() });
        else await c.api.post('projects', `/projects/${projectId}/change-requests/${changeRequestId}/rejection`, office, { reason: '调整理由不充分' });
        c.count(`projects.${fate}`);
        break;
      }
      case 'delisted': {
        const { changeRequestId } = await c.api.post<{ changeRequestId: string }>('projects', `/projects/${projectId}/change-requests`, admin, { change: 'delisting', reason: '项目主体变更，撤出目录' });
        await c.pause();
        await c.api.post('projects', `/projects/${projectId}/change-requests/${changeRequestId}/approval`, office, { approvalReference: reference() });
        c.count('projects.delisted');
        break;
      }
      case 'excluded':
      case 'exclusion-refused': {
        const reason = c.draw.pick(['enterprise', 'policy_change', 'natural_conditions'] as const);
        const { exclusionRequestId } = await c.api.post<{ exclusionRequestId: string }>('projects', `/projects/${projectId}/exclusion-requests`, admin, {
          reason,
          explanation: reason === 'enterprise' ? '企业资金链调整，暂缓开工' : reason === 'policy_change' ? '所在区域规划调整' : '汛期连续降雨影响施工',
          evidence: [`情况说明〔${c.today()}〕`],
        });
        await c.pause();
        if (fate === 'excluded') await c.api.post('projects', `/projects/${projectId}/exclusion-requests/${exclusionRequestId}/approval`, office, { approvalReference: reference() });
        else await c.api.post('projects', `/projects/${projectId}/exclusion-requests/${exclusionRequestId}/rejection`, office, { reason: '证明材料不足，不予剔除' });
        c.count(`projects.${fate}`);
        break;
      }
      case 'missed':
        c.count('projects.left-to-miss');
        break;
    }
  }

  /** 开工/开业 or 竣工验收 recorded by the unit, dated within the list year. */
  private async recordLanding(c: SimulationContext, unit: DirectoryUnit, projectId: string, target: DemoProject['target'], listingYear: number): Promise<void> {
    const milestone = target === 'completion_acceptance' ? 'completion_accepted' : c.draw.chance(0.7) ? 'construction_started' : 'opened';
    await c.untilDay(`${listingYear}-01-01`); // a milestone counts from the list year's first day
    const today = c.today();
    await c.api.post('projects', `/projects/${projectId}/milestones`, c.draw.pick(staffOf(unit).clerks), {
      milestone,
      reachedOn: today.slice(0, 4) === String(listingYear) ? today : `${listingYear}-12-31`,
      evidenceDocumentNumber: `施许〔${listingYear}〕${c.draw.int(100, 999)}号`,
      evidenceDescription: milestone === 'completion_accepted' ? '竣工验收备案' : '施工许可证及开工报告',
    });
    c.count('projects.landed');
  }

  /**
   * 产业项目审批: an industrial project plans two approvals in two stages and its enterprise applies for
   * them. At risk: the pair is chosen so that a first approval run late breaks two thirds of the
   * statutory time; the first case runs past its committed deadline, the service flags the chain, and a
   * coordination meeting (会议协调) follows before the enterprise applies for the second.
   */
  private async industrialApproval(c: SimulationContext, atRisk: boolean): Promise<void> {
    const unit = this.listingUnit(c);
    const pair = atRisk ? await this.pairThatCanRunLate(c, unit) : c.draw.sample(this.approvalsFor(c, unit), 2).map((item) => item.itemId);
    const [first, second] = pair;
    if (!first || !second) return c.count('projects.no-approvals-to-plan');
    const { projectId, project } = await this.register(c, unit, { industrial: true, industry: '高端装备', name: `智能制造基地项目（${this.serial + 1}）` });
    const admin = staffOf(unit).admin;
    await c.api.put('projects', `/projects/${projectId}/approval-plan`, admin, {
      approvals: [
        { approvalId: 'A1', itemId: first, stage: 1 },
        { approvalId: 'A2', itemId: second, stage: 2 },
      ],
    });
    c.count('projects.approval-chains');
    // The service links the enterprise's cases through its read model of plans: let it see this one first.
    await c.pause(3);
    const enterprise = { kind: 'APPLICANT_KIND_ENTERPRISE' as const, applicantId: project.owner.applicantId };
    await this.cases.applyAtWindow(c, { fate: atRisk ? 'overdue' : 'early', denied: false, supplement: false }, { itemId: first, applicant: enterprise });
    if (atRisk) {
      await c.pause();
      const held = c.today();
      await c.api.post('projects', `/projects/${projectId}/coordination-meetings`, reformOfficeFor(unit.regionCode), {
        heldOn: held,
        topic: '产业项目审批协调会：第一阶段审批超出承诺时限',
        decisions: [{ decision: '第二阶段审批提前介入、并联办理', ownerUnitId: unit.unitId, dueOn: c.workingDaysAfter(held, 5) }],
      });
      c.count('projects.coordination-meetings');
    }
    await this.cases.applyAtWindow(c, { fate: 'early', denied: false }, { itemId: second, applicant: enterprise });
  }

  /** Items an industrial project of the unit's region can plan: those with a statutory limit (landing items first). */
  private approvalsFor(c: SimulationContext, unit: DirectoryUnit) {
    return c.world.applicable().filter((item) => item.kind === 'same_year_landing' && (item.regionCode === unit.regionCode || item.level === 'city'));
  }

  /**
   * Two approvals such that the first run to its statutory limit plus the second's commitment exceeds two
   * thirds of their statutory total: then a late first case makes the chain's forecast break the budget.
   */
  private async pairThatCanRunLate(c: SimulationContext, unit: DirectoryUnit): Promise<string[]> {
    const nearby = c.world.applicable().filter((item) => item.kind === 'on_the_spot' && (item.regionCode === unit.regionCode || item.level === 'city'));
    const candidates = await Promise.all(
      [...this.approvalsFor(c, unit), ...nearby]
        .slice(0, 30)
        .map(async (item) => ({ itemId: item.itemId, definition: await c.world.definition(item.itemId) })),
    );
    let best: { margin: number; pair: string[] } = { margin: 0, pair: [] };
    for (const a of candidates) {
      for (const b of candidates) {
        const statutoryA = a.definition.statutoryLimitDays ?? 0;
        const statutoryB = b.definition.statutoryLimitDays ?? 0;
        if (a === b || statutoryA === 0 || statutoryB === 0) continue;
        const margin = statutoryA + (b.definition.committedLimitDays ?? statutoryB) - Math.floor(((statutoryA + statutoryB) * 2) / 3);
        if (margin > best.margin) best = { margin, pair: [a.itemId, b.itemId] };
      }
    }
    return best.pair;
  }

  /** 提前服务: asked for by an applicant, scheduled and delivered by the unit; the applicant's later case is linked. */
  private async advanceService(c: SimulationContext): Promise<void> {
    const offered = c.world.items.filter((item) => item.kind === 'advance_service');
    if (offered.length === 0) return c.count('projects.no-advance-service-items');
    const item = c.draw.pick(offered);
    const definition = await c.world.definition(item.itemId);
    const target = c.world.applicable().find((candidate) => candidate.unitId === item.unitId && candidate.kind === 'on_the_spot');
    const person = applicant(c.draw.int(1, 5_000));
    const { requestId } = await c.api.post<{ requestId: string }>('projects', '/advance-services', person, {
      itemId: item.itemId,
      approach: c.draw.pick(definition.advanceServiceApproaches),
      kinds: c.draw.sample(definition.advanceServiceContents, c.draw.int(1, definition.advanceServiceContents.length)),
      subject: `${item.name}：申请前技术指导`.slice(0, 1000),
      ...(target ? { targetItemIds: [target.itemId] } : {}),
    });
    c.count('projects.advance-services-requested');
    const staff = staffOf(item);
    const clerk = c.draw.pick(staff.clerks);
    await c.pause();
    const scheduledOn = c.workingDaysAfter(c.today(), c.draw.int(0, 2));
    await c.api.post('projects', `/advance-services/${requestId}/schedule`, clerk, {
      scheduledOn,
      staff: staff.clerks.map((member) => ({ userId: member.userId, badge: badgeOf(member.userId) })),
      location: '项目现场',
    });
    await c.untilDay(scheduledOn);
    await c.pause();
    await c.api.post('projects', `/advance-services/${requestId}/delivery`, clerk, {
      deliveredOn: c.today(),
      summary: '现场踏勘并就申报材料逐项指导',
      findings: ['平面布局需调整消防通道'],
      advice: ['按指导意见完善材料后正式申报'],
    });
    c.count('projects.advance-services-delivered');
    if (target) await this.cases.applyAtWindow(c, { fate: 'early', supplement: false }, { itemId: target.itemId, applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId: person.userId } });
  }

  /** 年终认定: after each year's end the reform offices close the year's lists (once; the service refuses a second). */
  private async closeYears(c: SimulationContext): Promise<void> {
    for (;;) {
      const year = Number(c.today().slice(0, 4));
      await c.untilDay(`${year + 1}-01-01`);
      const lists = await c.api.get<{ batches: Array<{ level: string; regionCode: string }> }>('projects', `/public/landing-lists?year=${year}&regionCode=310000`);
      const seen = new Set<string>();
      for (const batch of lists.batches) {
        const key = `${batch.level}|${batch.regionCode}`;
        if (seen.has(key)) continue;
        seen.add(key);
        await c.api.post('projects', '/landing-lists/closing', reformOfficeFor(batch.regionCode), { level: batch.level, regionCode: batch.regionCode, listingYear: year });
        c.count('projects.lists-closed');
      }
    }
  }

  /** Registered without its 建设工程报建表, which is recorded afterwards (as units do when it is issued). */
  private async register(c: SimulationContext, unit: DirectoryUnit, overrides: Partial<DemoProject>): Promise<{ projectId: string; project: DemoProject }> {
    this.serial += 1;
    // In the last days of December a new project goes on next year's list, so that it is still listed in January.
    const listingYear = Number(c.workingDaysAfter(c.today(), 5).slice(0, 4));
    const drawn = { ...drawProject(c.draw, unit.regionCode, this.serial, c.today()), listingYear, ...overrides };
    const held = drawn.documents.filter((document) => document.kind !== 'construction_registration');
    const project: DemoProject = {
      ...drawn,
      documents: held.length > 0 ? held : [{ kind: 'project_approval', documentNumber: `沪发改〔${drawn.listingYear}〕${this.serial}号`, issuedOn: c.today() }],
    };
    const admin = staffOf(unit).admin;
    const { projectId } = await c.api.post<{ projectId: string }>('projects', '/projects', admin, project);
    await c.api.post('projects', `/projects/${projectId}/documents`, admin, { kind: 'construction_registration', documentNumber: `沪建报〔${project.listingYear}〕${this.serial}号`, issuedOn: c.today() });
    return { projectId, project };
  }

  private async publish(c: SimulationContext, unit: DirectoryUnit, projectIds: string[], listingYear: number): Promise<void> {
    // Another storyline may publish a batch of the same list at the same moment: the loser tries again.
    await c.retryingConflicts(() => c.api.post('projects', '/landing-lists/batches', reformOfficeFor(unit.regionCode), {
      level: unit.level,
      regionCode: unit.regionCode,
      listingYear,
      title: `${unit.regionCode === '310000' ? '上海市' : ''}${listingYear}年当年落地项目（增补，${c.today()}）`.slice(0, 200),
      projectIds,
    }), 10);
  }

  /** The unit that registers projects for a list: a 建设管理 unit of a district or the city. */
  private listingUnit(c: SimulationContext): DirectoryUnit {
    const builders = c.world.units.filter((unit) => (unit.level === 'district' || unit.level === 'city') && unit.unitId.endsWith('-zjw'));
    return c.draw.pick(builders.length > 0 ? builders : c.world.units.filter((unit) => unit.level === 'district'));
  }
}

/** What PUT /projects/:id takes: the description without the list year and documents. */
function describe(project: DemoProject) {
  const { listingYear: _year, documents: _documents, ...description } = project;
  return description;
}
