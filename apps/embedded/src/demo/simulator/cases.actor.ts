import { DemoApiError } from '../demo-api';
import { defined } from '../defined';
import { applicant, badgeOf, staffOf, type DemoPerson } from '../world/demo-people';
import { CONSULTATION_TOPICS } from '../world/demo-vocabulary';
import type { DemoItemDefinition } from '../world/demo-world';
import { DEFAULT_FATE_SHARES, outcomeOf, planCase, type CaseFateShares, type CasePlan, type PlanOverrides } from './case-plan';
import type { Activity, Actor, SimulationContext } from './simulation-context';
import type { DirectoryItem } from './world-directory';

const APPLICANT_POOL = 5_000;
const STEP_NAMES = { handle: 'APPROVAL_STEP_HANDLE', review: 'APPROVAL_STEP_REVIEW', decide: 'APPROVAL_STEP_DECIDE' } as const;
const STEP_OPINIONS = { handle: '材料齐全，符合法定形式，拟同意', review: '经审核，符合规定条件', decide: '同意' } as const;
export interface WindowOptions {
  /** Only items on the 告知承诺 route. */
  commitmentOnly?: boolean;
  /** A clerk tries to charge an expedite fee first. */
  chargeAttempt?: boolean;
  /** This item rather than a random one. */
  itemId?: string;
  /** This applicant rather than a random one of the pool. */
  applicant?: { kind: 'APPLICANT_KIND_PERSON' | 'APPLICANT_KIND_ENTERPRISE'; applicantId: string };
}

/** How an application ended: refused at acceptance, or decided (and delivered). */
export interface CaseEnd {
  caseId: string;
  outcome: 'refused' | 'approved' | 'denied';
}

const NOT_ON_THE_SPOT_REASON = '需补正材料后办理，未能当场办结';
const SUSPENSION_REASONS = ['SUSPENSION_REASON_TESTING', 'SUSPENSION_REASON_EXPERT_REVIEW', 'SUSPENSION_REASON_INSPECTION', 'SUSPENSION_REASON_HEARING', 'SUSPENSION_REASON_APPRAISAL'] as const;
/** Times the simulator tries an item the cases service does not know yet (its catalog copy follows catalog events). */
const ITEM_NOT_YET_COPIED_TRIES = 40;

interface Unit {
  unitId: string;
  regionCode: string;
}

/** An open case the simulator is working on, and who is responsible for it now. */
interface OpenCase {
  unitId: string;
  responsible: DemoPerson;
  /** Responsibility moved to the named backup (AB角): the backup's steps say so. */
  actingAsBackup: boolean;
}

/**
 * The cases context: applicants at the window and online, clerks, reviewers and deciders of the
 * units, and their unit admins. Each application is one storyline from receipt to delivery, planned
 * up front (case-plan.ts) and played out on the services' working days.
 */
export class CasesActor implements Actor {
  readonly context = 'cases';
  private readonly open = new Map<string, OpenCase>();
  private documents = 0;

  constructor(private readonly shares: CaseFateShares = DEFAULT_FATE_SHARES) {}

  activities(): Activity[] {
    return [
      // The opening round shows every episode and every fate once; weight 0: never drawn afterwards.
      { name: 'showcase-application', weight: 0, run: (c) => this.applyAtWindow(c, { fate: 'early', supplement: true, suspension: true, assistance: true, handover: true }) },
      { name: 'online-application-with-notice', weight: 0, run: (c) => this.onlineApplication(c, { supplement: true }) },
      { name: 'on-time-application', weight: 0, run: (c) => this.applyAtWindow(c, { fate: 'on-time' }) },
      { name: 'overdue-application', weight: 0, run: (c) => this.applyAtWindow(c, { fate: 'overdue', supplement: false }) },
      { name: 'refused-application', weight: 0, run: (c) => this.applyAtWindow(c, { fate: 'refused' }) },
      { name: 'window-application', weight: 50, run: (c) => this.applyAtWindow(c) },
      { name: 'online-application', weight: 22, run: (c) => this.onlineApplication(c) },
      { name: 'commitment-application', weight: 5, run: (c) => this.applyAtWindow(c, { commitmentSigned: true, fate: 'early' }, { commitmentOnly: true }) },
      { name: 'consultation', weight: 10, run: (c) => this.consultation(c) },
      { name: 'forbidden-charge', weight: 0.5, run: (c) => this.applyAtWindow(c, { fate: 'early' }, { chargeAttempt: true }) },
      { name: 'absence', weight: 1.5, run: (c) => this.absence(c) },
    ];
  }

  /**
   * 窗口收件: received at the window, perhaps one notice of missing materials, then accepted or refused,
   * and on to delivery. Other actors use it for an applicant of theirs (an enterprise applying for an
   * approval of its project, an applicant served in advance): it answers how the case ended.
   */
  async applyAtWindow(c: SimulationContext, overrides: PlanOverrides = {}, options: WindowOptions = {}): Promise<CaseEnd | undefined> {
    const picked = await this.itemForWindow(c, options);
    if (!picked) {
      c.count('cases.no-item-open-today');
      return undefined;
    }
    const { item, definition } = picked;
    const unit: Unit = { unitId: item.unitId, regionCode: item.regionCode };
    const plan = planCase(c.draw, plannedItem(definition), this.shares, overrides);
    const applicantRef = options.applicant ?? { kind: c.draw.chance(0.4) ? 'APPLICANT_KIND_ENTERPRISE' : 'APPLICANT_KIND_PERSON', applicantId: this.someApplicant(c).userId };
    const clerk = c.draw.pick(staffOf(unit).clerks);
    const materials = materialsFor(definition, plan);
    const receipt = await this.untilItemCopied(c, () =>
      c.api.post<{ caseId: string; receiptVoucher: { receivedOn: string } }>('cases', '/cases', clerk, {
        itemId: item.itemId,
        applicant: applicantRef,
        channel: 'CHANNEL_WINDOW',
        materials,
        commitmentSigned: plan.commitmentSigned || undefined,
        badge: badgeOf(clerk.userId),
      }),
    );
    const { caseId } = receipt;
    c.count('cases.received.window');
    this.open.set(caseId, { unitId: unit.unitId, responsible: clerk, actingAsBackup: false });
    try {
      if (options.chargeAttempt) await this.attemptForbiddenCharge(c, caseId, clerk);
      if (plan.supplement) {
        await c.pause();
        await c.api.post('cases', `/cases/${caseId}/supplement-requests`, clerk, { missingMaterials: missingOf(c, materials) });
        c.count('cases.one-time-notices');
        await c.untilDay(c.workingDaysAfter(c.today(), c.draw.int(0, 1))); // the applicant comes back with them
        await c.api.post('cases', `/cases/${caseId}/amendments`, clerk, { description: '申请人按一次告知补齐材料', materials: materials.slice(0, 1) });
      }
      await c.pause();
      if (plan.fate === 'refused') {
        await c.api.post('cases', `/cases/${caseId}/acceptance-refusal`, clerk, { reason: '申请事项依法不需要取得行政许可', legalBasis: '《中华人民共和国行政许可法》第三十二条第一款' });
        c.count('cases.refused');
        return { caseId, outcome: 'refused' };
      }
      await c.api.post('cases', `/cases/${caseId}/acceptance`, clerk, {});
      c.count('cases.accepted');
      await this.handle(c, caseId, unit, definition, plan, receipt.receiptVoucher.receivedOn, applicantRef.applicantId);
      return { caseId, outcome: plan.denied ? 'denied' : 'approved' };
    } finally {
      this.open.delete(caseId);
    }
  }

  /** The item asked for (on its next working day unless it has holiday service), or a random one open today. */
  private async itemForWindow(c: SimulationContext, options: WindowOptions): Promise<{ item: DirectoryItem; definition: DemoItemDefinition } | undefined> {
    if (options.itemId) {
      const item = c.world.items.find((candidate) => candidate.itemId === options.itemId);
      if (!item) return undefined;
      const definition = await c.world.definition(item.itemId);
      if (!definition.holidayService) await c.untilDay(c.nextWorkingDay());
      return { item, definition };
    }
    const working = c.isWorkingDay();
    return c.world.pickItem(
      c.draw,
      (definition) => (working || definition.holidayService) && (!options.commitmentOnly || definition.approvalRoute === 'notification_commitment') && withinCalendar(c, definition),
    );
  }

  /** 网上申报 → 网上预审 (perhaps one notice, the applicant amends) → the applicant comes to the window. */
  private async onlineApplication(c: SimulationContext, overrides: PlanOverrides = {}): Promise<void> {
    const picked = await c.world.pickItem(c.draw, (definition) => definition.onlineApplication && withinCalendar(c, definition));
    if (!picked) return c.count('cases.no-online-item');
    const { item, definition } = picked;
    const unit: Unit = { unitId: item.unitId, regionCode: item.regionCode };
    // Online applications are not refused at acceptance: an incomplete one is sent back in pre-review.
    const plan = planCase(c.draw, plannedItem(definition), { ...this.shares, refused: 0 }, overrides);
    const person = this.someApplicant(c);
    const materials = materialsFor(definition, plan);
    const { caseId } = await this.untilItemCopied(c, () => c.api.post<{ caseId: string }>('cases', '/online-applications', person, { itemId: item.itemId, materials }));
    c.count('cases.submitted.online');
    const clerk = c.draw.pick(staffOf(unit).clerks);
    this.open.set(caseId, { unitId: unit.unitId, responsible: clerk, actingAsBackup: false });
    try {
      await c.pause();
      if (plan.supplement) {
        await c.api.post('cases', `/online-applications/${caseId}/pre-review`, clerk, { outcome: 'materials-missing', missingMaterials: missingOf(c, materials) });
        c.count('cases.one-time-notices');
        await c.pause();
        await c.api.post('cases', `/online-applications/${caseId}/amendments`, person, { description: '按一次告知补传材料', materials });
        await c.pause();
      }
      await c.api.post('cases', `/online-applications/${caseId}/pre-review`, clerk, { outcome: 'complete' });
      await c.untilDay(c.workingDaysAfter(c.today(), c.draw.int(0, 1)));
      const accepted = await c.api.post<{ receiptVoucher: { receivedOn: string } }>('cases', `/online-applications/${caseId}/window-acceptance`, clerk, { badge: badgeOf(clerk.userId) });
      c.count('cases.accepted');
      await this.handle(c, caseId, unit, definition, plan, accepted.receiptVoucher.receivedOn, person.userId);
    } finally {
      this.open.delete(caseId);
    }
  }

  /** From acceptance to delivery: assistance, handover, suspension, the steps by different people, document. */
  private async handle(c: SimulationContext, caseId: string, unit: Unit, definition: DemoItemDefinition, plan: CasePlan, receivedOn: string, applicantId: string): Promise<void> {
    const acceptedOn = c.today();
    const staff = staffOf(unit);
    const tracked = defined(this.open.get(caseId), `case ${caseId} among the open cases`);
    if (plan.assistance) await this.askAssistance(c, caseId, unit, tracked.responsible);
    if (plan.handover) {
      await c.pause();
      const colleague = defined(staff.clerks.find((clerk) => clerk.userId !== tracked.responsible.userId), 'a second clerk');
      await c.retryingConflicts(() => c.api.post('cases', `/cases/${caseId}/handover`, tracked.responsible, { toUserId: colleague.userId, note: '转交专业窗口办理' }));
      Object.assign(tracked, { responsible: colleague, actingAsBackup: false });
      c.count('cases.handovers');
    }
    let suspendedDays = 0;
    if (plan.suspension) {
      await c.untilDay(c.workingDaysAfter(acceptedOn, plan.suspension.afterDays));
      await c.pause();
      const clerk = tracked.responsible;
      await c.retryingConflicts(() =>
        c.api.post('cases', `/cases/${caseId}/suspensions`, clerk, { reason: c.draw.pick(SUSPENSION_REASONS), description: '委托第三方检测机构出具报告，期间不计入办理时限', applicantNotified: true }),
      );
      const suspendedOn = c.today();
      // Resumed on the last day the clock stands still.
      await c.untilDay(c.workingDaysAfter(suspendedOn, plan.suspension.forDays - 1));
      await c.pause();
      await c.retryingConflicts(() => c.api.post('cases', `/cases/${caseId}/resumption`, tracked.responsible, {}));
      suspendedDays = plan.suspension.forDays;
      c.count('cases.suspensions');
    }

    const steps = definition.approvalSteps;
    const totalDays = plan.decideAfterDays + suspendedDays;
    for (const [index, step] of steps.entries()) {
      const last = index === steps.length - 1;
      await c.untilDay(c.workingDaysAfter(acceptedOn, Math.round((totalDays * (index + 1)) / steps.length)));
      await c.pause();
      const actor = step === 'handle' ? tracked.responsible : step === 'review' ? staff.reviewer : staff.decider;
      const today = c.today();
      const decision = last
        ? {
            outcome: plan.denied ? 'DECISION_DENIED' : 'DECISION_APPROVED',
            reasons: plan.denied ? ['经审查，申请人不符合法定条件'] : [],
            legalBasis: definition.legalBasis,
            ...(definition.completionMode === 'immediate' && today !== receivedOn ? { notOnTheSpotReason: NOT_ON_THE_SPOT_REASON } : {}),
          }
        : undefined;
      const body = {
        step: STEP_NAMES[step],
        badge: badgeOf(actor.userId),
        opinion: STEP_OPINIONS[step],
        ...(step === 'handle' && tracked.actingAsBackup ? { asBackup: true } : {}),
        ...(decision ? { decision } : {}),
      };
      await c.retryingConflicts(async () => {
        try {
          return await c.api.post('cases', `/cases/${caseId}/steps`, actor, body);
        } catch (error) {
          // Midnight passed between the look at the clock and the decision: it is no longer on the spot.
          if (!(decision && error instanceof DemoApiError && error.code === 'not-on-the-spot-reason-required')) throw error;
          return c.api.post('cases', `/cases/${caseId}/steps`, actor, { ...body, decision: { ...decision, notOnTheSpotReason: NOT_ON_THE_SPOT_REASON } });
        }
      });
      c.count(`cases.steps.${step}`);
    }
    await this.countOutcome(c, caseId, plan, tracked.responsible);

    await c.pause();
    const clerk = tracked.responsible;
    this.documents += 1;
    const { documentId } = await c.retryingConflicts(() =>
      c.api.post<{ documentId: string }>('cases', `/cases/${caseId}/documents`, clerk, { documentNumber: `${unit.unitId.toUpperCase()}-${c.today().slice(0, 4)}-${String(this.documents).padStart(6, '0')}` }),
    );
    c.count('cases.documents');
    await c.pause();
    const method = c.draw.weighted({ DELIVERY_METHOD_IN_PERSON: 6, DELIVERY_METHOD_ELECTRONIC: 3, DELIVERY_METHOD_POST: 1 });
    await c.retryingConflicts(() => c.api.post('cases', `/cases/${caseId}/deliveries`, clerk, { documentId, method }));
    c.count('cases.completed');
    c.completed({ caseId, applicantId, unitId: unit.unitId, regionCode: unit.regionCode });
  }

  /** How the case ended against its committed deadline (the plan is an intention; the services have the facts). */
  private async countOutcome(c: SimulationContext, caseId: string, plan: CasePlan, reader: DemoPerson): Promise<void> {
    const decidedOn = c.today();
    const state = await c.api.get<{ committedDeadline: string }>('cases', `/cases/${caseId}`, reader);
    c.count(`cases.decided.${outcomeOf(decidedOn, state.committedDeadline)}`);
    if (plan.denied) c.count('cases.denied');
  }

  /** 行政协助: the clerk asks another unit; a clerk there answers. */
  private async askAssistance(c: SimulationContext, caseId: string, unit: Unit, clerk: DemoPerson): Promise<void> {
    const others = c.world.units.filter((other) => other.unitId !== unit.unitId && (other.regionCode.startsWith(unit.regionCode.slice(0, 6)) || other.level === 'city'));
    if (others.length === 0) return;
    const asked = c.draw.pick(others);
    await c.pause();
    const { requestId } = await c.retryingConflicts(() =>
      c.api.post<{ requestId: string }>('cases', `/cases/${caseId}/assistance-requests`, clerk, { toUnitId: asked.unitId, question: '请协助核实申请人相关资质信息并出具意见', limitDays: 5 }),
    );
    await c.pause(2);
    const answerer = c.draw.pick(staffOf(asked).clerks);
    await c.retryingConflicts(() => c.api.post('cases', `/cases/${caseId}/assistance-requests/${requestId}/answer`, answerer, { opinion: '经核实，申请人相关信息属实，无异议' }));
    c.count('cases.assistance');
  }

  /** No fees for speed: a clerk tries to record an expedite fee; the service refuses (422) and reports it. */
  private async attemptForbiddenCharge(c: SimulationContext, caseId: string, clerk: DemoPerson): Promise<void> {
    try {
      await c.api.post('cases', `/cases/${caseId}/charges`, clerk, { charge: 'FORBIDDEN_CHARGE_EXPEDITE_FEE', description: '申请人要求加急，拟收取加急费200元' });
    } catch (error) {
      if (!(error instanceof DemoApiError && error.status === 422)) throw error;
    }
    c.count('cases.forbidden-charges-refused');
  }

  /** 咨询 at a window: a question answered without an application. */
  private async consultation(c: SimulationContext): Promise<void> {
    const item = c.draw.pick(c.world.applicable());
    const clerk = c.draw.pick(staffOf({ unitId: item.unitId, regionCode: item.regionCode }).clerks);
    await c.api.post('cases', '/consultations', clerk, {
      topic: `${item.name}${c.draw.pick(CONSULTATION_TOPICS)}`.slice(0, 500),
      itemId: item.itemId,
      answer: '已按办事指南一次性告知办理条件、所需材料和承诺时限',
    });
    c.count('cases.consultations');
  }

  /** AB角: a clerk with open cases is away; the unit admin hands them all to the named backup. */
  private async absence(c: SimulationContext): Promise<void> {
    for (let attempt = 0; attempt < 20; attempt++) {
      // A case received a moment ago may not be in the service's summaries yet: prefer older ones.
      const candidates = [...this.open.entries()].filter(([, open]) => !open.actingAsBackup).slice(0, -3);
      if (candidates.length > 0) {
        const [, chosen] = c.draw.pick(candidates);
        const away = chosen.responsible;
        const unit = c.world.unit(chosen.unitId);
        if (!unit) return;
        const { admin, clerks } = staffOf(unit);
        const answer = await c.api.post<{ reassignedCaseIds: string[] }>('cases', `/units/${unit.unitId}/handlers/${away.userId}/absence`, admin, {});
        const backup = defined(clerks.find((clerk) => clerk.userId !== away.userId), 'a second clerk');
        for (const caseId of answer.reassignedCaseIds) {
          const open = this.open.get(caseId);
          if (open) Object.assign(open, { responsible: backup, actingAsBackup: true });
        }
        return c.count('cases.reassigned-for-absence', answer.reassignedCaseIds.length);
      }
      await c.pause(2);
    }
    c.count('cases.absence-without-open-cases');
  }

  /**
   * The cases service learns of published items from catalog events: an item just published may not be
   * there yet. And a holiday may have begun since the item was chosen: the applicant comes back on the
   * next working day.
   */
  private async untilItemCopied<T>(c: SimulationContext, command: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await command();
      } catch (error) {
        if (!(error instanceof DemoApiError) || attempt >= ITEM_NOT_YET_COPIED_TRIES) throw error;
        if (error.code === 'item-not-published') await c.pause(4);
        else if (error.code === 'no-holiday-service') await c.untilDay(c.nextWorkingDay());
        else throw error;
      }
    }
  }

  private someApplicant(c: SimulationContext): DemoPerson {
    return applicant(c.draw.int(1, APPLICANT_POOL));
  }
}

function plannedItem(definition: DemoItemDefinition) {
  return {
    committedLimitDays: definition.committedLimitDays ?? definition.statutoryLimitDays ?? 0,
    immediate: definition.completionMode === 'immediate' || definition.caseType === 'immediate_case',
    commitmentRoute: definition.approvalRoute === 'notification_commitment',
    approvalSteps: definition.approvalSteps.length,
  };
}

/** Every deadline of a case on this item, overdue included, falls within the years the calendar knows. */
function withinCalendar(c: SimulationContext, definition: DemoItemDefinition): boolean {
  return c.coversWorkingDays(Math.max(definition.committedLimitDays ?? 0, definition.statutoryLimitDays ?? 0) + 5);
}

/** What the applicant hands in: their own materials (the unit fetches shared data and other units' records itself). */
function materialsFor(definition: DemoItemDefinition, plan: CasePlan) {
  return definition.requiredMaterials
    .filter((material) => material.source === 'applicant')
    .map((material) => ({ materialId: material.materialId, name: material.name, copies: material.copies, replacedByCommitment: plan.commitmentSigned && material.replaceableByCommitment }));
}

/** 一次告知: every missing material named in one notice. */
function missingOf(c: SimulationContext, materials: Array<{ materialId: string; name: string }>) {
  return c.draw.sample(materials, c.draw.int(1, Math.min(2, materials.length))).map((material) => ({ materialId: material.materialId, name: material.name, reason: '缺少原件或复印件不清晰' }));
}
