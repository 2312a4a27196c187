import type { DataSource } from 'typeorm';
import { chainHash, contentDigest } from '../event-hash';
import { LOG_GENESIS_HASH } from '../event-log';

export interface ChainProblem {
  /** Where the problem sits in the sealed log, when the event had been sealed. */
  logSequence?: bigint;
  position: bigint;
  eventId?: string;
  streamId?: string;
  streamVersion?: number;
  problem: string;
}

export interface ChainVerification {
  ok: boolean;
  eventsChecked: number;
  logEntriesChecked: number;
  /** The earliest problem in log order; every later one may be a consequence of it. */
  firstProblem?: ChainProblem;
  problemCount: number;
}

export interface VerifyOptions {
  batchSize?: number;
  onProgress?: (progress: { phase: 'streams' | 'log'; checked: number; total: number }) => void;
}

interface VerifiedRow {
  position: string;
  log_sequence: string | null;
  event_id: string;
  stream_id: string;
  stream_version: number;
  event_type: string;
  schema_version: number;
  data: unknown;
  metadata: unknown;
  recorded_at: Date;
  content_digest: string;
  previous_hash: string;
  hash: string;
}

/**
 * Recomputes every event's digest and both chains — each stream's and the sealed log's — and
 * reports the first event that no longer matches. Reads in keyset-paginated batches, so the
 * whole history is never held in memory.
 */
export async function verifyEventChains(dataSource: DataSource, options: VerifyOptions = {}): Promise<ChainVerification> {
  const batchSize = options.batchSize ?? 5000;
  const problems: ChainProblem[] = [];
  const [{ events_total, log_total }] = await dataSource.query(
    `SELECT (SELECT count(*) FROM events)::int AS events_total, (SELECT count(*) FROM event_log)::int AS log_total`,
  );

  // Each stream: versions 1..n without a gap, every digest and link recomputed.
  let eventsChecked = 0;
  let cursor: { streamId: string; version: number } = { streamId: '', version: 0 };
  let stream = { id: '', nextVersion: 1, previousHash: '' };
  for (;;) {
    const rows: VerifiedRow[] = await dataSource.query(
      `SELECT e.position::text AS position, l.log_sequence::text AS log_sequence, e.event_id, e.stream_id, e.stream_version,
              e.event_type, e.schema_version, e.data, e.metadata, e.recorded_at, e.content_digest, e.previous_hash, e.hash
         FROM events e LEFT JOIN event_log l ON l.position = e.position
        WHERE (e.stream_id, e.stream_version) > ($1, $2)
        ORDER BY e.stream_id, e.stream_version
        LIMIT $3`,
      [cursor.streamId, cursor.version, batchSize],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.stream_id !== stream.id) stream = { id: row.stream_id, nextVersion: 1, previousHash: '' };
      const where = {
        logSequence: row.log_sequence === null ? undefined : BigInt(row.log_sequence),
        position: BigInt(row.position),
        eventId: row.event_id,
        streamId: row.stream_id,
        streamVersion: row.stream_version,
      };
      const digest = contentDigest({
        eventId: row.event_id,
        streamId: row.stream_id,
        streamVersion: row.stream_version,
        type: row.event_type,
        schemaVersion: row.schema_version,
        data: row.data,
        metadata: row.metadata,
        recordedAt: row.recorded_at,
      });
      if (row.stream_version !== stream.nextVersion) {
        problems.push({ ...where, problem: `stream version ${stream.nextVersion} is missing before version ${row.stream_version}` });
      } else if (digest !== row.content_digest) {
        problems.push({ ...where, problem: 'content does not match its digest: the event was changed' });
      } else if (row.previous_hash !== stream.previousHash || row.hash !== chainHash(row.previous_hash, row.content_digest)) {
        problems.push({ ...where, problem: 'stream chain broken: the link to the previous event does not match' });
      }
      stream = { id: row.stream_id, nextVersion: row.stream_version + 1, previousHash: row.hash };
      cursor = { streamId: row.stream_id, version: row.stream_version };
    }
    eventsChecked += rows.length;
    options.onProgress?.({ phase: 'streams', checked: eventsChecked, total: events_total });
  }

  // The sealed log: a dense sequence, each entry's event present and linked by hash.
  let logEntriesChecked = 0;
  let expectedSequence = 1n;
  let previousChain = LOG_GENESIS_HASH;
  for (;;) {
    const rows: Array<{ log_sequence: string; position: string; chain_hash: string; event_id: string | null; hash: string | null }> =
      await dataSource.query(
        `SELECT l.log_sequence::text AS log_sequence, l.position::text AS position, l.chain_hash, e.event_id, e.hash
           FROM event_log l LEFT JOIN events e ON e.position = l.position
          WHERE l.log_sequence >= $1
          ORDER BY l.log_sequence
          LIMIT $2`,
        [expectedSequence.toString(), batchSize],
      );
    if (rows.length === 0) break;
    for (const row of rows) {
      const where = { logSequence: BigInt(row.log_sequence), position: BigInt(row.position), eventId: row.event_id ?? undefined };
      if (where.logSequence !== expectedSequence) {
        problems.push({ ...where, logSequence: expectedSequence, problem: `log entry ${expectedSequence} is missing` });
      } else if (row.hash === null) {
        problems.push({ ...where, problem: `the event at position ${row.position} was deleted` });
      } else if (row.chain_hash !== chainHash(previousChain, row.hash)) {
        problems.push({ ...where, problem: 'log chain broken: the entry does not follow from the one before' });
      }
      previousChain = row.chain_hash;
      expectedSequence = where.logSequence + 1n;
    }
    logEntriesChecked += rows.length;
    options.onProgress?.({ phase: 'log', checked: logEntriesChecked, total: log_total });
  }

  // Events that belong inside the sealed range but are missing from the log were slipped in.
  const unsealed: Array<{ position: string; event_id: string; stream_id: string; stream_version: number }> = await dataSource.query(
    `WITH last AS (
       SELECT e.transaction_id, e.position FROM event_log l JOIN events e ON e.position = l.position
        ORDER BY l.log_sequence DESC LIMIT 1)
     SELECT e.position::text AS position, e.event_id, e.stream_id, e.stream_version
       FROM events e, last
      WHERE (e.transaction_id, e.position) <= (last.transaction_id, last.position)
        AND NOT EXISTS (SELECT 1 FROM event_log l WHERE l.position = e.position)
      ORDER BY e.transaction_id, e.position LIMIT 10`,
  );
  for (const row of unsealed) {
    problems.push({
      position: BigInt(row.position),
      eventId: row.event_id,
      streamId: row.stream_id,
      streamVersion: row.stream_version,
      problem: 'event lies inside the sealed range but is not in the log: it was inserted afterwards',
    });
  }

  problems.sort(compareProblems);
  return { ok: problems.length === 0, eventsChecked, logEntriesChecked, firstProblem: problems[0], problemCount: problems.length };
}

function compareProblems(a: ChainProblem, b: ChainProblem): number {
  const byLog = (a.logSequence ?? BigInt(Number.MAX_SAFE_INTEGER)) - (b.logSequence ?? BigInt(Number.MAX_SAFE_INTEGER));
  if (byLog !== 0n) return byLog < 0n ? -1 : 1;
  return a.position < b.position ? -1 : a.position > b.position ? 1 : 0;
}
