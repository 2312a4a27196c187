import type { Context } from '@sangeyipi/contracts';
import type { EventHandler } from '../consumer/event-handler';

/**
 * A service's reaction to other contexts' events, registered with EventBackboneModule.
 * Its consumer group is `<service>.<purpose>`; it reads `<context>.events.v1` of each context.
 */
export interface EventSubscriber {
  readonly purpose: string;
  readonly contexts: readonly Context[];
  readonly handle: EventHandler;
  readonly maxAttempts?: number;
}
