import { WorkingDayCalendar } from '@sangeyipi/platform';
import { RulesViolated, StateConflict } from '../shared/projects.errors';
import type { ApprovalProgress, ProjectEvent } from '../project/project.events';
import { LISTED, PROJECT_ID, refusal, registered } from '../project/project.examples';
import { evolveProject, initialProjectState, type ProjectState } from '../project/project.state';
import { decideApprovalChain, type ApprovalChainCommand, type PlannedItem } from './approval-chain.decider';

const calendar = new WorkingDayCalendar();
const given = (...events: ProjectEvent[]): ProjectState => events.reduce(evolveProject, initialProjectState());
const when = (command: ApprovalChainCommand, state: ProjectState) => decideApprovalChain(command, state, calendar);
const types = (events: ProjectEvent[]) => events.map((event) => event.type);

const item = (itemId: string, statutoryLimitDays: number, committedLimitDays: number): PlannedItem => ({
  itemId,
  name: itemId,
  unitId: 'unit-310115-ghzy',
  statutoryLimitDays,
  committedLimitDays,
  withdrawn: false,
});
// Planning permit (20 → 10) then construction permit (10 → 5): statutory 30, two thirds 20.
const plan = (planningCommitted = 10): ApprovalChainCommand => ({
  type: 'PlanApprovals',
  data: {
    today: '2025-11-03',
    approvals: [
      { approvalId: 'A1', stage: 1, itemId: 'planning', item: item('planning', 20, planningCommitted) },
      { approvalId: 'A2', stage: 2, itemId: 'construction', item: item('construction', 10, 5) },
    ],
  },
});
const progress = (caseId: string, kind: ApprovalProgress, on: string, committedDeadline = '', today = on): ApprovalChainCommand => ({
  type: 'RecordCaseProgress',
  data: { caseId, progress: kind, on, committedDeadline, today },
});

function apply(state: ProjectState, command: ApprovalChainCommand): ProjectState {
  return when(command, state).reduce(evolveProject, state);
}

describe("an industrial project's approval chain", () => {
  it('is planned from the catalog copy with its statutory total and two-thirds budget', () => {
    const [planned] = when(plan(), given(registered(), LISTED));
    expect(planned).toMatchObject({ type: 'projects.IndustrialApprovalPlanned', data: { statutoryTotalDays: 30, budgetDays: 20 } });
  });

  it('is flagged at planning when the commitments already add up to more than two thirds', () => {
    expect(types(when(plan(15), given(registered(), LISTED)))).toEqual(['projects.IndustrialApprovalPlanned']); // 15 + 5 = 20
    expect(types(when(plan(16), given(registered(), LISTED)))).toEqual(['projects.IndustrialApprovalPlanned', 'projects.IndustrialApprovalAtRisk']);
  });

  it('refuses a plan for a project that is not industrial, for unknown items, and stages with gaps', () => {
    expect((refusal(() => when(plan(), given(registered({ industrial: false })))) as StateConflict).code).toBe('not-industrial');
    const bad: ApprovalChainCommand = {
      type: 'PlanApprovals',
      data: { today: '2025-11-03', approvals: [{ approvalId: 'A1', stage: 2, itemId: 'ghost', item: null }] },
    };
    expect((refusal(() => when(bad, given(registered(), LISTED))) as RulesViolated).violations.map((v) => v.rule)).toEqual(['published-item', 'stages-from-one-without-gaps']);
    const twice: ApprovalChainCommand = {
      type: 'PlanApprovals',
      data: {
        today: '2025-11-03',
        approvals: [
          { approvalId: 'A1', stage: 1, itemId: 'planning', item: item('planning', 20, 10) },
          { approvalId: 'A1', stage: 1, itemId: 'planning', item: item('planning', 20, 10) },
        ],
      },
    };
    expect((refusal(() => when(twice, given(registered(), LISTED))) as RulesViolated).violations.map((v) => `${v.field} ${v.rule}`)).toEqual([
      'approvals[1].approvalId distinct-approval-ids',
      'approvals[1].itemId distinct-items',
    ]);
  });

  it('links the enterprise case for a planned item once, and ignores cases it does not need', () => {
    const planned = apply(given(registered(), LISTED), plan());
    expect(when({ type: 'LinkCase', data: { caseId: 'c1', itemId: 'planning', receivedOn: '2025-11-03' } }, planned)).toEqual([
      { type: 'projects.ApprovalCaseLinked', data: { projectId: PROJECT_ID, approvalId: 'A1', caseId: 'c1', itemId: 'planning', receivedOn: '2025-11-03' } },
    ]);
    const linked = apply(planned, { type: 'LinkCase', data: { caseId: 'c1', itemId: 'planning', receivedOn: '2025-11-03' } });
    expect(when({ type: 'LinkCase', data: { caseId: 'c2', itemId: 'planning', receivedOn: '2025-11-04' } }, linked)).toEqual([]); // one running case per approval
    expect(when({ type: 'LinkCase', data: { caseId: 'c3', itemId: 'unrelated', receivedOn: '2025-11-04' } }, linked)).toEqual([]);
    expect((refusal(() => when(plan(), linked)) as StateConflict).code).toBe('plan-fixed');
  });

  it('completes within two thirds when the approvals keep their commitments', () => {
    let state = apply(given(registered(), LISTED), plan());
    state = apply(state, { type: 'LinkCase', data: { caseId: 'c1', itemId: 'planning', receivedOn: '2025-11-03' } });
    state = apply(state, progress('c1', 'APPROVAL_PROGRESS_ACCEPTED', '2025-11-03', '2025-11-17'));
    state = apply(state, progress('c1', 'APPROVAL_PROGRESS_APPROVED', '2025-11-14')); // 9 working days
    state = apply(state, { type: 'LinkCase', data: { caseId: 'c2', itemId: 'construction', receivedOn: '2025-11-17' } });
    state = apply(state, progress('c2', 'APPROVAL_PROGRESS_ACCEPTED', '2025-11-17', '2025-11-24'));
    const last = when(progress('c2', 'APPROVAL_PROGRESS_APPROVED', '2025-11-21'), state); // 4 working days
    expect(last[1]).toEqual({
      type: 'projects.IndustrialApprovalChainCompleted',
      data: { projectId: PROJECT_ID, completedOn: '2025-11-21', statutoryTotalDays: 30, elapsedDays: 13, withinTwoThirds: true },
    });
  });

  it('is flagged the first working day a case runs past its commitment, and only once', () => {
    let state = apply(given(registered(), LISTED), plan());
    state = apply(state, { type: 'LinkCase', data: { caseId: 'c1', itemId: 'planning', receivedOn: '2025-11-03' } });
    state = apply(state, progress('c1', 'APPROVAL_PROGRESS_ACCEPTED', '2025-11-03', '2025-11-17'));
    expect(when({ type: 'EvaluateRisk', data: { today: '2025-11-17' } }, state)).toEqual([]);
    const flagged = when({ type: 'EvaluateRisk', data: { today: '2025-11-18' } }, state);
    expect(flagged).toEqual([
      {
        type: 'projects.IndustrialApprovalAtRisk',
        data: { projectId: PROJECT_ID, flaggedOn: '2025-11-18', statutoryTotalDays: 30, budgetDays: 20, elapsedDays: 11, forecastDays: 25, openApprovalIds: ['A1', 'A2'] },
      },
    ]);
    expect(when({ type: 'EvaluateRisk', data: { today: '2025-11-19' } }, flagged.reduce(evolveProject, state))).toEqual([]);
  });

  it('is flagged at once when an approval is denied and must be applied for again', () => {
    let state = apply(given(registered(), LISTED), plan());
    state = apply(state, { type: 'LinkCase', data: { caseId: 'c1', itemId: 'planning', receivedOn: '2025-11-03' } });
    state = apply(state, progress('c1', 'APPROVAL_PROGRESS_ACCEPTED', '2025-11-03', '2025-11-17'));
    expect(types(when(progress('c1', 'APPROVAL_PROGRESS_DENIED', '2025-11-13'), state))).toEqual(['projects.ApprovalCaseProgressed', 'projects.IndustrialApprovalAtRisk']);
    const denied = apply(state, progress('c1', 'APPROVAL_PROGRESS_DENIED', '2025-11-13'));
    // The new application is linked to the same approval.
    expect(when({ type: 'LinkCase', data: { caseId: 'c1b', itemId: 'planning', receivedOn: '2025-11-20' } }, denied)[0]).toMatchObject({ data: { approvalId: 'A1' } });
  });

  it('records coordination meetings with decisions due after them', () => {
    const planned = apply(given(registered(), LISTED), plan());
    const meeting = (dueOn: string): ApprovalChainCommand => ({
      type: 'RecordMeeting',
      data: { meetingId: 'm1', heldOn: '2025-11-18', topic: '同步审批', decisions: [{ decision: '5日内出具规划许可', ownerUnitId: 'unit-310115-ghzy', dueOn }], today: '2025-11-18' },
    });
    expect(types(when(meeting('2025-11-25'), planned))).toEqual(['projects.CoordinationMeetingHeld']);
    expect((refusal(() => when(meeting('2025-11-17'), planned)) as RulesViolated).violations[0].rule).toBe('due-after-meeting');
    expect((refusal(() => when(meeting('2025-11-25'), given(registered(), LISTED))) as StateConflict).code).toBe('no-approval-plan');
  });
});
