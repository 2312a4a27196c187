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
    return this.dataSource.transaction(async (manager) => {
      const [last] = (await manager.query(
        `SELECT l.log_sequence::text AS log_sequence, l.chain_hash, e.transaction_id::text AS transaction_id, e.position::text AS position
           FROM event_log l JOIN events e USING (position)
          ORDER BY l.log_sequence DESC LIMIT 1`,
      )) as Array<{ log_sequence: string; chain_hash: string; transaction_id: string; position: string }>;
      const after = last ? { transactionId: last.transaction_id, position: last.position } : { transactionId: '0', position: '0' };
      // Only what sealing needs, in readAll's order and under its watermark: parsing whole
      // events here cost more than the sealing itself.
      const events = (await manager.query(
        `SELECT position::text AS position, hash FROM events
          WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
            AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
          ORDER BY events.transaction_id, events.position
          LIMIT $3`,
        [after.transactionId, after.position, limit],
      )) as Array<{ position: string; hash: string }>;
      if (events.length === 0) return 0;
      let sequence = last ? BigInt(last.log_sequence) : 0n;
      let previous = last?.chain_hash ?? LOG_GENESIS_HASH;
      const sequences: string[] = [];
      const hashes: string[] = [];
      for (const event of events) {
        sequence += 1n;
        previous = chainHash(previous, event.hash);
        sequences.push(sequence.toString());
        hashes.push(previous);
      }
      await manager.query(
        `INSERT INTO event_log (log_sequence, position, chain_hash)
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[])`,
        [sequences, events.map((e) => e.position), hashes],
      );
      return events.length;
    });
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
