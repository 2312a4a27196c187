import { createHash } from 'node:crypto';
import {
  commitToSeed,
  digestLists,
  drawCount,
  DrawRandom,
  eligibleInspectors,
  runDraw,
  type FrozenInspector,
  type FrozenLists,
  type FrozenTarget,
} from './verifiable-draw';

const seedOf = (n: number) => createHash('sha256').update(`seed-${n}`).digest('hex');

function target(i: number, overrides: Partial<FrozenTarget> = {}): FrozenTarget {
  return { targetId: `T${String(i).padStart(3, '0')}`, affiliatedUnitId: `U${i % 4}`, stratum: 'DRAW_STRATUM_REGULAR', creditClass: 'CREDIT_CLASS_A', complaintCount: 0, ...overrides };
}
function inspector(i: number, overrides: Partial<FrozenInspector> = {}): FrozenInspector {
  return { inspectorId: `I${String(i).padStart(2, '0')}`, unitId: `U${i % 4}`, conflictingTargetIds: [], ...overrides };
}
function lists(overrides: Partial<FrozenLists> = {}): FrozenLists {
  return {
    planId: 'plan-1',
    targets: Array.from({ length: 40 }, (_, i) => target(i)),
    inspectors: Array.from({ length: 12 }, (_, i) => inspector(i)),
    proportionBasisPoints: 1000,
    elevatedProportionBasisPoints: 3000,
    inspectorsPerTarget: 2,
    ...overrides,
  };
}

describe('the verifiable draw (sangeyipi-draw-v1)', () => {
  it('gives the same selection when re-run from the same published inputs, whatever order the lists come in', () => {
    const published = lists();
    const first = runDraw(published, seedOf(1), 'witness');
    const reordered = { ...published, targets: [...published.targets].reverse(), inspectors: [...published.inspectors].reverse() };
    const rerun = runDraw(JSON.parse(JSON.stringify(reordered)) as FrozenLists, seedOf(1), 'witness');
    expect(rerun).toEqual(first);
    expect(first.drawn).toHaveLength(4);
  });

  it('changes the digest when one list entry changes, and the selection with the seed or the witness', () => {
    const base = digestLists(lists());
    const oneTargetMoved = lists({ targets: lists().targets.map((t, i) => (i === 7 ? { ...t, affiliatedUnitId: 'U9' } : t)) });
    expect(digestLists(oneTargetMoved).targetListDigest).not.toBe(base.targetListDigest);
    expect(digestLists(oneTargetMoved).listsDigest).not.toBe(base.listsDigest);
    const oneConflictAdded = lists({ inspectors: lists().inspectors.map((x, i) => (i === 3 ? { ...x, conflictingTargetIds: ['T001'] } : x)) });
    expect(digestLists(oneConflictAdded).inspectorListDigest).not.toBe(base.inspectorListDigest);
    expect(digestLists(oneConflictAdded).targetListDigest).toBe(base.targetListDigest);
    expect(digestLists(lists({ proportionBasisPoints: 1001 })).listsDigest).not.toBe(base.listsDigest);
    expect(digestLists(lists({ targets: lists().targets.slice(1) })).listsDigest).not.toBe(base.listsDigest);

    const selection = (seed: string, witness: string) => runDraw(lists(), seed, witness).drawn.map((d) => d.targetId).join();
    expect(selection(seedOf(2), '')).not.toBe(selection(seedOf(3), ''));
    expect(selection(seedOf(2), 'a')).not.toBe(selection(seedOf(2), 'b'));
  });

  it('reproduces the example vector of docs/supervision.md (also reproduced by tools/redraw.py)', () => {
    const example: FrozenLists = {
      planId: 'plan-example',
      targets: [
        { targetId: 'T-A', affiliatedUnitId: 'U1', stratum: 'DRAW_STRATUM_REGULAR', creditClass: 'CREDIT_CLASS_A', complaintCount: 0 },
        { targetId: 'T-B', affiliatedUnitId: 'U2', stratum: 'DRAW_STRATUM_REGULAR', creditClass: 'CREDIT_CLASS_B', complaintCount: 1 },
        { targetId: 'T-C', affiliatedUnitId: 'U1', stratum: 'DRAW_STRATUM_REGULAR', creditClass: 'CREDIT_CLASS_A', complaintCount: 0 },
        { targetId: 'T-D', affiliatedUnitId: 'U3', stratum: 'DRAW_STRATUM_ELEVATED', creditClass: 'CREDIT_CLASS_D', complaintCount: 0 },
        { targetId: 'T-E', affiliatedUnitId: 'U2', stratum: 'DRAW_STRATUM_ELEVATED', creditClass: 'CREDIT_CLASS_A', complaintCount: 4 },
      ],
      inspectors: [inspector(1, { inspectorId: 'I-1', unitId: 'U1' }), inspector(2, { inspectorId: 'I-2', unitId: 'U2', conflictingTargetIds: ['T-D'] }), inspector(3, { inspectorId: 'I-3', unitId: 'U3' }), inspector(4, { inspectorId: 'I-4', unitId: 'U4' })],
      proportionBasisPoints: 4000,
      elevatedProportionBasisPoints: 5000,
      inspectorsPerTarget: 2,
    };
    const seed = '000102030405060708090a0b0c0d0e0f';
    expect(commitToSeed(seed)).toBe('be45cb2605bf36bebde684841a28f0fd43c69850a3dce5fedba69928ee3a8991');
    expect(digestLists(example)).toEqual({
      targetListDigest: 'cedf2281d8d82ad991fd5f49449dd7fb3af5f01fe4c6d78ca07aa543ced8d528',
      inspectorListDigest: '11d284b7b0136e8712cacac2b216c17dea98e0f629c6da61b50af6d190422938',
      listsDigest: '3d755af00a60bcd4479dedaadfb302d46bee17f3e219d74f659eb12c4dde1621',
    });
    expect(runDraw(example, seed, 'witness-123').drawn).toEqual([
      { targetId: 'T-A', inspectorIds: ['I-2', 'I-3'] },
      { targetId: 'T-B', inspectorIds: ['I-3', 'I-1'] },
      { targetId: 'T-E', inspectorIds: ['I-4', 'I-1'] },
    ]);
  });

  it('commits to the seed with SHA-256 of its bytes', () => {
    expect(commitToSeed('74657374')).toBe(createHash('sha256').update('test').digest('hex'));
  });

  describe('the proportion, at its boundaries', () => {
    it.each([
      [10, 1000, 1],
      [11, 1000, 2],
      [1, 1, 1],
      [40, 0, 0],
      [40, 10_000, 40],
      [0, 5000, 0],
    ])('draws ceil(%i × %i / 10000) = %i targets', (size, bp, expected) => {
      expect(drawCount(size, bp)).toBe(expected);
      const drawn = runDraw(lists({ targets: Array.from({ length: size }, (_, i) => target(i)), proportionBasisPoints: bp }), seedOf(size), '').drawn;
      expect(drawn).toHaveLength(expected);
      expect(new Set(drawn.map((d) => d.targetId)).size).toBe(expected);
    });

    it('holds over many draws, with elevated targets drawn at their higher proportion', () => {
      const targets = Array.from({ length: 40 }, (_, i) => target(i, i < 10 ? { stratum: 'DRAW_STRATUM_ELEVATED', creditClass: 'CREDIT_CLASS_D' } : {}));
      const elevatedIds = new Set(targets.slice(0, 10).map((t) => t.targetId));
      for (let n = 0; n < 500; n += 1) {
        const drawn = runDraw(lists({ targets }), seedOf(n), '').drawn;
        expect(drawn.filter((d) => !elevatedIds.has(d.targetId))).toHaveLength(3); // ceil(30 × 10%)
        expect(drawn.filter((d) => elevatedIds.has(d.targetId))).toHaveLength(3); // ceil(10 × 30%)
      }
    });
  });

  it('gives every drawn target at least two distinct inspectors, never of its own unit nor with a declared conflict, over many draws', () => {
    const inspectors = Array.from({ length: 12 }, (_, i) => inspector(i, i === 5 ? { conflictingTargetIds: ['T002', 'T010'] } : {}));
    const published = lists({ inspectors, proportionBasisPoints: 10_000, inspectorsPerTarget: 2 });
    for (let n = 0; n < 100; n += 1) {
      for (const { targetId, inspectorIds } of runDraw(published, seedOf(n), '').drawn) {
        const t = published.targets.find((x) => x.targetId === targetId) as FrozenTarget;
        expect(inspectorIds).toHaveLength(2);
        expect(new Set(inspectorIds).size).toBe(2);
        for (const id of inspectorIds) {
          const i = inspectors.find((x) => x.inspectorId === id) as FrozenInspector;
          expect(i.unitId).not.toBe(t.affiliatedUnitId);
          expect(i.conflictingTargetIds).not.toContain(targetId);
        }
      }
    }
  });

  it('excludes exactly the own-unit and conflicted inspectors, and refuses a target left with too few', () => {
    const t = target(2, { affiliatedUnitId: 'U1' });
    const inspectors = [inspector(1, { unitId: 'U1' }), inspector(2, { unitId: 'U2', conflictingTargetIds: ['T002'] }), inspector(3, { unitId: 'U3' })];
    expect(eligibleInspectors(t, inspectors).map((i) => i.inspectorId)).toEqual(['I03']);
    expect(() => runDraw(lists({ targets: [t], inspectors, proportionBasisPoints: 10_000 }), seedOf(1), '')).toThrow(/1 eligible inspectors, 2 needed/);
  });

  it('selects each target uniformly: chi-square over 10,000 draws stays below the 0.1% critical value', () => {
    const size = 50;
    const published = lists({ targets: Array.from({ length: size }, (_, i) => target(i)), proportionBasisPoints: 1000 });
    const counts = new Map<string, number>(published.targets.map((t) => [t.targetId, 0]));
    const draws = 10_000;
    for (let n = 0; n < draws; n += 1) {
      for (const { targetId } of runDraw(published, seedOf(n), '').drawn) counts.set(targetId, (counts.get(targetId) ?? 0) + 1);
    }
    const expected = (draws * drawCount(size, 1000)) / size; // 1,000 selections per target
    const chiSquare = [...counts.values()].reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
    // 49 degrees of freedom: P(χ² > 85.35) = 0.001.
    expect(chiSquare).toBeLessThan(85.35);
    // A draw that ignored part of the list would be far off: every target is drawn.
    expect(Math.min(...counts.values())).toBeGreaterThan(expected * 0.85);
  });

  it('assigns each eligible inspector uniformly: chi-square over 10,000 draws stays below the 0.1% critical value', () => {
    const inspectors = Array.from({ length: 12 }, (_, i) => inspector(i, i === 5 ? { conflictingTargetIds: ['T000'] } : {}));
    const published = lists({ targets: [target(0, { affiliatedUnitId: 'U0' })], inspectors, proportionBasisPoints: 10_000 });
    const eligible = inspectors.filter((i) => i.unitId !== 'U0' && !i.conflictingTargetIds.includes('T000')); // 8 of 12
    expect(eligible).toHaveLength(8);
    const counts = new Map<string, number>(eligible.map((i) => [i.inspectorId, 0]));
    const draws = 10_000;
    for (let n = 0; n < draws; n += 1) {
      for (const id of runDraw(published, seedOf(n), '').drawn[0].inspectorIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(eligible.map((i) => i.inspectorId).sort());
    const expected = (draws * 2) / eligible.length; // 2,500 assignments each
    const chiSquare = [...counts.values()].reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
    // 7 degrees of freedom: P(χ² > 24.32) = 0.001.
    expect(chiSquare).toBeLessThan(24.32);
  });

  it('draws integers below n without modulo bias', () => {
    const random = new DrawRandom(seedOf(9), 'digest', '');
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i += 1) counts[random.below(3)] += 1;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(400);
    expect(() => random.below(0)).toThrow(RangeError);
  });
});
