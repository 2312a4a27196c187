/** An event as a command handler hands it to the store. */
export interface NewEvent<TData = unknown> {
  type: string;
  data: TData;
  /** Version of this event type's data schema; older versions are upcast on read. */
  schemaVersion?: number;
}

/** Who and what caused an append; stored with every event of the append. */
export interface EventMetadata {
  correlationId: string;
  causationId?: string;
  actor?: { id: string; role?: string };
  regionCode?: string;
  [key: string]: unknown;
}

export interface StoredEvent<TData = unknown> {
  eventId: string;
  streamId: string;
  streamVersion: number;
  /** Identity value: unique and increasing per insert, but with gaps and not in commit order. */
  position: bigint;
  /** The writing transaction (xid8). Log order is (transactionId, position). */
  transactionId: bigint;
  type: string;
  schemaVersion: number;
  data: TData;
  metadata: EventMetadata;
  recordedAt: Date;
  /** sha256 of the event's canonical content. */
  contentDigest: string;
  /** Hash of the previous event of the same stream ('' for the first). */
  previousHash: string;
  /** sha256(previousHash ‖ contentDigest): the per-stream chain link. */
  hash: string;
}

/** A place in the whole log, which is ordered by (transactionId, position). */
export interface LogPosition {
  transactionId: bigint;
  position: bigint;
}

export const LOG_START: LogPosition = Object.freeze({ transactionId: 0n, position: 0n });

/** `ExpectedVersion.NoStream` (0) for a new stream, a number for an existing one, or `Any`. */
export type ExpectedVersion = number | 'any';

export const ExpectedVersion = { NoStream: 0, Any: 'any' as const };

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append. */
  nextVersion: number;
  events: StoredEvent[];
}
