export { PostgresEventStore, type EventStoreOptions, type AppendOptions } from './event-store';
export { StreamVersionConflictError, InvalidAppendError } from './event-store.errors';
export {
  ExpectedVersion,
  LOG_START,
  type NewEvent,
  type EventMetadata,
  type StoredEvent,
  type LogPosition,
  type AppendResult,
} from './event-store.types';
export { EventLog, LOG_GENESIS_HASH, type SealedEvent } from './event-log';
export { type Upcaster } from './upcasting';
export { type Projection } from './projection/projection';
export { ProjectionRunner, type ProjectionRunnerOptions } from './projection/projection-runner';
export { SnapshotStore, type AggregateDefinition, type LoadedAggregate } from './snapshot/snapshot-store';
export { verifyEventChains, type ChainVerification, type ChainProblem, type VerifyOptions } from './verification/chain-verifier';
export { grantServiceRole } from './service-role';
export { CreateEventStore1764300000000 } from './migrations/1764300000000-create-event-store.migration';
export { canonicalJson, sha256Hex } from './canonical-json';
export { chainHash, contentDigest } from './event-hash';

/** The event store's migrations, in order, for a service's TypeORM data source. */
export { EVENT_STORE_MIGRATIONS } from './migrations';
