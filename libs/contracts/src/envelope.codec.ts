import { create, fromBinary, toBinary, type MessageInitShape } from '@bufbuild/protobuf';
import { EventEnvelopeSchema, type EventEnvelope } from './gen/sangeyipi/envelope/v1/envelope_pb';
import {
  decodeEvent,
  encodeEvent,
  isEventType,
  schemaVersionOf,
  UnknownEventTypeError,
  type EventInit,
  type EventType,
  type TypedEvent,
} from './event-registry';

/** What `encodeEnvelope` accepts: an envelope or a plain initialiser object. */
export type EventEnvelopeInit = MessageInitShape<typeof EventEnvelopeSchema>;

/** The envelope fields a producer supplies; `sealEnvelope` derives type, version and payload. */
export type EnvelopeMetadata = Omit<Exclude<EventEnvelopeInit, EventEnvelope>, 'eventType' | 'schemaVersion' | 'payload'>;

/** Encodes an envelope (with its already encoded payload) to protobuf binary. */
export function encodeEnvelope(envelope: EventEnvelopeInit): Uint8Array {
  return toBinary(EventEnvelopeSchema, create(EventEnvelopeSchema, envelope));
}

/** Decodes protobuf binary as an envelope; the payload stays encoded. */
export function decodeEnvelope(bytes: Uint8Array): EventEnvelope {
  return fromBinary(EventEnvelopeSchema, bytes);
}

/**
 * Builds an envelope around an event: sets `event_type`, `schema_version` and the encoded `payload`
 * from the registry; the caller supplies the metadata (ids, stream, position, times, actor, hashes).
 */
export function sealEnvelope<T extends EventType>(
  type: T,
  data: EventInit<T>,
  metadata: EnvelopeMetadata,
): EventEnvelope {
  return create(EventEnvelopeSchema, {
    ...metadata,
    eventType: type,
    schemaVersion: schemaVersionOf(type),
    payload: encodeEvent(type, data),
  });
}

/**
 * Decodes the payload of an envelope with the schema its `event_type` names. Throws
 * UnknownEventTypeError for an unregistered type and an Error for a schema version this code does
 * not know (an upcaster must handle it first).
 */
export function openEnvelope(envelope: EventEnvelope): TypedEvent {
  const type = envelope.eventType;
  if (!isEventType(type)) throw new UnknownEventTypeError(type);
  const expected = schemaVersionOf(type);
  if (envelope.schemaVersion !== expected) {
    throw new Error(`event ${envelope.eventId}: ${type} schema version ${envelope.schemaVersion}, expected ${expected}`);
  }
  return { type, data: decodeEvent(type, envelope.payload) } as TypedEvent;
}
