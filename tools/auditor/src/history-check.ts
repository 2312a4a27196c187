import { chainHash } from '@sangeyipi/eventstore';

/** What the chain checks need of one event, wherever it was read. */
export interface ChainedEvent {
  eventId: string;
  streamId: string;
  streamVersion: number;
  sourceService: string;
  sourcePosition: bigint;
  hash: string;
  previousHash: string;
  logChainHash: string;
  /** Where it was read: `<topic>[<partition>]@<offset>`. */
  location: string;
  /** The bytes that must be the same in every copy (the envelope). */
  fingerprint: string;
}

export interface HistoryProblem {
  eventId: string;
  location: string;
  problem: string;
}

/**
 * Checks the links the envelopes carry, whatever order the partitions were read in: every copy of
 * an event is the same; within a stream each event's previous hash is the hash of the version before
 * it; within a service's sealed log each log hash follows from the one before it and the event's hash.
 * Links to an event outside the history read are not checked (a bulletin's ranges may end mid-stream).
 */
export class HistoryChecker {
  private readonly byId = new Map<string, ChainedEvent>();
  private readonly problems: HistoryProblem[] = [];
  repeats = 0;

  add(event: ChainedEvent): void {
    const seen = this.byId.get(event.eventId);
    if (!seen) {
      this.byId.set(event.eventId, event);
      return;
    }
    if (seen.fingerprint === event.fingerprint) this.repeats++;
    else this.problems.push({ eventId: event.eventId, location: event.location, problem: `differs from its other copy at ${seen.location}: one of them was altered` });
  }

  /** Reports a problem found outside the links (e.g. content that does not match its digest). */
  report(problem: HistoryProblem): void {
    this.problems.push(problem);
  }

  /** Every problem, the earliest in log order first. */
  finish(): HistoryProblem[] {
    const streams = new Map<string, Map<number, ChainedEvent>>();
    const logs = new Map<string, Map<bigint, ChainedEvent>>();
    for (const event of this.byId.values()) {
      const versions = streams.get(event.streamId) ?? new Map<number, ChainedEvent>();
      streams.set(event.streamId, versions.set(event.streamVersion, event));
      const positions = logs.get(event.sourceService) ?? new Map<bigint, ChainedEvent>();
      logs.set(event.sourceService, positions.set(event.sourcePosition, event));
    }
    const found: HistoryProblem[] = [...this.problems];
    for (const versions of streams.values()) {
      for (const event of versions.values()) {
        const before = versions.get(event.streamVersion - 1);
        const expected = event.streamVersion === 1 ? '' : before?.hash;
        if (expected !== undefined && event.previousHash !== expected) {
          found.push({ eventId: event.eventId, location: event.location, problem: `stream ${event.streamId} version ${event.streamVersion} does not link to the version before it` });
        }
      }
    }
    for (const [service, positions] of logs) {
      for (const event of positions.values()) {
        const before = event.sourcePosition === 1n ? { logChainHash: '' } : positions.get(event.sourcePosition - 1n);
        if (before && event.logChainHash !== chainHash(before.logChainHash, event.hash)) {
          found.push({ eventId: event.eventId, location: event.location, problem: `${service}'s sealed log breaks at position ${event.sourcePosition}` });
        }
      }
    }
    return found;
  }
}
