import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { InvalidAppendError, StreamVersionConflictError } from './event-store.errors';
import { chainHash, contentDigest } from './event-hash';
import { columnArrays, GroupedInsert, INSERT_MANY, type InsertedRow } from './grouped-insert';
import type { AppendResult, EventMetadata, ExpectedVersion, LogPosition, NewEvent, StoredEvent } from './event-store.types';
import { UpcasterChain, type Upcaster } from './upcasting';

export interface EventStoreOptions {
  upcasters?: readonly Upcaster[];
  /** Source of recorded times; the platform clock in services, a fixed clock in tests. */
  now?: () => Date;
  /**
   * Refuses an event the rest of the platform could not read (throws InvalidAppendError): the
   * relay publishes every stored event, so a malformed one must never be stored.
   */
  validateEvent?: (event: NewEvent) => void;
  /** Called after each append that ran in its own transaction has committed (metrics). */
  onAppended?: (events: readonly StoredEvent[]) => void;
}

export interface AppendOptions {
  metadata: EventMetadata;
  /** Join the caller's transaction, e.g. to record a processed message with the events. */
  manager?: EntityManager;
  /**
   * The hash of the event at `expectedVersion` ('' for a new stream), when the caller knows it from
   * an append that has committed (the last event of its result) or a read: the append then skips
   * reading the stream's head. A stale guess cannot be stored: if anyone appended since, the INSERT
   * at the next version is refused as a conflict. Ignored inside a caller's transaction and with `'any'`.
   */
  knownHeadHash?: string;
}

/** A stream's last stored event (version 0 and hash '' for a stream with none). */
interface StreamHead {
  version: number;
  hash: string;
}

/** The columns every read selects; bigints travel as text. `table` qualifies them in joins. */
export function eventColumns(table = 'events'): string {
  return ['position::text AS position', 'transaction_id::text AS transaction_id', 'event_id', 'stream_id', 'stream_version',
    'event_type', 'schema_version', 'data', 'metadata', 'recorded_at', 'content_digest', 'previous_hash', 'hash']
    .map((column) => `${table}.${column}`)
    .join(', ');
}

export interface EventRow {
  position: string;
  transaction_id: string;
  event_id: string;
  stream_id: string;
  stream_version: number;
  event_type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
  content_digest: string;
  previous_hash: string;
  hash: string;
}

const UNIQUE_VIOLATION = '23505';

interface NewRow {
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: EventMetadata;
  recordedAt: Date;
  digest: string;
  previousHash: string;
  hash: string;
}

function rowValues(r: NewRow): unknown[] {
  return [r.eventId, r.streamId, r.streamVersion, r.type, r.schemaVersion, JSON.stringify(r.data), JSON.stringify(r.metadata), r.recordedAt, r.digest, r.previousHash, r.hash];
}

/** A unique violation means someone else appended at this version first. */
function conflictOr(error: unknown, streamId: string, expectedVersion: ExpectedVersion): unknown {
  if ((error as { code?: string }).code === UNIQUE_VIOLATION) return new StreamVersionConflictError(streamId, expectedVersion, undefined);
  return error;
}
const ANY_VERSION_ATTEMPTS = 5;

/**
 * An append-only event store in one PostgreSQL database (one per service).
 *
 * Log order is (transaction_id, position): only events of transactions older than the oldest
 * running one (the snapshot's xmin) are read, so an event that commits late is never skipped.
 */
export class PostgresEventStore {
  private readonly upcasters: UpcasterChain;
  private readonly now: () => Date;
  private readonly onAppended: (events: readonly StoredEvent[]) => void;
  private readonly validateEvent: (event: NewEvent) => void;
  private readonly groupedInsert = new GroupedInsert(() => this.pool());

  constructor(
    readonly dataSource: DataSource,
    options: EventStoreOptions = {},
  ) {
    this.upcasters = new UpcasterChain(options.upcasters);
    this.now = options.now ?? (() => new Date());
    this.onAppended = options.onAppended ?? (() => undefined);
    this.validateEvent = options.validateEvent ?? (() => undefined);
  }

  /**
   * Appends events to a stream if it is at `expectedVersion` (0 for a new stream).
   * A lost race throws StreamVersionConflictError; `'any'` retries the race itself.
   *
   * With a caller's `manager` the events join its transaction. Without one, the append is two
   * autocommit statements, both prepared once per connection: read the stream's head, then one
   * INSERT of all the events, shared with the other appends of the same turn of the event loop
   * (`GroupedInsert`: one statement and one commit for them all, each append keeping its own
   * outcome). The unique (stream_id, stream_version) constraint refuses the
   * INSERT if someone appended in between, and the INSERT, started after the head's writer
   * committed, gets a later transaction id, so each stream's versions stay in log order.
   * With `knownHeadHash` (and a numeric `expectedVersion`) the head is not read: the caller saw the
   * head's append commit, so the same two guarantees hold for the INSERT alone.
   */
  async append(streamId: string, expectedVersion: ExpectedVersion, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    validateAppend(streamId, events);
    events.forEach(this.validateEvent);
    if (options.manager) return this.appendWithin(options.manager, streamId, expectedVersion, events, options.metadata);
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.appendAutocommit(streamId, expectedVersion, events, options.metadata, options.knownHeadHash);
        this.onAppended(result.events);
        return result;
      } catch (error) {
        const retry = expectedVersion === 'any' && error instanceof StreamVersionConflictError && attempt < ANY_VERSION_ATTEMPTS;
        if (!retry) throw error;
      }
    }
  }

  private async appendAutocommit(
    streamId: string,
    expectedVersion: ExpectedVersion,
    events: readonly NewEvent[],
    metadata: EventMetadata,
    knownHeadHash: string | undefined,
  ): Promise<AppendResult> {
    const head = expectedVersion !== 'any' && knownHeadHash !== undefined ? { version: expectedVersion, hash: knownHeadHash } : await this.readHead(streamId);
    const currentVersion = head.version;
    if (expectedVersion !== 'any' && expectedVersion !== currentVersion) {
      throw new StreamVersionConflictError(streamId, expectedVersion, currentVersion);
    }
    const rows = this.newRows(streamId, currentVersion, head.hash, events, metadata);
    let inserted: InsertedRow[];
    try {
      inserted = await this.groupedInsert.insert({ eventIds: rows.map((row) => row.eventId), rowValues: rows.map(rowValues) });
    } catch (error) {
      throw conflictOr(error, streamId, expectedVersion);
    }
    return this.appended(streamId, currentVersion, rows, inserted, metadata);
  }

  private async readHead(streamId: string): Promise<StreamHead> {
    const { rows } = await this.pool().query<{ stream_version: number; hash: string }>({
      name: 'eventstore.head',
      text: `SELECT stream_version, hash FROM events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1`,
      values: [streamId],
    });
    return { version: rows[0]?.stream_version ?? 0, hash: rows[0]?.hash ?? '' };
  }

  private async appendWithin(
    manager: EntityManager,
    streamId: string,
    expectedVersion: ExpectedVersion,
    events: readonly NewEvent[],
    metadata: EventMetadata,
  ): Promise<AppendResult> {
    // Taking our transaction id here, after reading a committed head, keeps each stream's
    // versions in log order: a transaction that got its id before the head's writer did
    // could otherwise slip its events in front of the head's.
    const [head] = (await manager.query(
      `SELECT pg_current_xact_id()::text AS current_tx, h.stream_version, h.hash, h.transaction_id::text AS head_tx
         FROM (SELECT 1) AS one
         LEFT JOIN LATERAL (
           SELECT stream_version, hash, transaction_id FROM events
            WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1
         ) AS h ON true`,
      [streamId],
    )) as Array<{ current_tx: string; stream_version: number | null; hash: string | null; head_tx: string | null }>;
    const currentVersion = head.stream_version ?? 0;
    if (expectedVersion !== 'any' && expectedVersion !== currentVersion) {
      throw new StreamVersionConflictError(streamId, expectedVersion, currentVersion);
    }
    if (head.head_tx !== null && BigInt(head.current_tx) < BigInt(head.head_tx)) {
      throw new StreamVersionConflictError(streamId, expectedVersion, currentVersion);
    }
    const rows = this.newRows(streamId, currentVersion, head.hash ?? '', events, metadata);
    let inserted: InsertedRow[];
    try {
      inserted = await manager.query(INSERT_MANY, columnArrays(rows.map(rowValues)));
    } catch (error) {
      throw conflictOr(error, streamId, expectedVersion);
    }
    return this.appended(streamId, currentVersion, rows, inserted, metadata);
  }

  /** The rows to insert after the head, each hashed and chained to the one before it. */
  private newRows(streamId: string, currentVersion: number, headHash: string, events: readonly NewEvent[], metadata: EventMetadata): NewRow[] {
    const recordedAt = this.now();
    let previousHash = headHash;
    return events.map((event, index) => {
      const content = {
        eventId: randomUUID(),
        streamId,
        streamVersion: currentVersion + index + 1,
        type: event.type,
        schemaVersion: event.schemaVersion ?? 1,
        data: event.data,
        metadata,
        recordedAt,
      };
      const digest = contentDigest(content);
      const hash = chainHash(previousHash, digest);
      const row = { ...content, digest, previousHash, hash };
      previousHash = hash;
      return row;
    });
  }

  private appended(streamId: string, currentVersion: number, rows: readonly NewRow[], inserted: readonly InsertedRow[], metadata: EventMetadata): AppendResult {
    const stored: StoredEvent[] = rows.map((r, index) => ({
      eventId: r.eventId,
      streamId,
      streamVersion: r.streamVersion,
      position: BigInt(inserted[index].position),
      transactionId: BigInt(inserted[index].transaction_id),
      type: r.type,
      schemaVersion: r.schemaVersion,
      data: r.data,
      metadata,
      recordedAt: r.recordedAt,
      contentDigest: r.digest,
      previousHash: r.previousHash,
      hash: r.hash,
    }));
    return { streamId, nextVersion: currentVersion + rows.length, events: stored };
  }

  /** The driver's pool: TypeORM's own query() cannot name (prepare) a statement. */
  private pool(): Pool {
    return (this.dataSource.driver as PostgresDriver).master as Pool;
  }

  /** The events of one stream in version order, from `fromVersion` (default 1). */
  async readStream(streamId: string, { fromVersion = 1, manager }: { fromVersion?: number; manager?: EntityManager } = {}): Promise<StoredEvent[]> {
    const rows: EventRow[] = await (manager ?? this.dataSource).query(
      `SELECT ${eventColumns()} FROM events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version`,
      [streamId, fromVersion],
    );
    return rows.map((row) => this.toStoredEvent(row));
  }

  /** The stream's current version; 0 when it has no events. */
  async streamVersion(streamId: string): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT max(stream_version) AS version FROM events WHERE stream_id = $1`, [streamId]);
    return row.version ?? 0;
  }

  /**
   * The next events of the whole log after `after`, in log order, never skipping one that is
   * still being committed: only transactions below the current snapshot's xmin are read.
   */
  async readAll(after: LogPosition, { limit = 1000, manager }: { limit?: number; manager?: EntityManager } = {}): Promise<StoredEvent[]> {
    const rows: EventRow[] = await (manager ?? this.dataSource).query(
      `SELECT ${eventColumns()} FROM events
        WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
          AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY events.transaction_id, events.position
        LIMIT $3`,
      [after.transactionId.toString(), after.position.toString(), limit],
    );
    return rows.map((row) => this.toStoredEvent(row));
  }

  /** Transactions below this id have all finished: readAll sees every event they committed. */
  async watermark(): Promise<bigint> {
    const [row] = await this.dataSource.query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`);
    return BigInt(row.xmin);
  }

  /** The next transaction id to be assigned: every transaction committed so far is below it. */
  async currentTransactionHorizon(): Promise<bigint> {
    const [row] = await this.dataSource.query(`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xmax`);
    return BigInt(row.xmax);
  }

  toStoredEvent(row: EventRow): StoredEvent {
    const upcast = this.upcasters.upcast(row.event_type, row.schema_version, row.data);
    return {
      eventId: row.event_id,
      streamId: row.stream_id,
      streamVersion: row.stream_version,
      position: BigInt(row.position),
      transactionId: BigInt(row.transaction_id),
      type: row.event_type,
      schemaVersion: upcast.schemaVersion,
      data: upcast.data,
      metadata: row.metadata,
      recordedAt: row.recorded_at,
      contentDigest: row.content_digest,
      previousHash: row.previous_hash,
      hash: row.hash,
    };
  }
}

function validateAppend(streamId: string, events: readonly NewEvent[]): void {
  if (!streamId || streamId.length > 200) throw new InvalidAppendError('stream id must be 1–200 characters');
  if (events.length === 0) throw new InvalidAppendError('an append needs at least one event');
  for (const event of events) {
    if (!/^[A-Za-z][A-Za-z0-9_.]*$/.test(event.type)) throw new InvalidAppendError(`bad event type "${event.type}"`);
  }
}
