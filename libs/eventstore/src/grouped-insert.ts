import type { Pool } from 'pg';

/** What one append asks to insert: its rows' values in column order, and the rows' event ids. */
export interface InsertRequest {
  eventIds: readonly string[];
  rowValues: readonly (readonly unknown[])[];
}

export interface InsertedRow {
  event_id: string;
  position: string;
  transaction_id: string;
}

interface PendingInsert extends InsertRequest {
  resolve(rows: InsertedRow[]): void;
  reject(error: unknown): void;
}

const INSERT_COLUMNS = `events (event_id, stream_id, stream_version, event_type, schema_version, data, metadata,
                             recorded_at, content_digest, previous_hash, hash)`;
const INSERT_RETURNING = `RETURNING event_id, position::text AS position, transaction_id::text AS transaction_id`;
/** One event: a plain VALUES row costs about two thirds of the unnest form. */
const INSERT_ONE = `INSERT INTO ${INSERT_COLUMNS}
  VALUES ($1::uuid, $2::text, $3::int, $4::text, $5::int, $6::jsonb, $7::jsonb, $8::timestamptz, $9::text, $10::text, $11::text)
  ${INSERT_RETURNING}`;
export const INSERT_MANY = `INSERT INTO ${INSERT_COLUMNS}
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[],
                       $8::timestamptz[], $9::text[], $10::text[], $11::text[])
  ${INSERT_RETURNING}`;
/** Rows per statement: big enough for any burst of commands, small enough for one quick INSERT. */
const MAX_GROUP_ROWS = 1_000;

export function columnArrays(rows: readonly (readonly unknown[])[]): unknown[][] {
  return rows[0].map((_, column) => rows.map((row) => row[column]));
}

/**
 * Group commit for autocommit appends: the INSERTs asked for during one turn of the event loop (the
 * commands of every request read in that turn) go to PostgreSQL as one statement, one transaction and
 * one WAL flush instead of one each. Every append keeps its own outcome: if the group's statement
 * fails (a lost race on one stream refuses the whole statement), each of its appends is tried again
 * alone, so only the appends at fault fail, as if they had never been grouped.
 *
 * Log order still holds: an append is queued only after its stream's head was seen committed, so the
 * group's transaction starts after it and gets a later transaction id.
 */
export class GroupedInsert {
  private pending: PendingInsert[] = [];
  private flushScheduled = false;

  constructor(private readonly pool: () => Pool) {}

  insert(request: InsertRequest): Promise<InsertedRow[]> {
    return new Promise((resolve, reject) => {
      this.pending.push({ ...request, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const queued = this.pending;
    this.pending = [];
    this.flushScheduled = false;
    let group: PendingInsert[] = [];
    let groupRows = 0;
    for (const request of queued) {
      if (groupRows > 0 && groupRows + request.rowValues.length > MAX_GROUP_ROWS) {
        void this.insertGroup(group);
        group = [];
        groupRows = 0;
      }
      group.push(request);
      groupRows += request.rowValues.length;
    }
    if (group.length > 0) void this.insertGroup(group);
  }

  private async insertGroup(group: readonly PendingInsert[]): Promise<void> {
    if (group.length === 1) return this.insertAlone(group[0]);
    let inserted: InsertedRow[];
    try {
      inserted = await this.statement(group.flatMap((request) => request.rowValues));
    } catch {
      // Someone in the group is at fault (usually a lost race): settle each append on its own.
      await Promise.all(group.map((request) => this.insertAlone(request)));
      return;
    }
    settle(group, inserted);
  }

  private async insertAlone(request: PendingInsert): Promise<void> {
    try {
      settle([request], await this.statement(request.rowValues));
    } catch (error) {
      request.reject(error);
    }
  }

  /** Prepared once per connection; the pool, not TypeORM, because TypeORM cannot name a statement. */
  private async statement(rows: readonly (readonly unknown[])[]): Promise<InsertedRow[]> {
    const query =
      rows.length === 1
        ? { name: 'eventstore.insert-one', text: INSERT_ONE, values: rows[0] as unknown[] }
        : { name: 'eventstore.insert-many', text: INSERT_MANY, values: columnArrays(rows) };
    return (await this.pool().query<InsertedRow>(query)).rows;
  }
}

/** Hands each request the rows the statement returned for its events. */
function settle(requests: readonly PendingInsert[], inserted: readonly InsertedRow[]): void {
  const byEventId = new Map(inserted.map((row) => [row.event_id, row]));
  for (const request of requests) {
    const rows = request.eventIds.map((eventId) => byEventId.get(eventId));
    if (rows.every((row) => row !== undefined)) request.resolve(rows);
    else request.reject(new Error('the INSERT did not return every event it stored'));
  }
}
