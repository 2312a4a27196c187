import type { PostgresEventStore } from '../event-store';
import type { StoredEvent } from '../event-store.types';

export interface AggregateDefinition<TState> {
  initialState(): TState;
  evolve(state: TState, event: StoredEvent): TState;
  /** Bump when the state's shape changes: older snapshots are then ignored and rebuilt. */
  snapshotSchemaVersion: number;
  /** Take a new snapshot once this many events were folded since the last one. */
  snapshotEvery: number;
}

export interface LoadedAggregate<TState> {
  state: TState;
  version: number;
}

/**
 * Loads a stream's state from its latest snapshot plus the events after it, and refreshes the
 * snapshot when a long tail had to be folded. Snapshots are a cache: deleting them loses nothing.
 */
export class SnapshotStore {
  constructor(private readonly store: PostgresEventStore) {}

  async load<TState>(streamId: string, definition: AggregateDefinition<TState>): Promise<LoadedAggregate<TState>> {
    const [snapshot] = (await this.store.dataSource.query(
      `SELECT stream_version, state FROM snapshots WHERE stream_id = $1 AND schema_version = $2`,
      [streamId, definition.snapshotSchemaVersion],
    )) as Array<{ stream_version: number; state: TState }>;
    let state = snapshot ? snapshot.state : definition.initialState();
    let version = snapshot ? snapshot.stream_version : 0;
    const tail = await this.store.readStream(streamId, { fromVersion: version + 1 });
    for (const event of tail) {
      state = definition.evolve(state, event);
      version = event.streamVersion;
    }
    if (tail.length >= definition.snapshotEvery) await this.save(streamId, version, state, definition.snapshotSchemaVersion);
    return { state, version };
  }

  async save(streamId: string, version: number, state: unknown, schemaVersion: number): Promise<void> {
    await this.store.dataSource.query(
      `INSERT INTO snapshots (stream_id, stream_version, schema_version, state) VALUES ($1, $2, $3, $4)
       ON CONFLICT (stream_id) DO UPDATE
         SET stream_version = excluded.stream_version, schema_version = excluded.schema_version,
             state = excluded.state, taken_at = now()
       WHERE snapshots.stream_version < excluded.stream_version OR snapshots.schema_version <> excluded.schema_version`,
      [streamId, version, schemaVersion, JSON.stringify(state)],
    );
  }
}
