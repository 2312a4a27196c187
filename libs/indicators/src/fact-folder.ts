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

  add(event: FoldableEvent): void {
    const key = factKeyOf(event);
    const result = foldEvent(this.facts.get(key), event);
    if (result === 'repeat') this.counts.repeats++;
    else if (result === 'ignored') this.counts.ignored++;
    else {
      this.facts.set(key, result);
      this.counts.folded++;
    }
  }
}
