import { SupervisionStateConflict } from '../supervision.errors';
import type { SupervisionEvent } from '../supervision.events';
import { decideFinding, evolveFinding, initialFindingState, type FindingCommand, type FindingState } from './finding.decider';

const raised: FindingCommand = {
  type: 'RaiseFinding',
  finding: { findingId: 'f-1', source: 'FINDING_SOURCE_EFFICIENCY_MONITORING', sourceId: 'c-1', unitId: 'u-1', caseId: 'c-1', category: 'FINDING_CATEGORY_OVERDUE', description: '超期' },
};
const order: FindingCommand = { type: 'OrderRectification', requiredActions: ['梳理超期原因'], dueOn: '2025-11-10', today: '2025-11-03' };

function given(...commands: FindingCommand[]): FindingState {
  return commands.reduce((state, command) => (decideFinding(command, state) as SupervisionEvent[]).reduce(evolveFinding, state), initialFindingState());
}
const types = (command: FindingCommand, state: FindingState) => decideFinding(command, state).map((e) => e.type);

describe('a finding and its rectification (整改)', () => {
  it('goes from raised through ordered, answered and an accepted check to closed', () => {
    const answered = given(raised, order, { type: 'AnswerRectification', answer: '已整改', today: '2025-11-07' });
    expect(answered.status).toBe('answered');
    const events = decideFinding({ type: 'CheckRectification', accepted: true, note: '核查通过', newDueOn: '', today: '2025-11-10' }, answered);
    expect(events.map((e) => e.type)).toEqual(['supervision.RectificationChecked', 'supervision.RectificationClosed']);
    expect(events.reduce(evolveFinding, answered).status).toBe('closed');
  });

  it('marks an answer on the due day on time, and one the day after late', () => {
    const ordered = given(raised, order);
    expect(decideFinding({ type: 'AnswerRectification', answer: 'a', today: '2025-11-10' }, ordered)[0].data).toEqual(expect.objectContaining({ late: false }));
    expect(decideFinding({ type: 'AnswerRectification', answer: 'a', today: '2025-11-11' }, ordered)[0].data).toEqual(expect.objectContaining({ late: true }));
  });

  it('refuses escalation on the due day and allows it the day after (overdue)', () => {
    const ordered = given(raised, order);
    expect(() => decideFinding({ type: 'EscalateRectification', reason: 'r', accountabilityProposal: 'p', today: '2025-11-10' }, ordered)).toThrow(SupervisionStateConflict);
    expect(types({ type: 'EscalateRectification', reason: '逾期', accountabilityProposal: '约谈', today: '2025-11-11' }, ordered)).toEqual(['supervision.RectificationEscalated']);
  });

  it('allows escalation before the due day once an answer was sent back, and then nothing more', () => {
    const sentBack = given(raised, order, { type: 'AnswerRectification', answer: 'a', today: '2025-11-05' }, { type: 'CheckRectification', accepted: false, note: '未整改到位', newDueOn: '2025-11-20', today: '2025-11-06' });
    expect(sentBack).toEqual(expect.objectContaining({ status: 'ordered', dueOn: '2025-11-20', rejections: 1 }));
    const escalated = given(raised, order, { type: 'AnswerRectification', answer: 'a', today: '2025-11-05' }, { type: 'CheckRectification', accepted: false, note: 'n', newDueOn: '2025-11-20', today: '2025-11-06' }, {
      type: 'EscalateRectification',
      reason: '整改不到位',
      accountabilityProposal: '通报批评',
      today: '2025-11-07',
    });
    expect(escalated.status).toBe('escalated');
    expect(() => decideFinding({ type: 'AnswerRectification', answer: 'a', today: '2025-11-08' }, escalated)).toThrow(SupervisionStateConflict);
  });

  it('flags an unanswered rectification overdue once per due date, and not on the due day', () => {
    const ordered = given(raised, order);
    expect(() => decideFinding({ type: 'MarkRectificationOverdue', today: '2025-11-10' }, ordered)).toThrow(SupervisionStateConflict);
    const flagged = given(raised, order, { type: 'MarkRectificationOverdue', today: '2025-11-11' });
    expect(flagged.overdueFlaggedFor).toBe('2025-11-10');
    expect(() => decideFinding({ type: 'MarkRectificationOverdue', today: '2025-11-12' }, flagged)).toThrow(SupervisionStateConflict);
  });

  it('refuses a check before an answer, a second raise and an order due today', () => {
    expect(() => decideFinding({ type: 'CheckRectification', accepted: true, note: '', newDueOn: '', today: '2025-11-04' }, given(raised, order))).toThrow(SupervisionStateConflict);
    expect(() => decideFinding(raised, given(raised))).toThrow(SupervisionStateConflict);
    expect(() => decideFinding({ ...order, dueOn: '2025-11-03' } as FindingCommand, given(raised))).toThrow(/due-after-today/);
  });
});
