import type { TypedEvent } from '@sangeyipi/contracts';

/** What a consumer's handler receives: the envelope's facts and the decoded event. */
export interface IntegrationEvent {
  eventId: string;
  type: TypedEvent['type'];
  data: TypedEvent['data'];
  schemaVersion: number;
  streamId: string;
  streamVersion: number;
  sourceService: string;
  /** The event's place in its service's sealed log: dense, in commit order. */
  sourcePosition: bigint;
  occurredAt: Date;
  recordedAt: Date;
  correlationId: string;
  causationId: string;
  actor?: { userId: string; role: string; unitId: string };
  regionCode: string;
  hash: string;
  previousHash: string;
  logChainHash: string;
  /** Where the transport delivered it from; empty for the in-process transport. */
  delivery: { topic: string; partition: number; offset: string };
}

/** A message as a transport carries it: key, protobuf value and headers. */
export interface TransportMessage {
  topic: string;
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}
