import { setTimeout as delay } from 'node:timers/promises';
import type { EntityManager } from 'typeorm';
import type { PostgresEventStore } from '../event-store';
import { LOG_START, type LogPosition } from '../event-store.types';
import type { Projection } from './projection';

export interface ProjectionRunnerOptions {
  batchSize?: number;
  pollIntervalMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Keeps one projection up to date. Each batch and its checkpoint commit in one transaction
 * under an advisory lock, so several service replicas can run the same projection safely:
 * the one holding the lock applies the batch, the others find the checkpoint moved on.
 */
export class ProjectionRunner {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly projection: Projection,
    private readonly options: ProjectionRunnerOptions = {},
  ) {}

  /**
   * Applies every event committed before the call; returns how many were applied. An empty
   * batch alone does not prove that: a transaction still running anywhere in the cluster holds
   * the watermark back, so it also waits until the watermark passes the call's start.
   */
  async catchUp(): Promise<number> {
    const target = await this.store.currentTransactionHorizon();
    let total = 0;
    for (;;) {
      // Read the watermark before the batch: an empty batch read after it covers it.
      const watermark = await this.store.watermark();
      const applied = await this.applyNextBatch();
      total += applied;
      if (applied > 0) continue;
      if (watermark >= target) return total;
      await delay(5);
    }
  }

  /**
   * Empties the read model and replays it from position 0 while the service keeps running.
   * The reset commits first, so readers see the model fill up again batch by batch.
   */
  async rebuild(): Promise<number> {
    await this.store.dataSource.transaction(async (manager) => {
      await this.lock(manager);
      await this.projection.reset(manager);
      await this.saveCheckpoint(manager, LOG_START);
    });
    return this.catchUp();
  }

  async checkpoint(): Promise<LogPosition> {
    return this.readCheckpoint(this.store.dataSource.manager);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = async () => {
      try {
        await this.catchUp();
      } catch (error) {
        this.options.onError?.(error);
      }
      if (!this.stopped) this.timer = setTimeout(() => (this.running = tick()), this.options.pollIntervalMs ?? 200);
    };
    this.running = tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private async applyNextBatch(): Promise<number> {
    return this.store.dataSource.transaction(async (manager) => {
      await this.lock(manager);
      const after = await this.readCheckpoint(manager);
      const events = await this.store.readAll(after, { limit: this.options.batchSize ?? 500, manager });
      if (events.length === 0) return 0;
      await this.projection.apply(events, manager);
      const last = events[events.length - 1];
      await this.saveCheckpoint(manager, { transactionId: last.transactionId, position: last.position });
      return events.length;
    });
  }

  /** Serialises runners of this projection. An advisory lock takes no transaction id, so it
   * does not hold back the log's watermark the way a row lock would. */
  private async lock(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('projection:' || $1, 0))`, [this.projection.name]);
  }

  private async readCheckpoint(manager: EntityManager): Promise<LogPosition> {
    const [row] = await manager.query(
      `SELECT transaction_id::text AS transaction_id, position::text AS position FROM projection_checkpoints WHERE projection = $1`,
      [this.projection.name],
    );
    return row ? { transactionId: BigInt(row.transaction_id), position: BigInt(row.position) } : LOG_START;
  }

  private async saveCheckpoint(manager: EntityManager, at: LogPosition): Promise<void> {
    await manager.query(
      `INSERT INTO projection_checkpoints (projection, transaction_id, position) VALUES ($1, $2::xid8, $3)
       ON CONFLICT (projection) DO UPDATE SET transaction_id = excluded.transaction_id, position = excluded.position, updated_at = now()`,
      [this.projection.name, at.transactionId.toString(), at.position.toString()],
    );
  }
}
