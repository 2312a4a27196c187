import type { Fact, FoldableEvent } from './fact.types';
import { factKeyOf, foldEvent } from './fold';

export interface FoldCounts {
  folded: number;
  repeats: number;
  ignored: number;
}

/** Facts held in memory while a history is replayed (rebuild, the auditor, the benchmark). */
export class FactFolder {
  readonly facts = new Map<string, Fact>();
  readonly counts: FoldCounts = { folded: 0, repeats: 0, ignored: 0 };

  /** Folds the event into its stream's fact, in place; returns the fact when it changed. */
  add(event: FoldableEvent): Fact | undefined {
    const key = factKeyOf(event);
    const result = foldEvent(this.facts.get(key), event);
    if (result === 'repeat') this.counts.repeats++;
    else if (result === 'ignored') this.counts.ignored++;
    else {
      this.facts.set(key, result);
      this.counts.folded++;
      return result;
    }
    return undefined;
  }
}
