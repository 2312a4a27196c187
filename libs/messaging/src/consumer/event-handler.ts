import type { EntityManager } from 'typeorm';
import type { IntegrationEvent } from '../integration-event';

/**
 * A consumer's reaction to one event. It runs inside the transaction that also records the
 * event id as processed, so its effect happens once however often the event is delivered.
 */
export type EventHandler = (event: IntegrationEvent, manager: EntityManager) => Promise<void>;

export interface EventSubscription {
  /** `<service>.<purpose>`, e.g. `cases.catalog-copy`. */
  consumerGroup: string;
  topics: readonly string[];
  handle: EventHandler;
  /** Attempts before the message is dead-lettered (default 5). */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt (default 100 ms). */
  retryBackoffMs?: number;
}
