import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type EventMetadata } from '@sangeyipi/eventstore';
import { CorrelationContext, type AuthenticatedUser } from '@sangeyipi/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { SupervisionEvent } from './supervision.events';

export interface Loaded<S> {
  state: S;
  /** The stream's version, to append with (0 for a new stream). */
  version: number;
}

/** One stream's share of a command's outcome. */
export interface StreamAppend {
  streamId: string;
  expectedVersion: number;
  events: readonly SupervisionEvent[];
}

/** Stream ids: one stream per record (docs/supervision.md). */
export const streamIds = {
  inspectionItem: (id: string) => `inspection-item-${id}`,
  target: (id: string) => `target-${id}`,
  inspector: (id: string) => `inspector-${id}`,
  plan: (id: string) => `plan-${id}`,
  inspection: (id: string) => `inspection-${id}`,
  finding: (id: string) => `finding-${id}`,
  verification: (id: string) => `verification-${id}`,
  rating: (id: string) => `rating-${id}`,
  complaint: (id: string) => `complaint-${id}`,
  windowInspection: (id: string) => `window-inspection-${id}`,
  credit: (subjectId: string) => `credit-${subjectId}`,
};

/** Who acted, with the role that allowed it, and in which region, for every event of an append. */
export function metadataFor(user: Pick<AuthenticatedUser, 'userId' | 'unitId'>, role: string, regionCode: string): EventMetadata {
  return {
    correlationId: CorrelationContext.current() ?? randomUUID(),
    actor: { id: user.userId, role },
    regionCode,
    ...(user.unitId ? { unitId: user.unitId } : {}),
  };
}

/**
 * Loads supervision's aggregates from their streams and appends their new events. Streams are short
 * (a finding has a handful of events), so no snapshots. Used by HTTP handlers (own transaction) and by
 * consumers and timers (`manager`: the caller's transaction).
 */
export class SupervisionStreams {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly dataSource: DataSource,
    /** Wakes the relay after a commit; consumers leave it to the relay's poll. */
    private readonly onAppended: () => void = () => undefined,
  ) {}

  async load<S>(streamId: string, initial: S, evolve: (state: S, event: SupervisionEvent) => S, manager?: EntityManager): Promise<Loaded<S>> {
    const stored = await this.store.readStream(streamId, { manager });
    const state = stored.map((e) => ({ type: e.type, data: e.data }) as SupervisionEvent).reduce(evolve, initial);
    return { state, version: stored.at(-1)?.streamVersion ?? 0 };
  }

  async readEvents(streamId: string): Promise<SupervisionEvent[]> {
    return (await this.store.readStream(streamId)).map((e) => ({ type: e.type, data: e.data }) as SupervisionEvent);
  }

  /**
   * Appends to every stream in one transaction, each at its expected version: all or nothing, and a
   * lost race on any stream (StreamVersionConflictError, answered 409) leaves them all untouched.
   */
  async append(appends: readonly StreamAppend[], metadata: EventMetadata, manager?: EntityManager): Promise<void> {
    const write = async (m: EntityManager) => {
      for (const { streamId, expectedVersion, events } of appends) {
        if (events.length) await this.store.append(streamId, expectedVersion, events, { metadata, manager: m });
      }
    };
    if (manager) {
      await write(manager);
      return;
    }
    await this.dataSource.transaction(write);
    this.onAppended();
  }
}
