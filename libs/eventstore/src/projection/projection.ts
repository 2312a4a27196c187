import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '../event-store.types';

/**
 * A read model fed from the service's own event log. `apply` and `reset` run inside the
 * runner's transaction, together with the checkpoint, so the model and its checkpoint never
 * disagree.
 */
export interface Projection {
  /** Unique per service; names the checkpoint row. */
  readonly name: string;
  apply(events: readonly StoredEvent[], manager: EntityManager): Promise<void>;
  /** Empties the read model before a rebuild from position 0. */
  reset(manager: EntityManager): Promise<void>;
}
