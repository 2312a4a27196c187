import { createHash } from 'node:crypto';

/**
 * The verifiable 双随机 draw ("sangeyipi-draw-v1"), pure and deterministic: the same published
 * inputs give the same selection on any machine. docs/supervision.md states every step so that anyone
 * can re-implement it; keep the two in step (a change is a new algorithm name, never an edit).
 */
export const DRAW_ALGORITHM = 'sangeyipi-draw-v1';

export type DrawStratum = 'DRAW_STRATUM_REGULAR' | 'DRAW_STRATUM_ELEVATED';
export type CreditClass = 'CREDIT_CLASS_A' | 'CREDIT_CLASS_B' | 'CREDIT_CLASS_C' | 'CREDIT_CLASS_D';

export interface FrozenTarget {
  targetId: string;
  affiliatedUnitId: string;
  stratum: DrawStratum;
  creditClass: CreditClass;
  complaintCount: number;
}

export interface FrozenInspector {
  inspectorId: string;
  unitId: string;
  conflictingTargetIds: string[];
}

export interface DrawParameters {
  /** Base proportion of regular targets, in basis points (1000 = 10%). */
  proportionBasisPoints: number;
  /** Proportion of elevated targets (poor credit, many complaints), in basis points. */
  elevatedProportionBasisPoints: number;
  inspectorsPerTarget: number;
}

export interface FrozenLists extends DrawParameters {
  planId: string;
  targets: FrozenTarget[];
  inspectors: FrozenInspector[];
}

export interface ListDigests {
  targetListDigest: string;
  inspectorListDigest: string;
  listsDigest: string;
}

export interface DrawnTarget {
  targetId: string;
  inspectorIds: string[];
}

const BASIS_POINTS = 10_000;
const TWO_POW_32 = 0x1_0000_0000;

export function sha256Hex(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Orders ids by their UTF-8 bytes, the same order on every platform and language. */
export function compareIds(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Ids and unit ids go into tab-separated lines: they may not hold tabs, newlines or commas. */
export function isListSafeId(id: string): boolean {
  return id.length > 0 && !/[\t\n\r,]/.test(id);
}

/** The lists in canonical order: targets and inspectors by id, each inspector's conflicts by id. */
export function canonicalLists(lists: FrozenLists): FrozenLists {
  return {
    ...lists,
    targets: [...lists.targets].sort((a, b) => compareIds(a.targetId, b.targetId)),
    inspectors: [...lists.inspectors]
      .map((inspector) => ({ ...inspector, conflictingTargetIds: [...inspector.conflictingTargetIds].sort(compareIds) }))
      .sort((a, b) => compareIds(a.inspectorId, b.inspectorId)),
  };
}

export function targetListText(targets: readonly FrozenTarget[]): string {
  return targets.map((t) => `${t.targetId}\t${t.affiliatedUnitId}\t${t.stratum}\t${t.creditClass}\t${t.complaintCount}\n`).join('');
}

export function inspectorListText(inspectors: readonly FrozenInspector[]): string {
  return inspectors.map((i) => `${i.inspectorId}\t${i.unitId}\t${i.conflictingTargetIds.join(',')}\n`).join('');
}

/** The digests published with the frozen lists, before the seed is revealed. */
export function digestLists(lists: FrozenLists): ListDigests {
  const canonical = canonicalLists(lists);
  const targetListDigest = sha256Hex(targetListText(canonical.targets));
  const inspectorListDigest = sha256Hex(inspectorListText(canonical.inspectors));
  const listsDigest = sha256Hex(
    [DRAW_ALGORITHM, lists.planId, targetListDigest, inspectorListDigest, lists.proportionBasisPoints, lists.elevatedProportionBasisPoints, lists.inspectorsPerTarget]
      .map((part) => `${part}\n`)
      .join(''),
  );
  return { targetListDigest, inspectorListDigest, listsDigest };
}

/** The seed commitment: SHA-256 of the seed's bytes (the seed is lowercase hex). */
export function commitToSeed(seedHex: string): string {
  return sha256Hex(Buffer.from(seedHex, 'hex'));
}

/**
 * The random stream: block i = SHA-256(key ‖ i as 8-byte big-endian), read as successive 32-bit
 * big-endian unsigned integers; key = SHA-256 of `sangeyipi-draw-v1|<seed>|<lists digest>|<witness>`.
 */
export class DrawRandom {
  private readonly key: Buffer;
  private block = Buffer.alloc(0);
  private offset = 0;
  private counter = 0n;

  constructor(seedHex: string, listsDigest: string, witness: string) {
    this.key = createHash('sha256').update(`${DRAW_ALGORITHM}|${seedHex}|${listsDigest}|${witness}`, 'utf8').digest();
  }

  nextUint32(): number {
    if (this.offset >= this.block.length) {
      const counter = Buffer.alloc(8);
      counter.writeBigUInt64BE(this.counter);
      this.counter += 1n;
      this.block = createHash('sha256').update(this.key).update(counter).digest();
      this.offset = 0;
    }
    const value = this.block.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  /** Uniform in [0, n), by rejection: values at or above the largest multiple of n below 2^32 are redrawn. */
  below(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) throw new RangeError(`cannot draw below ${n}`);
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    for (;;) {
      const value = this.nextUint32();
      if (value < limit) return value % n;
    }
  }
}

/** The first k of a partial Fisher–Yates shuffle of `items` (not modified): k distinct items, uniformly. */
function pick<T>(items: readonly T[], k: number, random: DrawRandom): T[] {
  const pool = [...items];
  for (let i = 0; i < k; i += 1) {
    const j = i + random.below(pool.length - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, k);
}

/** How many targets of a stratum of `size` are drawn at `basisPoints`: rounded up, so a non-empty share draws at least one. */
export function drawCount(size: number, basisPoints: number): number {
  return Math.ceil((size * basisPoints) / BASIS_POINTS);
}

/** Inspectors who may inspect the target: not of its own unit, no declared conflict with it. */
export function eligibleInspectors(target: FrozenTarget, inspectors: readonly FrozenInspector[]): FrozenInspector[] {
  return inspectors.filter((i) => i.unitId !== target.affiliatedUnitId && !i.conflictingTargetIds.includes(target.targetId));
}

/**
 * Runs the draw: regular targets first, then elevated ones, each stratum by a partial Fisher–Yates
 * shuffle of its canonical list; then, target by target in drawn order, `inspectorsPerTarget` of its
 * eligible inspectors (canonical order) the same way. Throws when a drawn target has too few eligible
 * inspectors (plans are refused before that can happen).
 */
export function runDraw(lists: FrozenLists, seedHex: string, witness: string): { listsDigest: string; drawn: DrawnTarget[] } {
  const canonical = canonicalLists(lists);
  const { listsDigest } = digestLists(canonical);
  const random = new DrawRandom(seedHex, listsDigest, witness);
  const regular = canonical.targets.filter((t) => t.stratum === 'DRAW_STRATUM_REGULAR');
  const elevated = canonical.targets.filter((t) => t.stratum === 'DRAW_STRATUM_ELEVATED');
  const selected = [
    ...pick(regular, drawCount(regular.length, lists.proportionBasisPoints), random),
    ...pick(elevated, drawCount(elevated.length, lists.elevatedProportionBasisPoints), random),
  ];
  const drawn = selected.map((target) => {
    const eligible = eligibleInspectors(target, canonical.inspectors);
    if (eligible.length < lists.inspectorsPerTarget) {
      throw new RangeError(`target ${target.targetId} has ${eligible.length} eligible inspectors, ${lists.inspectorsPerTarget} needed`);
    }
    return { targetId: target.targetId, inspectorIds: pick(eligible, lists.inspectorsPerTarget, random).map((i) => i.inspectorId) };
  });
  return { listsDigest, drawn };
}
