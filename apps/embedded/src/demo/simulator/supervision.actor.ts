import { createHash } from 'node:crypto';
import { DemoApiError } from '../demo-api';
import { applicant, staffOf, supervisorOf } from '../world/demo-people';
import type { Activity, Actor, CompletedCase, SimulationContext } from './simulation-context';

type Grade = 'RATING_GRADE_VERY_SATISFIED' | 'RATING_GRADE_SATISFIED' | 'RATING_GRADE_BASICALLY_SATISFIED' | 'RATING_GRADE_DISSATISFIED' | 'RATING_GRADE_VERY_DISSATISFIED';

/** 好差评 as Shanghai's windows report them: most satisfied, a few bad ratings to follow up. */
const GRADE_WEIGHTS: Readonly<Record<Grade, number>> = {
  RATING_GRADE_VERY_SATISFIED: 62,
  RATING_GRADE_SATISFIED: 25,
  RATING_GRADE_BASICALLY_SATISFIED: 7,
  RATING_GRADE_DISSATISFIED: 4,
  RATING_GRADE_VERY_DISSATISFIED: 2,
};
const BAD_GRADES: readonly Grade[] = ['RATING_GRADE_DISSATISFIED', 'RATING_GRADE_VERY_DISSATISFIED'];
const WINDOW_CHECKS = ['WINDOW_CHECK_VOUCHER_GIVEN', 'WINDOW_CHECK_ONE_TIME_NOTIFICATION', 'WINDOW_CHECK_BADGE_WORN', 'WINDOW_CHECK_FIRST_ASKED_RESPONSIBILITY', 'WINDOW_CHECK_AB_ROLE_COVERED'] as const;
/** Working days after which a result is published late (the rule: within 20). */
const LATE_AFTER_DAYS = 21;
/** How often an activity that needs a record from the other contexts looks for one before giving up. */
const LOOKS = 30;

interface InspectionItem {
  inspectionItemId: string;
  targetKind: string;
  regionCode: string;
}

interface Finding {
  findingId: string;
  unitId: string;
  regionCode: string;
  category: string;
}

/**
 * The supervision context: 双随机、一公开 inspections drawn and published (one late now and then),
 * 告知承诺 verified after the decision (a false commitment revokes it), findings rectified, closed or
 * escalated, cases rated by their applicants (bad ratings answered by the unit, or left to run late),
 * complaints, and window visits (明查暗访).
 */
export class SupervisionActor implements Actor {
  readonly context = 'supervision';
  readonly requires = { service: 'supervision', route: '/plans' };
  /** Findings a storyline is already rectifying: two storylines never take the same one. */
  private readonly claimed = new Set<string>();
  /** Storylines waiting to conclude a false commitment: the next open verification is theirs. */
  private falseCommitmentsWaiting = 0;

  activities(): Activity[] {
    return [
      { name: 'inspection-round-with-late-result', weight: 0, run: (c) => this.inspectionRound(c, true) },
      { name: 'false-commitment', weight: 0, run: (c) => this.verification(c, 'COMMITMENT_VERIFICATION_OUTCOME_FALSE_COMMITMENT') },
      { name: 'rectification-closed', weight: 0, run: (c) => this.rectification(c, 'closed') },
      { name: 'rectification-escalated', weight: 0, run: (c) => this.rectification(c, 'sent-back-and-escalated') },
      { name: 'rectification-left-overdue', weight: 0, run: (c) => this.rectification(c, 'left-overdue') },
      { name: 'bad-rating-answered', weight: 0, run: (c) => this.rating(c, 'RATING_GRADE_DISSATISFIED', true) },
      { name: 'bad-rating-left-unanswered', weight: 0, run: (c) => this.rating(c, 'RATING_GRADE_VERY_DISSATISFIED', false) },
      { name: 'complaint-substantiated', weight: 0, run: (c) => this.complaint(c, true) },
      { name: 'inspection-round', weight: 0.3, run: (c) => this.inspectionRound(c, false) },
      { name: 'verification', weight: 1, run: (c) => this.verification(c) },
      { name: 'rectification', weight: 1, run: (c) => this.rectification(c) },
      { name: 'rating', weight: 6, run: (c) => this.rating(c) },
      { name: 'complaint', weight: 0.3, run: (c) => this.complaint(c) },
      { name: 'window-inspection', weight: 0.5, run: (c) => this.windowInspection(c) },
    ];
  }

  /** A plan with a committed seed, the draw on the day with a public witness, results within 20 working days. */
  private async inspectionRound(c: SimulationContext, oneLate: boolean): Promise<void> {
    const items = await c.api.get<InspectionItem[]>('supervision', '/public/inspection-items');
    const districtItems = items.filter((item) => item.regionCode.length === 6 && item.regionCode !== '310000');
    if (districtItems.length === 0) return c.count('supervision.no-inspection-items');
    const item = c.draw.pick(districtItems);
    const supervisor = supervisorOf(item.regionCode);
    const seed = Array.from({ length: 32 }, () => c.draw.int(0, 255).toString(16).padStart(2, '0')).join('');
    const planFor = (today: string) =>
      c.api.post<{ planId: string }>('supervision', '/plans', supervisor, {
        title: `${today.slice(0, 4)}年双随机抽查（${today}）`,
        regionCode: item.regionCode,
        inspectionItemId: item.inspectionItemId,
        inspectorsPerTarget: 2,
        seedCommitment: createHash('sha256').update(Buffer.from(seed, 'hex')).digest('hex'),
        drawOn: today,
        witnessSource: '当日上海证券交易所收盘指数',
      });
    let today = c.today();
    let planned: { planId: string };
    try {
      planned = await planFor(today);
    } catch (error) {
      // The simulated day can turn between reading it and the service checking it: plan for the new day.
      if (!(error instanceof DemoApiError && error.status === 400 && today < c.today())) throw error;
      today = c.today();
      planned = await planFor(today);
    }
    const { planId } = planned;
    await c.pause();
    const { inspections } = await c.api.post<{ inspections: Array<{ inspectionId: string; targetId: string }> }>('supervision', `/plans/${planId}/draw`, supervisor, {
      seed,
      witness: `SSE-${today}`,
    });
    c.count('supervision.draws');
    await Promise.all(
      inspections.map(async (inspection, index) => {
        const late = oneLate && index === 0;
        await c.untilDay(c.workingDaysAfter(today, c.draw.int(0, 3)));
        const inspectedOn = c.today();
        await c.untilDay(c.workingDaysAfter(inspectedOn, late ? LATE_AFTER_DAYS : c.draw.int(0, 5)));
        await c.pause();
        const outcome = c.draw.weighted({ INSPECTION_OUTCOME_COMPLIANT: 75, INSPECTION_OUTCOME_NON_COMPLIANT: 20, INSPECTION_OUTCOME_NOT_INSPECTED: 5 });
        // The draw's inspections reach the service's read side a moment after the draw answers.
        await c.retryingUntilKnown(() =>
          c.api.post('supervision', `/inspections/${inspection.inspectionId}/result`, supervisor, {
            outcome,
            summary: outcome === 'INSPECTION_OUTCOME_COMPLIANT' ? '检查未发现问题' : outcome === 'INSPECTION_OUTCOME_NON_COMPLIANT' ? '发现问题，责令整改' : '检查对象已停业，未实施检查',
            inspectedOn,
            ...(outcome === 'INSPECTION_OUTCOME_NON_COMPLIANT' && item.targetKind === 'TARGET_KIND_SERVICE_UNIT'
              ? { findings: [{ category: 'FINDING_CATEGORY_SERVICE_CONDUCT', description: '窗口未执行一次告知制度' }] }
              : {}),
          }),
        );
        c.count(late ? 'supervision.results-late' : 'supervision.results');
      }),
    );
  }

  /** 事后核查 of a 告知承诺 decision; a false commitment is a finding the cases context revokes the decision on. */
  private async verification(c: SimulationContext, forced?: 'COMMITMENT_VERIFICATION_OUTCOME_FALSE_COMMITMENT'): Promise<void> {
    const city = supervisorOf('310000');
    if (forced) this.falseCommitmentsWaiting++;
    try {
      for (let look = 0; look < LOOKS; look++) {
        // Few verifications open in a short run: the one a false commitment waits for is not taken by another storyline.
        const mayTake = forced !== undefined || this.falseCommitmentsWaiting === 0;
        const open = mayTake ? await c.api.get<Array<{ verificationId: string }>>('supervision', '/verifications?status=open', city) : [];
        const unclaimed = open.filter((task) => !this.claimed.has(task.verificationId));
        if (unclaimed.length > 0) {
          const task = c.draw.pick(unclaimed);
          this.claimed.add(task.verificationId);
          const outcome = forced ?? (c.draw.chance(0.1) ? 'COMMITMENT_VERIFICATION_OUTCOME_FALSE_COMMITMENT' : 'COMMITMENT_VERIFICATION_OUTCOME_CONFORMING');
          await c.api.post('supervision', `/verifications/${task.verificationId}/conclusion`, city, {
            outcome,
            summary: outcome === 'COMMITMENT_VERIFICATION_OUTCOME_CONFORMING' ? '现场核查，承诺内容属实' : '现场核查发现经营场所与承诺不符',
          });
          return c.count(outcome === 'COMMITMENT_VERIFICATION_OUTCOME_CONFORMING' ? 'supervision.commitments-conforming' : 'supervision.false-commitments');
        }
        await c.untilDay(c.workingDaysAfter(c.today(), 1)); // tasks open when 告知承诺 cases are decided, days after receipt
      }
      c.count('supervision.no-verification-open');
    } finally {
      if (forced) this.falseCommitmentsWaiting--;
    }
  }

  /** 整改: ordered; answered and accepted, or sent back and escalated, or left to run past its due date. */
  private async rectification(c: SimulationContext, path: 'closed' | 'sent-back-and-escalated' | 'left-overdue' = c.draw.weighted({ closed: 8, 'sent-back-and-escalated': 1, 'left-overdue': 1 })): Promise<void> {
    const finding = await this.raisedFinding(c);
    if (!finding) return c.count('supervision.no-finding-raised');
    const supervisor = supervisorOf('310000');
    const admin = staffOf(finding).admin;
    const limitDays = path === 'left-overdue' ? 1 : 10;
    await c.api.post('supervision', `/findings/${finding.findingId}/rectification-order`, supervisor, { requiredActions: ['查明原因并提交整改报告', '建立长效机制'], limitDays });
    if (path === 'left-overdue') {
      // A working day past the due date: the service's deadline timer has flagged it overdue by then.
      await c.untilDay(c.workingDaysAfter(c.today(), limitDays + 2));
      await c.api.post('supervision', `/findings/${finding.findingId}/escalation`, supervisor, { reason: '逾期未整改', accountabilityProposal: '建议约谈单位负责人并通报批评' });
      return c.count('supervision.rectifications-escalated');
    }
    await c.untilDay(c.workingDaysAfter(c.today(), c.draw.int(1, 5)));
    await c.api.post('supervision', `/findings/${finding.findingId}/rectification-answer`, admin, { answer: '已完成整改：建立超期预警台账，加强窗口人员培训' });
    await c.pause();
    if (path === 'closed') {
      await c.api.post('supervision', `/findings/${finding.findingId}/rectification-check`, supervisor, { accepted: true, note: '整改到位，予以销号' });
      return c.count('supervision.rectifications-closed');
    }
    await c.api.post('supervision', `/findings/${finding.findingId}/rectification-check`, supervisor, { accepted: false, note: '整改措施不具体', limitDays: 5 });
    await c.pause();
    await c.api.post('supervision', `/findings/${finding.findingId}/escalation`, supervisor, { reason: '整改不到位被退回', accountabilityProposal: '建议约谈窗口负责人' });
    c.count('supervision.rectifications-escalated');
  }

  /** 好差评 by the applicant of a completed case; a bad one is answered by the unit within five working days, or not. */
  private async rating(c: SimulationContext, forcedGrade?: Grade, answered = c.draw.chance(0.8)): Promise<void> {
    const completed = await this.completedCase(c);
    if (!completed) return c.count('supervision.nothing-to-rate');
    const grade = forcedGrade ?? c.draw.weighted(GRADE_WEIGHTS);
    const rater = { userId: completed.applicantId, roles: ['applicant'] };
    // Supervision learns of the case and its completion from cases events: the rating may come first.
    const { ratingId } = await c.retryingUntilKnown(
      () => c.api.post<{ ratingId: string }>('supervision', '/ratings', rater, { caseId: completed.caseId, grade, ...(BAD_GRADES.includes(grade) ? { comment: '等候时间过长，窗口解释不清' } : {}) }),
      ['case-not-completed'],
    );
    c.count('supervision.ratings');
    if (!BAD_GRADES.includes(grade) || !answered) return;
    await c.untilDay(c.workingDaysAfter(c.today(), c.draw.int(0, 3)));
    await c.api.post('supervision', `/ratings/${ratingId}/answer`, staffOf(completed).admin, { justified: true, fix: '增设导办人员，优化叫号流程', answer: '感谢您的监督，已整改并致歉' });
    c.count('supervision.bad-ratings-answered');
  }

  /** 投诉 about a unit; the supervisor finds it substantiated (a finding) or dismisses it. */
  private async complaint(c: SimulationContext, substantiated = c.draw.chance(0.4)): Promise<void> {
    const unit = c.draw.pick(c.world.units);
    const person = applicant(c.draw.int(1, 5_000));
    const { complaintId } = await c.api.post<{ complaintId: string }>('supervision', '/complaints', person, { subjectId: unit.unitId, description: '窗口要求提供目录外材料' });
    await c.pause(2);
    await c.retryingUntilKnown(() =>
      c.api.post('supervision', `/complaints/${complaintId}/resolution`, supervisorOf('310000'), { substantiated, note: substantiated ? '经查属实，责令整改' : '经查不属实' }),
    );
    c.count(substantiated ? 'supervision.complaints-substantiated' : 'supervision.complaints-dismissed');
  }

  /** 明查暗访 of a unit's window: each rule checked, a few fail. */
  private async windowInspection(c: SimulationContext): Promise<void> {
    const unit = c.draw.pick(c.world.units.filter((candidate) => candidate.level !== 'city'));
    await c.api.post('supervision', '/window-inspections', supervisorOf(unit.regionCode.slice(0, 6)), {
      unitId: unit.unitId,
      regionCode: unit.regionCode,
      method: c.draw.chance(0.5) ? 'INSPECTION_METHOD_OPEN' : 'INSPECTION_METHOD_UNDERCOVER',
      visitedOn: c.today(),
      checks: WINDOW_CHECKS.map((check) => ({ check, passed: !c.draw.chance(0.08) })),
    });
    c.count('supervision.window-inspections');
  }

  private async raisedFinding(c: SimulationContext): Promise<Finding | undefined> {
    for (let look = 0; look < LOOKS; look++) {
      const raised = await c.api.get<Finding[]>('supervision', '/findings?status=raised', supervisorOf('310000'));
      // Findings on a unit (not on an applicant) are what a unit rectifies.
      const ofUnits = raised.filter((finding) => finding.unitId && c.world.unit(finding.unitId) && !this.claimed.has(finding.findingId));
      if (ofUnits.length > 0) {
        const finding = c.draw.pick(ofUnits);
        this.claimed.add(finding.findingId);
        return finding;
      }
      await c.untilDay(c.workingDaysAfter(c.today(), 1)); // findings come from the other contexts' events over the days
    }
    return undefined;
  }

  private async completedCase(c: SimulationContext): Promise<CompletedCase | undefined> {
    for (let look = 0; look < LOOKS; look++) {
      const taken = c.takeCompletedCase();
      if (taken) return taken;
      await c.pause(4);
    }
    return undefined;
  }
}
