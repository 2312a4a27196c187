import type { EventEnvelope } from '@sangeyipi/contracts';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import type { StoredContent } from './stored-events';

/** One line of an NDJSON export: a Kafka message, its envelope's facts, and (with a database) the stored event. */
export interface ExportLine {
  topic: string;
  partition: number;
  offset: string;
  eventId: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  streamVersion: number;
  sourceService: string;
  sourcePosition: string;
  recordedAt: string;
  regionCode: string;
  hash: string;
  previousHash: string;
  logChainHash: string;
  /** The whole message value (protobuf envelope), base64. */
  envelope: string;
  /** The event as its service stored it, when the export was made with its database; null otherwise. */
  stored: Omit<StoredContent, 'eventId' | 'streamId' | 'streamVersion' | 'type' | 'schemaVersion' | 'previousHash' | 'hash'> | null;
}

export function exportLineOf(message: { topic: string; partition: number; offset: string; value: Buffer }, envelope: EventEnvelope, stored?: StoredContent): ExportLine {
  return {
    topic: message.topic,
    partition: message.partition,
    offset: message.offset,
    eventId: envelope.eventId,
    type: envelope.eventType,
    schemaVersion: envelope.schemaVersion,
    streamId: envelope.streamId,
    streamVersion: envelope.streamVersion,
    sourceService: envelope.sourceService,
    sourcePosition: envelope.sourcePosition.toString(),
    recordedAt: envelope.recordedAt ? timestampDate(envelope.recordedAt).toISOString() : '',
    regionCode: envelope.regionCode,
    hash: envelope.hash,
    previousHash: envelope.previousHash,
    logChainHash: envelope.logChainHash,
    envelope: message.value.toString('base64'),
    stored: stored ? { data: stored.data, metadata: stored.metadata, recordedAt: stored.recordedAt, contentDigest: stored.contentDigest } : null,
  };
}

/** The stored content of an export line in full, for the digest check. */
export function storedContentOf(line: ExportLine): StoredContent | undefined {
  if (!line.stored) return undefined;
  return {
    eventId: line.eventId,
    streamId: line.streamId,
    streamVersion: line.streamVersion,
    type: line.type,
    schemaVersion: line.schemaVersion,
    previousHash: line.previousHash,
    hash: line.hash,
    ...line.stored,
  };
}
