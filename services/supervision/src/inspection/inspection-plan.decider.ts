import { SupervisionStateConflict, SupervisionRulesViolated, violation, type FieldViolation } from '../supervision.errors';
import type { AdministrativeLevel, InspectionDrawn, InspectionListsFrozen, InspectionMethod, InspectionPlanned, SupervisionEvent } from '../supervision.events';
import {
  commitToSeed,
  DRAW_ALGORITHM,
  digestLists,
  drawCount,
  eligibleInspectors,
  runDraw,
  canonicalLists,
  type FrozenInspector,
  type FrozenLists,
  type FrozenTarget,
} from '../draw/verifiable-draw';

/**
 * A 双随机 plan, pure: planned (seed committed, lists frozen and digested, witness source announced)
 * → drawn (seed and witness revealed, selection recorded). Nothing about the selection is decided
 * before the seed is revealed, the seed is bound by its commitment, and the witness is a public value
 * unknown when the seed was chosen: the draw can be re-run by anyone from the published events, and
 * neither the committer nor the drawer can steer it.
 */
export interface PlanState {
  status: 'none' | 'planned' | 'drawn';
  planId: string;
  regionCode: string;
  seedCommitment: string;
  drawOn: string;
  /** The public value announced as the draw's witness; '' when the draw takes none. */
  witnessSource: string;
  lists?: InspectionListsFrozen['data'];
}

export function initialPlanState(): PlanState {
  return { status: 'none', planId: '', regionCode: '', seedCommitment: '', drawOn: '', witnessSource: '' };
}

export function evolvePlan(state: PlanState, event: SupervisionEvent): PlanState {
  switch (event.type) {
    case 'supervision.InspectionPlanned':
      return {
        ...state,
        status: 'planned',
        planId: event.data.planId,
        regionCode: event.data.regionCode,
        seedCommitment: event.data.seedCommitment,
        drawOn: event.data.drawOn,
        witnessSource: event.data.witnessSource ?? '',
      };
    case 'supervision.InspectionListsFrozen':
      return { ...state, lists: event.data };
    case 'supervision.InspectionDrawn':
      return { ...state, status: 'drawn' };
    default:
      return state;
  }
}

/** The least seed length: 16 bytes, so the commitment cannot be searched before the reveal. */
export const MIN_SEED_HEX_LENGTH = 32;
export const MIN_INSPECTORS_PER_TARGET = 2;
/**
 * The frozen lists travel in one event, and Kafka refuses a message over 1 MB by default: a larger
 * registry is drawn in several plans (by region). The estimate is the protobuf size of the lists.
 */
export const MAX_FROZEN_LIST_BYTES = 900_000;

/** The protobuf size of the frozen lists, near enough: ids in UTF-8 plus tags, lengths and enums. */
export function frozenListBytes(targets: readonly FrozenTarget[], inspectors: readonly FrozenInspector[]): number {
  const text = (value: string) => Buffer.byteLength(value, 'utf8') + 2;
  let bytes = 0;
  for (const t of targets) bytes += text(t.targetId) + text(t.affiliatedUnitId) + 10;
  for (const i of inspectors) bytes += text(i.inspectorId) + text(i.unitId) + i.conflictingTargetIds.reduce((sum, id) => sum + text(id), 0) + 4;
  return bytes;
}
const HEX_DIGEST = /^[0-9a-f]{64}$/;

export interface PlanInspection {
  planId: string;
  title: string;
  level: AdministrativeLevel;
  regionCode: string;
  inspectionItemId: string;
  method: InspectionMethod;
  proportionBasisPoints: number;
  elevatedProportionBasisPoints: number;
  inspectorsPerTarget: number;
  seedCommitment: string;
  drawOn: string;
  witnessSource: string;
  today: string;
  targets: FrozenTarget[];
  inspectors: FrozenInspector[];
}

/** Plans a draw: the rules checked now so that the draw itself cannot fail. */
export function planInspection(command: PlanInspection, state: PlanState): [InspectionPlanned, InspectionListsFrozen] {
  if (state.status !== 'none') throw new SupervisionStateConflict('plan-exists', `plan ${command.planId} already exists`);
  const problems: FieldViolation[] = [];
  if (!HEX_DIGEST.test(command.seedCommitment)) problems.push({ field: 'seedCommitment', rule: 'sha256-hex', message: 'must be the lowercase hex SHA-256 of the seed (64 characters)' });
  if (command.inspectorsPerTarget < MIN_INSPECTORS_PER_TARGET) {
    problems.push({ field: 'inspectorsPerTarget', rule: 'two-inspectors', message: `must be at least ${MIN_INSPECTORS_PER_TARGET}` });
  }
  if (command.elevatedProportionBasisPoints < command.proportionBasisPoints || command.elevatedProportionBasisPoints > 10_000) {
    problems.push({ field: 'elevatedProportionBasisPoints', rule: 'elevated-at-least-base', message: `must be between the base proportion (${command.proportionBasisPoints}) and 10000` });
  }
  if (command.drawOn < command.today) problems.push({ field: 'drawOn', rule: 'not-in-the-past', message: `must be ${command.today} or later` });
  if (command.targets.length === 0) problems.push({ field: 'targets', rule: 'targets-listed', message: 'no registered target of the item\'s kind in the region' });
  const listBytes = frozenListBytes(command.targets, command.inspectors);
  if (listBytes > MAX_FROZEN_LIST_BYTES) {
    throw new SupervisionRulesViolated([
      ...problems,
      {
        field: 'regionCode',
        rule: 'list-size',
        message: `the region's ${command.targets.length} targets and ${command.inspectors.length} inspectors would take ${listBytes} bytes; one plan holds at most ${MAX_FROZEN_LIST_BYTES} (about 15,000 targets): plan by smaller regions`,
      },
    ]);
  }
  const lists: FrozenLists = canonicalLists({
    planId: command.planId,
    targets: command.targets,
    inspectors: command.inspectors,
    proportionBasisPoints: command.proportionBasisPoints,
    elevatedProportionBasisPoints: command.elevatedProportionBasisPoints,
    inspectorsPerTarget: command.inspectorsPerTarget,
  });
  if (command.inspectorsPerTarget >= MIN_INSPECTORS_PER_TARGET) {
    for (const target of lists.targets) {
      const eligible = eligibleInspectors(target, lists.inspectors).length;
      if (eligible < command.inspectorsPerTarget) {
        problems.push({
          field: `targets[${target.targetId}]`,
          rule: 'enough-eligible-inspectors',
          message: `has ${eligible} eligible inspectors (not of unit ${target.affiliatedUnitId}, no declared conflict); ${command.inspectorsPerTarget} needed`,
        });
      }
    }
  }
  if (problems.length) throw new SupervisionRulesViolated(problems);

  const digests = digestLists(lists);
  const count = (stratum: FrozenTarget['stratum'], bp: number) => drawCount(lists.targets.filter((t) => t.stratum === stratum).length, bp);
  return [
    {
      type: 'supervision.InspectionPlanned',
      data: {
        planId: command.planId,
        title: command.title,
        level: command.level,
        regionCode: command.regionCode,
        targetListId: digests.targetListDigest,
        inspectorListId: digests.inspectorListDigest,
        targetCount: count('DRAW_STRATUM_REGULAR', lists.proportionBasisPoints) + count('DRAW_STRATUM_ELEVATED', lists.elevatedProportionBasisPoints),
        inspectorsPerTarget: command.inspectorsPerTarget,
        method: command.method,
        seedCommitment: command.seedCommitment,
        drawOn: command.drawOn,
        witnessSource: command.witnessSource,
      },
    },
    {
      type: 'supervision.InspectionListsFrozen',
      data: {
        planId: command.planId,
        inspectionItemId: command.inspectionItemId,
        targets: lists.targets,
        inspectors: lists.inspectors,
        proportionBasisPoints: lists.proportionBasisPoints,
        elevatedProportionBasisPoints: lists.elevatedProportionBasisPoints,
        inspectorsPerTarget: lists.inspectorsPerTarget,
        ...digests,
      },
    },
  ];
}

export interface DrawInspection {
  seed: string;
  witness: string;
  today: string;
  newInspectionId: () => string;
}

/** The frozen lists as the draw reads them back from the plan's events. */
export function frozenListsOf(planId: string, frozen: InspectionListsFrozen['data']): FrozenLists {
  return {
    planId,
    targets: frozen.targets.map((t) => ({ ...t, complaintCount: t.complaintCount ?? 0 })),
    inspectors: frozen.inspectors.map((i) => ({ ...i, conflictingTargetIds: i.conflictingTargetIds ?? [] })),
    proportionBasisPoints: frozen.proportionBasisPoints ?? 0,
    elevatedProportionBasisPoints: frozen.elevatedProportionBasisPoints ?? 0,
    inspectorsPerTarget: frozen.inspectorsPerTarget,
  };
}

/** Reveals the seed and draws: the seed must match the commitment, on or after the announced day. */
export function drawInspection(command: DrawInspection, state: PlanState): InspectionDrawn {
  if (state.status === 'drawn') throw new SupervisionStateConflict('already-drawn', `plan ${state.planId} has been drawn`);
  if (state.status !== 'planned' || !state.lists) throw new SupervisionStateConflict('plan-not-found', 'no such plan');
  if (!/^[0-9a-f]+$/.test(command.seed) || command.seed.length % 2 !== 0 || command.seed.length < MIN_SEED_HEX_LENGTH) {
    throw violation('seed', 'seed-format', `must be lowercase hex of at least ${MIN_SEED_HEX_LENGTH / 2} bytes`);
  }
  if (commitToSeed(command.seed) !== state.seedCommitment) throw violation('seed', 'seed-matches-commitment', 'its SHA-256 is not the commitment published with the plan');
  // A witness chosen at the draw by someone who knows the seed could steer it: only the one announced with the plan counts.
  if (!state.witnessSource && command.witness) throw violation('witness', 'witness-announced', 'the plan announced no witness: the draw takes none');
  if (state.witnessSource && !command.witness) throw violation('witness', 'witness-required', `the plan announced its witness: ${state.witnessSource}`);
  if (command.today < state.drawOn) throw new SupervisionStateConflict('draw-not-due', `the draw is announced for ${state.drawOn}`);
  const { listsDigest, drawn } = runDraw(frozenListsOf(state.planId, state.lists), command.seed, command.witness);
  // The lists are read back from the plan's own events: a different digest means the history changed.
  if (listsDigest !== state.lists.listsDigest) throw new Error(`plan ${state.planId}: the frozen lists no longer match their published digest`);
  return {
    type: 'supervision.InspectionDrawn',
    data: {
      planId: state.planId,
      seed: command.seed,
      inspections: drawn.map((d) => ({ inspectionId: command.newInspectionId(), targetId: d.targetId, inspectorIds: d.inspectorIds })),
      listsDigest,
      witness: command.witness,
      algorithm: DRAW_ALGORITHM,
      drawnOn: command.today,
    },
  };
}
