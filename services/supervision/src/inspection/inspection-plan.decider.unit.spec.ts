import { encodeEvent, eventFromJson } from '@sangeyipi/contracts';
import { WorkingDayCalendar } from '@sangeyipi/platform';
import { commitToSeed, runDraw, type FrozenInspector, type FrozenTarget } from '../draw/verifiable-draw';
import { SupervisionRulesViolated, SupervisionStateConflict } from '../supervision.errors';
import type { SupervisionEvent } from '../supervision.events';
import { drawInspection, evolvePlan, frozenListBytes, frozenListsOf, initialPlanState, planInspection, type PlanInspection } from './inspection-plan.decider';
import { publishResult, type DrawnInspectionRecord } from './inspection-result.decider';

const SEED = 'a1'.repeat(16);
const target = (id: string, unit: string, stratum: FrozenTarget['stratum'] = 'DRAW_STRATUM_REGULAR'): FrozenTarget => ({
  targetId: id,
  affiliatedUnitId: unit,
  stratum,
  creditClass: stratum === 'DRAW_STRATUM_REGULAR' ? 'CREDIT_CLASS_A' : 'CREDIT_CLASS_D',
  complaintCount: 0,
});
const inspector = (id: string, unit: string, conflicts: string[] = []): FrozenInspector => ({ inspectorId: id, unitId: unit, conflictingTargetIds: conflicts });

function command(overrides: Partial<PlanInspection> = {}): PlanInspection {
  return {
    planId: 'plan-1',
    title: '2025年第四季度双随机抽查',
    level: 'ADMINISTRATIVE_LEVEL_DISTRICT',
    regionCode: '310101',
    inspectionItemId: 'item-1',
    method: 'INSPECTION_METHOD_OPEN',
    proportionBasisPoints: 5000,
    elevatedProportionBasisPoints: 10_000,
    inspectorsPerTarget: 2,
    seedCommitment: commitToSeed(SEED),
    drawOn: '2025-11-03',
    witnessSource: '福彩3D 2025-11-03 开奖号码',
    today: '2025-11-03',
    targets: [target('T1', 'U1'), target('T2', 'U2'), target('T3', 'U1', 'DRAW_STRATUM_ELEVATED')],
    inspectors: [inspector('I1', 'U1'), inspector('I2', 'U2'), inspector('I3', 'U3'), inspector('I4', 'U3', ['T2'])],
    ...overrides,
  };
}

const planned = (overrides: Partial<PlanInspection> = {}) => (planInspection(command(overrides), initialPlanState()) as SupervisionEvent[]).reduce(evolvePlan, initialPlanState());
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
};

describe('planning a 双随机 draw', () => {
  it('freezes the lists in canonical order with their digests and announces the number of targets to draw', () => {
    const [plannedEvent, frozen] = planInspection(command({ targets: [target('T3', 'U1', 'DRAW_STRATUM_ELEVATED'), target('T2', 'U2'), target('T1', 'U1')] }), initialPlanState());
    expect(frozen.data.targets.map((t) => t.targetId)).toEqual(['T1', 'T2', 'T3']);
    expect(frozen.data.listsDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(plannedEvent.data.targetListId).toBe(frozen.data.targetListDigest);
    expect(plannedEvent.data.targetCount).toBe(2); // ceil(2 × 50%) regular + ceil(1 × 100%) elevated
  });

  it('refuses one inspector per target, and accepts two (the boundary)', () => {
    const error = refusal(() => planInspection(command({ inspectorsPerTarget: 1 }), initialPlanState())) as SupervisionRulesViolated;
    expect(error.violations).toEqual([expect.objectContaining({ field: 'inspectorsPerTarget', rule: 'two-inspectors' })]);
    expect(() => planInspection(command({ inspectorsPerTarget: 2 }), initialPlanState())).not.toThrow();
  });

  it('refuses a plan where a target would have fewer eligible inspectors than needed, naming the target', () => {
    // T2 (unit U2): I2 is of its unit, I4 declared a conflict; I1 and I3 remain → 2 is fine, 3 is not.
    const error = refusal(() => planInspection(command({ inspectorsPerTarget: 3 }), initialPlanState())) as SupervisionRulesViolated;
    expect(error.violations).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'targets[T2]', rule: 'enough-eligible-inspectors', message: expect.stringMatching(/^has 2 eligible/) })]),
    );
  });

  it('refuses an elevated proportion below the base one, and accepts an equal one', () => {
    expect((refusal(() => planInspection(command({ elevatedProportionBasisPoints: 4999 }), initialPlanState())) as SupervisionRulesViolated).violations[0].field).toBe(
      'elevatedProportionBasisPoints',
    );
    expect(() => planInspection(command({ elevatedProportionBasisPoints: 5000 }), initialPlanState())).not.toThrow();
  });

  it('freezes only lists that fit one Kafka message: 15,000 enterprises by credit code, not 15,000 with ids five times as long', () => {
    const many = (n: number, idLength: number) => Array.from({ length: n }, (_, i) => target(String(i).padStart(idLength, '9'), 'unit-310101-scjgj'));
    const [, frozen] = planInspection(command({ targets: many(15_000, 18) }), initialPlanState());
    expect(frozen.data.targets).toHaveLength(15_000);
    // The estimate stays above the real protobuf size, so an accepted plan always fits.
    expect(encodeEvent('supervision.InspectionListsFrozen', eventFromJson('supervision.InspectionListsFrozen', frozen.data as never) as never).length).toBeLessThan(
      frozenListBytes(frozen.data.targets, frozen.data.inspectors) + 200,
    );
    const error = refusal(() => planInspection(command({ targets: many(15_000, 90) }), initialPlanState())) as SupervisionRulesViolated;
    expect(error.violations).toEqual([expect.objectContaining({ field: 'regionCode', rule: 'list-size' })]);
  });

  it('refuses a commitment that is not a SHA-256 and a draw day in the past', () => {
    const error = refusal(() => planInspection(command({ seedCommitment: 'ABC', drawOn: '2025-11-02' }), initialPlanState())) as SupervisionRulesViolated;
    expect(error.violations.map((v) => v.field)).toEqual(['seedCommitment', 'drawOn']);
  });
});

describe('drawing', () => {
  let n = 0;
  const ids = () => `insp-${++n}`;

  it('reveals the seed and records the same selection an independent re-run gives', () => {
    const state = planned();
    const drawn = drawInspection({ seed: SEED, witness: '517', today: '2025-11-03', newInspectionId: ids }, state);
    const frozen = state.lists;
    if (!frozen) throw new Error('the plan froze no lists');
    const rerun = runDraw(frozenListsOf('plan-1', frozen), SEED, '517');
    expect(drawn.data.inspections.map(({ targetId, inspectorIds }) => ({ targetId, inspectorIds }))).toEqual(rerun.drawn);
    expect(drawn.data.listsDigest).toBe(frozen.listsDigest);
    expect(drawn.data.algorithm).toBe('sangeyipi-draw-v1');
  });

  it('takes the witness announced with the plan, and no other', () => {
    const announced = planned();
    expect((refusal(() => drawInspection({ seed: SEED, witness: '', today: '2025-11-03', newInspectionId: ids }, announced)) as SupervisionRulesViolated).violations[0].rule).toBe('witness-required');
    const none = planned({ witnessSource: '' });
    expect((refusal(() => drawInspection({ seed: SEED, witness: '517', today: '2025-11-03', newInspectionId: ids }, none)) as SupervisionRulesViolated).violations[0].rule).toBe('witness-announced');
    expect(drawInspection({ seed: SEED, witness: '', today: '2025-11-03', newInspectionId: ids }, none).data.witness).toBe('');
  });

  it('refuses a seed that does not match the commitment, a short seed, an early draw and a second draw', () => {
    const state = planned();
    expect((refusal(() => drawInspection({ seed: 'b2'.repeat(16), witness: '517', today: '2025-11-03', newInspectionId: ids }, state)) as SupervisionRulesViolated).violations[0].rule).toBe(
      'seed-matches-commitment',
    );
    expect((refusal(() => drawInspection({ seed: 'a1'.repeat(15), witness: '517', today: '2025-11-03', newInspectionId: ids }, state)) as SupervisionRulesViolated).violations[0].rule).toBe('seed-format');
    expect((refusal(() => drawInspection({ seed: SEED, witness: '517', today: '2025-11-02', newInspectionId: ids }, state)) as SupervisionStateConflict).code).toBe('draw-not-due');
    const drawnState = evolvePlan(state, drawInspection({ seed: SEED, witness: '517', today: '2025-11-03', newInspectionId: ids }, state));
    expect((refusal(() => drawInspection({ seed: SEED, witness: '517', today: '2025-11-03', newInspectionId: ids }, drawnState)) as SupervisionStateConflict).code).toBe('already-drawn');
  });
});

describe('publishing a result within 20 working days (working-day arithmetic)', () => {
  const calendar = new WorkingDayCalendar();
  const inspection: DrawnInspectionRecord = { inspectionId: 'i-1', planId: 'plan-1', targetId: 'T1', drawnOn: '2025-09-01', published: false };
  const publish = (today: string) =>
    publishResult({ outcome: 'INSPECTION_OUTCOME_COMPLIANT', summary: '未发现问题', inspectedOn: '2025-09-26', today }, inspection, calendar);

  it('is on time on the 20th working day after the inspection, across National Day and its adjustment days', () => {
    // 2025-09-26 + 20 working days: 9-28 (Sunday) and 10-11 (Saturday) work, 10-01…10-08 do not.
    expect(publish('2025-10-30').map((e) => e.type)).toEqual(['supervision.InspectionResultPublished']);
  });

  it('is flagged late one day after, with the working days taken', () => {
    const events = publish('2025-10-31');
    expect(events.map((e) => e.type)).toEqual(['supervision.InspectionResultPublished', 'supervision.InspectionPublicationLate']);
    expect(events[1]?.data).toEqual(expect.objectContaining({ dueOn: '2025-10-30', publishedOn: '2025-10-31', workingDaysTaken: 21 }));
  });

  it('refuses a second publication, an inspection before the draw and one in the future', () => {
    expect(() => publishResult({ outcome: 'INSPECTION_OUTCOME_COMPLIANT', summary: 's', inspectedOn: '2025-09-26', today: '2025-09-30' }, { ...inspection, published: true }, calendar)).toThrow(
      SupervisionStateConflict,
    );
    const error = refusal(() =>
      publishResult({ outcome: 'INSPECTION_OUTCOME_COMPLIANT', summary: 's', inspectedOn: '2025-08-31', today: '2025-09-30' }, inspection, calendar),
    ) as SupervisionRulesViolated;
    expect(error.violations[0]).toEqual(expect.objectContaining({ field: 'inspectedOn', rule: 'after-draw' }));
    expect(() => publishResult({ outcome: 'INSPECTION_OUTCOME_COMPLIANT', summary: 's', inspectedOn: '2025-10-01', today: '2025-09-30' }, inspection, calendar)).toThrow(
      /not-in-the-future/,
    );
  });
});
