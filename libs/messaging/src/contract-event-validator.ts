import { eventFromJson, isEventType } from '@sangeyipi/contracts';
import { InvalidAppendError, type NewEvent } from '@sangeyipi/eventstore';

/**
 * Accepts only registered contract types whose data is the protobuf-JSON form of their message,
 * so every stored event can be encoded by the relay and decoded by every consumer.
 */
export function validateContractEvent(event: NewEvent): void {
  if (!isEventType(event.type)) throw new InvalidAppendError(`"${event.type}" is not a registered event type (libs/contracts)`);
  try {
    eventFromJson(event.type, event.data as never);
  } catch (error) {
    throw new InvalidAppendError(`${event.type} data does not match its contract: ${(error as Error).message}`);
  }
}
