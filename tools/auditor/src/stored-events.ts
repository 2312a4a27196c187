import { encodeEvent, eventFromJson, isEventType, type EventEnvelope } from '@sangeyipi/contracts';
import { chainHash, contentDigest } from '@sangeyipi/eventstore';
import type { DataSource } from 'typeorm';

/** An event as its service stored it: what its digest covers. */
export interface StoredContent {
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
  recordedAt: string;
  contentDigest: string;
  previousHash: string;
  hash: string;
}

/** The stored events with these ids, by id. */
export async function loadStored(dataSource: DataSource, eventIds: readonly string[]): Promise<Map<string, StoredContent>> {
  const rows: Array<Record<string, unknown>> = await dataSource.query(
    `SELECT event_id, stream_id, stream_version, event_type, schema_version, data, metadata, recorded_at, content_digest, previous_hash, hash
       FROM events WHERE event_id = ANY($1::uuid[])`,
    [eventIds],
  );
  return new Map(
    rows.map((row) => [
      row.event_id as string,
      {
        eventId: row.event_id as string,
        streamId: row.stream_id as string,
        streamVersion: row.stream_version as number,
        type: row.event_type as string,
        schemaVersion: row.schema_version as number,
        data: row.data,
        metadata: row.metadata,
        recordedAt: (row.recorded_at as Date).toISOString(),
        contentDigest: row.content_digest as string,
        previousHash: row.previous_hash as string,
        hash: row.hash as string,
      },
    ]),
  );
}

/** Why stored content does not hold up (digest, link, or the published copy), or undefined when it does. */
export function contentProblem(stored: StoredContent, envelope?: EventEnvelope): string | undefined {
  const digest = contentDigest({
    eventId: stored.eventId,
    streamId: stored.streamId,
    streamVersion: stored.streamVersion,
    type: stored.type,
    schemaVersion: stored.schemaVersion,
    data: stored.data,
    metadata: stored.metadata,
    recordedAt: new Date(stored.recordedAt),
  });
  if (digest !== stored.contentDigest || chainHash(stored.previousHash, digest) !== stored.hash) return 'its content does not match its hash: the event was altered';
  if (!envelope) return undefined;
  if (envelope.hash !== stored.hash) return 'the copy on Kafka carries another hash than the stored event';
  if (isEventType(stored.type)) {
    const payload = encodeEvent(stored.type, eventFromJson(stored.type, stored.data as never) as never);
    if (Buffer.compare(Buffer.from(payload), Buffer.from(envelope.payload)) !== 0) return 'the copy on Kafka carries other data than the stored event';
  }
  return undefined;
}
