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
  /** A digest of the bytes that must be the same in every copy (the envelope). */
  fingerprint: string;
}

export interface HistoryProblem {
  eventId: string;
  location: string;
  problem: string;
}

/** One sealed-log entry waiting for its neighbour (the partitions are read side by side). */
interface LogEntry {
  eventId: string;
  location: string;
  hash: string;
  logChainHash: string;
  checkedBack: boolean;
  checkedForward: boolean;
}

/**
 * Checks the links the envelopes carry while the history streams by, keeping little per event: every
 * copy of an event is the same; within a stream each event's previous hash is the hash of the version
 * before it (a stream's events come in order, on one partition); within a service's sealed log each log
 * hash follows from the one before it and the event's hash (entries wait for their neighbour from
 * another partition, then are dropped). Links to events outside the part read are not checked.
 */
export class HistoryChecker {
  /** eventId → fingerprint and where the first copy was. */
  private readonly copies = new Map<string, string>();
  /** streamId → the last version seen and its hash. */
  private readonly streams = new Map<string, { version: number; hash: string }>();
  private readonly logs = new Map<string, Map<bigint, LogEntry>>();
  private readonly problems: Array<HistoryProblem & { order: bigint }> = [];
  repeats = 0;

  add(event: ChainedEvent): void {
    // 128 bits of the fingerprint tell copies apart; the first copy's place is kept to name it.
    const fingerprint = event.fingerprint.slice(0, 32);
    const seen = this.copies.get(event.eventId);
    if (seen !== undefined) {
      const space = seen.indexOf(' ');
      if (seen.slice(0, space) === fingerprint) this.repeats++;
      else this.push(event, `differs from its other copy at ${seen.slice(space + 1)}: one of them was altered`);
      return;
    }
    this.copies.set(event.eventId, `${fingerprint} ${event.location}`);
    this.checkStream(event);
    this.checkLog(event);
  }

  /** Reports a problem found outside the links (e.g. content that does not match its digest). */
  report(problem: HistoryProblem): void {
    this.problems.push({ ...problem, order: BigInt(Number.MAX_SAFE_INTEGER) });
  }

  /** Every problem, in sealed-log order. */
  finish(): HistoryProblem[] {
    return [...this.problems].sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0)).map(({ eventId, location, problem }) => ({ eventId, location, problem }));
  }

  private checkStream(event: ChainedEvent): void {
    const last = this.streams.get(event.streamId);
    const expected = event.streamVersion === 1 ? '' : last?.version === event.streamVersion - 1 ? last.hash : undefined;
    if (expected !== undefined && event.previousHash !== expected) {
      this.push(event, `stream ${event.streamId} version ${event.streamVersion} does not link to the version before it`);
    }
    if (!last || event.streamVersion > last.version) this.streams.set(event.streamId, { version: event.streamVersion, hash: event.hash });
  }

  private checkLog(event: ChainedEvent): void {
    const entries = this.logs.get(event.sourceService) ?? new Map<bigint, LogEntry>();
    this.logs.set(event.sourceService, entries);
    const position = event.sourcePosition;
    const entry: LogEntry = { eventId: event.eventId, location: event.location, hash: event.hash, logChainHash: event.logChainHash, checkedBack: false, checkedForward: false };
    entries.set(position, entry);
    if (position === 1n) this.link(event.sourceService, entries, undefined, 0n, entry, position);
    else {
      const before = entries.get(position - 1n);
      if (before) this.link(event.sourceService, entries, before, position - 1n, entry, position);
    }
    const after = entries.get(position + 1n);
    if (after) this.link(event.sourceService, entries, entry, position, after, position + 1n);
  }

  /** Checks that `entry` follows `before` (the genesis when undefined); drops entries linked both ways. */
  private link(service: string, entries: Map<bigint, LogEntry>, before: LogEntry | undefined, beforeAt: bigint, entry: LogEntry, at: bigint): void {
    if (entry.logChainHash !== chainHash(before?.logChainHash ?? '', entry.hash)) {
      this.problems.push({ eventId: entry.eventId, location: entry.location, problem: `${service}'s sealed log breaks at position ${at}`, order: at });
    }
    entry.checkedBack = true;
    if (before) before.checkedForward = true;
    if (before?.checkedBack && before.checkedForward) entries.delete(beforeAt);
    if (entry.checkedBack && entry.checkedForward) entries.delete(at);
  }

  private push(event: ChainedEvent, problem: string): void {
    this.problems.push({ eventId: event.eventId, location: event.location, problem, order: event.sourcePosition });
  }
}
