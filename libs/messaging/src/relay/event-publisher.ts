import type { TransportMessage } from '../integration-event';

/** Where the relay hands sealed events: Kafka in distributed mode, local subscribers embedded. */
export interface EventPublisher {
  /** Resolves once every message is durably accepted (Kafka: acknowledged by all in-sync replicas). */
  publish(messages: readonly TransportMessage[]): Promise<void>;
}
