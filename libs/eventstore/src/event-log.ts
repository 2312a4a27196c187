import type { DataSource } from 'typeorm';
import { chainHash } from './event-hash';
import { eventColumns, type EventRow, type PostgresEventStore } from './event-store';
import type { StoredEvent } from './event-store.types';

/** An event with its place in the sealed log: a dense sequence in log order, hash-chained. */
export interface SealedEvent extends StoredEvent {
  logSequence: bigint;
  chainHash: string;
}

/** `chain_hash` of the entry before the first one. */
export const LOG_GENESIS_HASH = '';

/**
 * The sealed log gives every committed event a dense sequence number in log order and links
 * it to the entry before it by a hash, so the history has no gaps and any edit or deletion
 * breaks the chain. One sealer runs per service (the elected relay); a second one would fail
 * on the primary key rather than fork the chain.
 */
export class EventLog {
  constructor(private readonly store: PostgresEventStore) {}

  private get dataSource(): DataSource {
    return this.store.dataSource;
  }

  /** Seals the next committed events, up to `limit`; returns how many were sealed. */
  async sealNext(limit = 5000): Promise<number> {
    return (await this.seal(limit)).sealed;
  }

  /**
   * Seals the next committed events, up to `limit`; returns how many were sealed and the last sealed
   * sequence number afterwards (0 when nothing is sealed yet). No transaction: one statement reads the
   * log's head and the events after it (in readAll's order, under its watermark: only the position and
   * hash that sealing needs), and one INSERT seals them, refused by the primary key if another sealer
   * took those sequence numbers meanwhile. So a look that finds nothing new costs one statement.
   */
  async seal(limit = 5000): Promise<{ sealed: number; lastSequence: bigint }> {
    const rows = (await this.dataSource.query(
      `WITH head AS (
         SELECT l.log_sequence, l.chain_hash, e.transaction_id, e.position
           FROM event_log l JOIN events e USING (position)
          ORDER BY l.log_sequence DESC LIMIT 1)
       SELECT head.log_sequence::text AS head_sequence, head.chain_hash AS head_hash, next.position::text AS position, next.hash
         FROM (SELECT 1) AS one
         LEFT JOIN head ON true
         LEFT JOIN LATERAL (
           SELECT position, hash FROM events
            WHERE (transaction_id, position) > (coalesce(head.transaction_id, '0'::xid8), coalesce(head.position, 0))
              AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY events.transaction_id, events.position
            LIMIT $1) AS next ON true`,
      [limit],
    )) as Array<{ head_sequence: string | null; head_hash: string | null; position: string | null; hash: string | null }>;
    let sequence = BigInt(rows[0].head_sequence ?? 0);
    const events = rows.filter((row): row is typeof row & { position: string; hash: string } => row.position !== null);
    if (events.length === 0) return { sealed: 0, lastSequence: sequence };
    let previous = rows[0].head_hash ?? LOG_GENESIS_HASH;
    const sequences: string[] = [];
    const hashes: string[] = [];
    for (const event of events) {
      sequence += 1n;
      previous = chainHash(previous, event.hash);
      sequences.push(sequence.toString());
      hashes.push(previous);
    }
    await this.dataSource.query(
      `INSERT INTO event_log (log_sequence, position, chain_hash)
       SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[])`,
      [sequences, events.map((e) => e.position), hashes],
    );
    return { sealed: events.length, lastSequence: sequence };
  }

  /** Sealed events after `afterSequence`, in sequence order. */
  async readSealed(afterSequence: bigint, limit = 1000): Promise<SealedEvent[]> {
    const rows: Array<EventRow & { log_sequence: string; chain_hash: string }> = await this.dataSource.query(
      `SELECT l.log_sequence::text AS log_sequence, l.chain_hash, ${eventColumns('e')}
         FROM event_log l JOIN events e ON e.position = l.position
        WHERE l.log_sequence > $1
        ORDER BY l.log_sequence
        LIMIT $2`,
      [afterSequence.toString(), limit],
    );
    return rows.map((row) => ({
      ...this.store.toStoredEvent(row),
      logSequence: BigInt(row.log_sequence),
      chainHash: row.chain_hash,
    }));
  }

  /** The last sealed sequence number (0 when nothing is sealed yet). */
  async lastSequence(): Promise<bigint> {
    const [row] = await this.dataSource.query(`SELECT coalesce(max(log_sequence), 0)::text AS last FROM event_log`);
    return BigInt(row.last);
  }
}
