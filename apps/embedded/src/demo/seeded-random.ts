/**
 * A repeatable source of randomness: the same seed gives the same draws, so a demo world and a
 * simulation can be reproduced (and tested) exactly. mulberry32: 32 bits of state, fast, and evenly
 * spread enough for drawing shares and picking from lists.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Draws from a random source: the helpers every generator and actor needs. */
export class Draw {
  constructor(readonly random: () => number) {}

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.random() < probability;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('cannot pick from an empty list');
    return list[Math.floor(this.random() * list.length)] as T;
  }

  /** One key of a table of weights, in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as Array<[K, number]>;
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let point = this.random() * total;
    for (const [key, weight] of entries) {
      point -= weight;
      if (point < 0) return key;
    }
    // Only reached when rounding leaves `point` at the very end: the last key with a weight.
    const last = entries.filter(([, weight]) => weight > 0).pop() ?? entries[entries.length - 1];
    if (!last) throw new Error('cannot draw from an empty table of weights');
    return last[0];
  }

  /** `count` distinct elements of a list (fewer when the list is shorter), in drawn order. */
  sample<T>(list: readonly T[], count: number): T[] {
    const pool = [...list];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(this.random() * pool.length), 1)[0] as T);
    return chosen;
  }

  /** A waiting time with the given mean, exponentially distributed (the gaps of a Poisson process). */
  exponential(mean: number): number {
    return -Math.log(1 - this.random()) * mean;
  }
}
