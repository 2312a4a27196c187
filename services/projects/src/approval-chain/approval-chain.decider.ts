import { conflict, requireNoViolations, RulesViolated, type RuleViolation } from '../shared/projects.errors';
import type { ApprovalProgress, ApprovalRequirement, CoordinationDecision, ProjectEvent } from '../project/project.events';
import { evolveProject, type ApprovalChain, type ExistingProject, type ProjectState } from '../project/project.state';
import { assessChain, budgetOf, isApproved, type WorkingDays } from './chain-assessment';

/** A catalog item as the plan needs it (from the local catalog copy). */
export interface PlannedItem {
  itemId: string;
  name: string;
  unitId: string;
  statutoryLimitDays: number;
  committedLimitDays: number;
  withdrawn: boolean;
}

export type ApprovalChainCommand =
  | { type: 'PlanApprovals'; data: { approvals: { approvalId: string; stage: number; item: PlannedItem | null; itemId: string }[]; today: string } }
  | { type: 'LinkCase'; data: { caseId: string; itemId: string; receivedOn: string } }
  | { type: 'RecordCaseProgress'; data: { caseId: string; progress: ApprovalProgress; on: string; committedDeadline: string; today: string } }
  | { type: 'EvaluateRisk'; data: { today: string } }
  | { type: 'RecordMeeting'; data: { meetingId: string; heldOn: string; topic: string; decisions: CoordinationDecision[]; today: string } };

function checkPlan(approvals: Extract<ApprovalChainCommand, { type: 'PlanApprovals' }>['data']['approvals']): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const items = new Set<string>();
  const approvalIds = new Set<string>();
  approvals.forEach(({ approvalId, item, itemId }, index) => {
    if (approvalIds.has(approvalId)) violations.push({ field: `approvals[${index}].approvalId`, rule: 'distinct-approval-ids', message: `approval id ${approvalId} is used twice` });
    approvalIds.add(approvalId);
    const field = `approvals[${index}].itemId`;
    if (!item || item.withdrawn) violations.push({ field, rule: 'published-item', message: `catalog item ${itemId} is not a published item` });
    else if (item.statutoryLimitDays <= 0) violations.push({ field, rule: 'statutory-limit-required', message: `${item.name} has no statutory limit to cut by one third` });
    if (items.has(itemId)) violations.push({ field, rule: 'distinct-items', message: `catalog item ${itemId} is planned twice` });
    items.add(itemId);
  });
  // Stages 1, 2, … without gaps, so that "the next stage" always means something.
  const stages = [...new Set(approvals.map((approval) => approval.stage))].sort((a, b) => a - b);
  if (stages.some((stage, index) => stage !== index + 1)) {
    violations.push({ field: 'approvals', rule: 'stages-from-one-without-gaps', message: `stages must be numbered 1, 2, … without gaps; got ${stages.join(', ')}` });
  }
  return violations;
}

/**
 * Flags the chain when it will not finish within two thirds of its statutory time — once, while it runs —
 * and completes it when every approval has been granted.
 */
function assessAfter(state: ProjectState, today: string, calendar: WorkingDays): ProjectEvent[] {
  if (state.status === 'none' || !state.chain || state.chain.completedOn) return [];
  const chain = state.chain;
  const assessment = assessChain(chain, today, calendar);
  const { projectId } = state;
  if (assessment.complete) {
    return [
      {
        type: 'projects.IndustrialApprovalChainCompleted',
        data: {
          projectId,
          completedOn: lastDecisionOn(chain),
          statutoryTotalDays: chain.statutoryTotalDays,
          elapsedDays: assessment.elapsedDays,
          withinTwoThirds: assessment.elapsedDays <= chain.budgetDays,
        },
      },
    ];
  }
  if (!assessment.atRisk || chain.flaggedOn) return [];
  return [
    {
      type: 'projects.IndustrialApprovalAtRisk',
      data: {
        projectId,
        flaggedOn: today,
        statutoryTotalDays: chain.statutoryTotalDays,
        budgetDays: chain.budgetDays,
        elapsedDays: assessment.elapsedDays,
        forecastDays: assessment.forecastDays,
        openApprovalIds: assessment.openApprovalIds,
      },
    },
  ];
}

/** The day the last approval of a complete chain was granted. */
function lastDecisionOn(chain: ApprovalChain): string {
  return chain.approvals
    .flatMap((approval) => approval.runs.filter((run) => run.outcome === 'approved').map((run) => run.endedOn ?? ''))
    .reduce((latest, day) => (day > latest ? day : latest), '');
}

function requireChain(state: ExistingProject): ApprovalChain {
  if (!state.chain) conflict('no-approval-plan', `project ${state.projectId} has no approval plan`);
  return state.chain;
}

/**
 * The industrial approval chain of a project (产业项目审批: 同步审批, 会议协调, 限时办结). Linking and progress
 * come from the cases context's events; they answer [] when the case is not this project's concern, so a
 * consumer never fails on them.
 */
export function decideApprovalChain(command: ApprovalChainCommand, state: ProjectState, calendar: WorkingDays): ProjectEvent[] {
  if (state.status === 'none') throw new Error(`${command.type} needs an existing project`);
  const { projectId } = state;

  switch (command.type) {
    case 'PlanApprovals': {
      if (!state.industrial) conflict('not-industrial', `project ${projectId} is not an industrial project`);
      if (state.status === 'delisted') conflict('project-delisted', `project ${projectId} has left its list`);
      if (state.chain?.approvals.some((approval) => approval.runs.length > 0)) conflict('plan-fixed', 'cases are already linked to the plan: it can no longer change');
      const { approvals, today } = command.data;
      requireNoViolations(checkPlan(approvals));
      // After the checks every entry has its item.
      const requirements: ApprovalRequirement[] = approvals.flatMap(({ approvalId, stage, item }) =>
        item ? [{ approvalId, itemId: item.itemId, itemName: item.name, unitId: item.unitId, stage, statutoryLimitDays: item.statutoryLimitDays, committedLimitDays: item.committedLimitDays }] : [],
      );
      const statutoryTotalDays = requirements.reduce((sum, approval) => sum + approval.statutoryLimitDays, 0);
      const planned: ProjectEvent = { type: 'projects.IndustrialApprovalPlanned', data: { projectId, approvals: requirements, statutoryTotalDays, budgetDays: budgetOf(statutoryTotalDays) } };
      // Commitments that already add up to more than two thirds are flagged at once: the earliest time to act.
      return [planned, ...assessAfter(evolveProject(state, planned), today, calendar)];
    }

    case 'LinkCase': {
      const chain = state.chain;
      if (!chain || chain.completedOn) return [];
      const { caseId, itemId, receivedOn } = command.data;
      if (chain.approvals.some((approval) => approval.runs.some((run) => run.caseId === caseId))) return [];
      // The approval for the item that has no case running and is not granted yet.
      const approval = chain.approvals.find(
        (candidate) => candidate.itemId === itemId && !isApproved(candidate) && candidate.runs.every((run) => run.endedOn !== null),
      );
      if (!approval) return [];
      return [{ type: 'projects.ApprovalCaseLinked', data: { projectId, approvalId: approval.approvalId, caseId, itemId, receivedOn } }];
    }

    case 'RecordCaseProgress': {
      const chain = state.chain;
      if (!chain) return [];
      const { caseId, progress, on, committedDeadline, today } = command.data;
      const approval = chain.approvals.find((candidate) => candidate.runs.some((run) => run.caseId === caseId && run.endedOn === null));
      if (!approval) return [];
      const progressed: ProjectEvent = {
        type: 'projects.ApprovalCaseProgressed',
        data: { projectId, approvalId: approval.approvalId, caseId, progress, progressedOn: on, committedDeadline },
      };
      return [progressed, ...assessAfter(evolveProject(state, progressed), today, calendar)];
    }

    case 'EvaluateRisk': {
      if (!state.chain || state.chain.flaggedOn || state.chain.completedOn) return [];
      return assessAfter(state, command.data.today, calendar);
    }

    case 'RecordMeeting': {
      requireChain(state);
      const { meetingId, heldOn, topic, decisions, today } = command.data;
      const violations: RuleViolation[] = [];
      if (heldOn > today) violations.push({ field: 'heldOn', rule: 'meeting-not-in-future', message: `a meeting is recorded once held (today is ${today})` });
      decisions.forEach((decision, index) => {
        if (decision.dueOn < heldOn) violations.push({ field: `decisions[${index}].dueOn`, rule: 'due-after-meeting', message: 'a decision is due on or after the meeting' });
      });
      if (violations.length > 0) throw new RulesViolated(violations);
      return [{ type: 'projects.CoordinationMeetingHeld', data: { projectId, meetingId, heldOn, topic, decisions } }];
    }
  }
}
