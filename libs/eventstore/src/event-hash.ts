import { canonicalJson, sha256Hex } from './canonical-json';

export interface HashedContent {
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
  recordedAt: Date;
}

/** Digest of everything an event says; any edit of a stored field changes it. */
export function contentDigest(event: HashedContent): string {
  return sha256Hex(
    canonicalJson({
      eventId: event.eventId,
      streamId: event.streamId,
      streamVersion: event.streamVersion,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      metadata: event.metadata,
      recordedAt: event.recordedAt.toISOString(),
    }),
  );
}

/** A chain link: the hash of the previous link followed by the new content's digest. */
export function chainHash(previousHash: string, digest: string): string {
  return sha256Hex(`${previousHash}:${digest}`);
}
