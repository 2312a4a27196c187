import { timestampDate, timestampFromDate } from '@bufbuild/protobuf/wkt';
import { ActorRole, decodeEnvelope, encodeEnvelope, eventFromJson, isEventType, openEnvelope, sealEnvelope, UnknownEventTypeError } from '@sangeyipi/contracts';
import type { SealedEvent } from '@sangeyipi/eventstore';
import type { IntegrationEvent, TransportMessage } from './integration-event';

/**
 * The one Kafka header a message carries: its event type, for routing or inspection without
 * decoding. Everything else is in the envelope; every header costs the producer measurably.
 */
export const HEADER = {
  eventType: 'event-type',
} as const;

/** The message could not be decoded: it goes to the dead-letter topic without retries. */
export class MalformedMessageError extends Error {
  override readonly name = 'MalformedMessageError';
}

/** Wraps a sealed event in the protobuf envelope, keyed by its stream so its order holds. */
export function encodeSealedEvent(event: SealedEvent, sourceService: string, topic: string): TransportMessage {
  if (!isEventType(event.type)) throw new UnknownEventTypeError(event.type);
  const actor = event.metadata.actor;
  const envelope = sealEnvelope(event.type, eventFromJson(event.type, event.data as never) as never, {
    eventId: event.eventId,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    sourcePosition: event.logSequence,
    occurredAt: timestampFromDate(event.recordedAt),
    recordedAt: timestampFromDate(event.recordedAt),
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId ?? '',
    actor: actor ? { userId: actor.id, role: actorRole(actor.role), unitId: String(event.metadata.unitId ?? '') } : undefined,
    regionCode: event.metadata.regionCode ?? '',
    hash: event.hash,
    previousHash: event.previousHash,
    logChainHash: event.chainHash,
    sourceService,
  });
  return {
    topic,
    key: event.streamId,
    value: asBuffer(encodeEnvelope(envelope)),
    headers: { [HEADER.eventType]: event.type },
  };
}

/** A view of the encoded bytes, not a copy. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function decodeMessage(value: Uint8Array, delivery: IntegrationEvent['delivery']): IntegrationEvent {
  try {
    const envelope = decodeEnvelope(value);
    const { type, data } = openEnvelope(envelope);
    if (!envelope.eventId || !envelope.streamId) throw new Error('envelope without event id or stream id');
    return {
      eventId: envelope.eventId,
      type,
      data,
      schemaVersion: envelope.schemaVersion,
      streamId: envelope.streamId,
      streamVersion: envelope.streamVersion,
      sourceService: envelope.sourceService,
      sourcePosition: envelope.sourcePosition,
      occurredAt: envelope.occurredAt ? timestampDate(envelope.occurredAt) : new Date(0),
      recordedAt: envelope.recordedAt ? timestampDate(envelope.recordedAt) : new Date(0),
      correlationId: envelope.correlationId,
      causationId: envelope.causationId,
      actor: envelope.actor
        ? { userId: envelope.actor.userId, role: (ActorRole[envelope.actor.role] ?? 'UNSPECIFIED').toLowerCase(), unitId: envelope.actor.unitId }
        : undefined,
      regionCode: envelope.regionCode,
      hash: envelope.hash,
      previousHash: envelope.previousHash,
      logChainHash: envelope.logChainHash,
      delivery,
    };
  } catch (error) {
    throw new MalformedMessageError(`cannot decode message at ${delivery.topic}/${delivery.partition}@${delivery.offset}: ${(error as Error).message}`);
  }
}

/** `clerk` → ActorRole.CLERK (protobuf-es drops the enum's ACTOR_ROLE_ prefix). */
function actorRole(role: string | undefined): ActorRole {
  const value = ActorRole[(role ?? '').toUpperCase() as keyof typeof ActorRole];
  return typeof value === 'number' ? value : ActorRole.UNSPECIFIED;
}
