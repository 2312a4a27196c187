import { timestampDate } from '@bufbuild/protobuf/wkt';
import { decodeEnvelope, openEnvelope, type EventEnvelope } from '@sangeyipi/contracts';
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
