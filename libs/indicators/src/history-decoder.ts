import { timestampDate } from '@bufbuild/protobuf/wkt';
import { decodeEnvelope, openEnvelope, type EventEnvelope } from '@sangeyipi/contracts';
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
 * Decodes a message for folding; null when it is no envelope of a registered type and schema version
 * (the live consumer dead-letters those, so they count for nothing on either side).
 */
export function decodeHistoryMessage(message: HistoryMessage): DecodedMessage | null {
  if (!message.value) return null;
  try {
    const envelope = decodeEnvelope(message.value);
    if (!envelope.eventId || !envelope.streamId) return null;
    const { type, data } = openEnvelope(envelope);
    return {
      envelope,
      event: {
        type,
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
