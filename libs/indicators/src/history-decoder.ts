import { timestampDate } from '@bufbuild/protobuf/wkt';
import { decodeEnvelope, decodeEvent, openEnvelope, schemaVersionOf, type EventEnvelope, type EventType } from '@sangeyipi/contracts';
import { FOLDED_TYPES } from './fold';
import type { FoldableEvent } from './fact.types';

/** A Kafka message of the history, as read. */
export interface HistoryMessage {
  topic: string;
  partition: number;
  offset: string;
  value: Buffer | null;
}

/** A decoded message: the envelope (for the chain checks) and the event to fold. */
export interface DecodedMessage {
  envelope: EventEnvelope;
  event: FoldableEvent;
}

/**
 * Decodes a message for folding; null when it is no envelope. The payload is decoded only for the
 * types the fold uses: any other type, known or not, is ignored by the fold either way (and the live
 * consumer, which dead-letters types it does not know, applies nothing for them either). Null too for
 * a folded type whose payload does not decode (another schema version), which the consumer dead-letters.
 */
export function decodeHistoryMessage(message: HistoryMessage): DecodedMessage | null {
  if (!message.value) return null;
  try {
    const envelope = decodeEnvelope(message.value);
    if (!envelope.eventId || !envelope.streamId) return null;
    const data = FOLDED_TYPES.has(envelope.eventType) ? openEnvelope(envelope).data : undefined;
    return {
      envelope,
      event: {
        type: envelope.eventType,
        data,
        streamId: envelope.streamId,
        streamVersion: envelope.streamVersion,
        recordedAt: envelope.recordedAt ? timestampDate(envelope.recordedAt) : new Date(0),
        regionCode: envelope.regionCode,
      },
    };
  } catch {
    return null;
  }
}

/**
 * The fold's fast path (rebuilds, the benchmark): reads only the envelope fields the fold needs —
 * type, schema version, stream, recorded time, region, payload — straight from the protobuf wire
 * format, and decodes the payload only for folded types. Same outcome as decodeHistoryMessage, which
 * also decodes ids, hashes and actor for the auditor's checks.
 */
export function decodeForFold(value: Buffer | null): FoldableEvent | null {
  if (!value) return null;
  try {
    const fields = readEnvelopeFields(value);
    if (!fields.hasEventId || !fields.streamId) return null;
    let data: unknown;
    const schemaVersion = FOLDED_SCHEMA_VERSIONS.get(fields.type);
    if (schemaVersion !== undefined) {
      if (fields.schemaVersion !== schemaVersion) return null;
      data = decodeEvent(fields.type as EventType, value.subarray(fields.payloadStart, fields.payloadEnd));
    }
    return { type: fields.type, data, streamId: fields.streamId, streamVersion: fields.streamVersion, recordedAt: new Date(fields.recordedAtMs), regionCode: fields.regionCode };
  } catch {
    return null;
  }
}

/** The schema version of each folded type, worked out once rather than for every message. */
const FOLDED_SCHEMA_VERSIONS: ReadonlyMap<string, number> = new Map([...FOLDED_TYPES].map((type) => [type, schemaVersionOf(type as EventType)]));

/** Envelope field numbers (proto/sangeyipi/envelope/v1/envelope.proto). */
const FIELD = { eventId: 1, eventType: 2, schemaVersion: 3, streamId: 4, streamVersion: 5, recordedAt: 8, regionCode: 12, payload: 16 } as const;

function readEnvelopeFields(buffer: Buffer) {
  // The payload as offsets, not a view: most types' payloads are never decoded, and views are costly to make.
  const fields = { hasEventId: false, type: '', schemaVersion: 0, streamId: '', streamVersion: 0, recordedAtMs: 0, regionCode: '', payloadStart: 0, payloadEnd: 0 };
  const reader = new WireReader(buffer, 0, buffer.length);
  while (!reader.done()) {
    const tag = reader.varint();
    const field = Math.floor(tag / 8);
    const wireType = tag & 7;
    if (wireType === 2) {
      const length = reader.varint();
      const start = reader.take(length);
      switch (field) {
        case FIELD.eventId:
          fields.hasEventId = length > 0;
          break;
        case FIELD.eventType:
          fields.type = buffer.toString('utf8', start, start + length);
          break;
        case FIELD.streamId:
          fields.streamId = buffer.toString('utf8', start, start + length);
          break;
        case FIELD.regionCode:
          fields.regionCode = buffer.toString('utf8', start, start + length);
          break;
        case FIELD.payload:
          fields.payloadStart = start;
          fields.payloadEnd = start + length;
          break;
        case FIELD.recordedAt:
          fields.recordedAtMs = readTimestampMs(buffer, start, start + length);
          break;
      }
    } else if (wireType === 0) {
      const number = reader.varint();
      if (field === FIELD.schemaVersion) fields.schemaVersion = number;
      else if (field === FIELD.streamVersion) fields.streamVersion = number;
    } else reader.skip(wireType);
  }
  return fields;
}

/** google.protobuf.Timestamp → milliseconds, as timestampDate computes them. */
function readTimestampMs(buffer: Buffer, start: number, end: number): number {
  const reader = new WireReader(buffer, start, end);
  let seconds = 0;
  let nanos = 0;
  while (!reader.done()) {
    const tag = reader.varint();
    if ((tag & 7) !== 0) {
      reader.skip(tag & 7);
      continue;
    }
    const number = reader.varint();
    if (tag >>> 3 === 1) seconds = number;
    else if (tag >>> 3 === 2) nanos = number;
  }
  return seconds * 1000 + Math.round(nanos / 1_000_000);
}

/** A minimal protobuf wire reader: varints up to 2^53 and skipping, which is all the envelope needs. */
class WireReader {
  constructor(
    private readonly buffer: Buffer,
    private position: number,
    private readonly end: number,
  ) {}

  done(): boolean {
    return this.position >= this.end;
  }

  varint(): number {
    let result = 0;
    let multiplier = 1;
    for (let i = 0; i < 10; i++) {
      if (this.position >= this.end) throw new RangeError('truncated varint');
      const byte = this.buffer[this.position++];
      result += (byte & 0x7f) * multiplier;
      if (byte < 0x80) return result;
      multiplier *= 128;
    }
    throw new RangeError('varint too long');
  }

  /** Returns where the next `length` bytes start and moves past them. */
  take(length: number): number {
    const start = this.position;
    if (start + length > this.end) throw new RangeError('truncated field');
    this.position += length;
    return start;
  }

  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.take(8);
    else if (wireType === 5) this.take(4);
    else if (wireType === 2) this.take(this.varint());
    else throw new RangeError(`unsupported wire type ${wireType}`);
  }
}
