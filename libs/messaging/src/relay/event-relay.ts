import type { EventLog, PostgresEventStore } from '@sangeyipi/eventstore';
import type { DataSource } from 'typeorm';
import { encodeSealedEvent } from '../event-codec';
import type { TransportMessage } from '../integration-event';
import type { EventPublisher } from './event-publisher';
import { PostgresLeaderLock } from './leader-lock';

export interface EventRelayOptions {
  /** The service whose events this relay publishes; names the checkpoint and the leader lock. */
  service: string;
  topic: string;
  store: PostgresEventStore;
  log: EventLog;
  publisher: EventPublisher;
  batchSize?: number;
  /** How long an idle relay waits for a notify before it looks anyway (default 50 ms). */
  pollIntervalMs?: number;
  /**
   * A notify wakes the relay no sooner than this after its last round ended (default 10 ms), so
   * appends arriving together go out in one round instead of one round (8 statements) each.
   */
  minRoundIntervalMs?: number;
  onError?: (error: unknown) => void;
  onPublished?: (count: number, lastSequence: bigint) => void;
}

/**
 * The outbox relay: seals newly committed events into the log, publishes them in log order,
 * then records how far it got. A crash between publishing and recording republishes the tail
 * (at-least-once); consumers drop the repeats by event id. One replica leads at a time.
 */
export class EventRelay {
  private readonly lock: PostgresLeaderLock;
  private readonly dataSource: DataSource;
  private stopped = true;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** The checkpoint, known while this relay stays leader (forgotten when it is not, or stops). */
  private publishedUpTo?: bigint;

  constructor(private readonly options: EventRelayOptions) {
    this.dataSource = options.store.dataSource;
    this.lock = new PostgresLeaderLock(this.dataSource, `relay:${options.service}`);
  }

  get isLeader(): boolean {
    return this.lock.isHeld;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
  }

  /** Finishes the batch in flight, then gives up leadership. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    this.publishedUpTo = undefined;
    await this.lock.release();
  }

  /** Wakes the loop now instead of at the next poll, e.g. after a local append. */
  notify(): void {
    this.wake?.();
  }

  /**
   * As leader, seals and publishes everything committed so far; returns how many were published.
   * One send is in flight while the next batch is sealed, read and encoded; the checkpoint moves
   * only after a send is acknowledged, and the next send starts only then, so order holds. While it
   * stays leader the relay knows its checkpoint (only the leader moves it), and a round that seals
   * nothing new and has published everything sealed stops after that one look.
   */
  async publishPending(): Promise<number> {
    if (!(await this.lock.tryAcquire())) {
      this.publishedUpTo = undefined;
      return 0;
    }
    this.publishedUpTo ??= await this.readCheckpoint();
    const batchSize = this.options.batchSize ?? 2000;
    let published = 0;
    let readUpTo = this.publishedUpTo;
    let inFlight: Promise<void> | undefined;
    const send = async (messages: TransportMessage[], last: bigint) => {
      await this.options.publisher.publish(messages);
      await this.saveCheckpoint(last);
      this.publishedUpTo = last;
      published += messages.length;
      this.options.onPublished?.(messages.length, last);
    };
    try {
      for (;;) {
        const { lastSequence } = await this.options.log.seal(batchSize);
        if (lastSequence <= readUpTo) break;
        const events = await this.options.log.readSealed(readUpTo, batchSize);
        if (events.length === 0) break;
        const messages = events.map((event) => encodeSealedEvent(event, this.options.service, this.options.topic));
        await inFlight;
        readUpTo = events[events.length - 1].logSequence;
        inFlight = send(messages, readUpTo);
        // Its failure surfaces at the next await of inFlight; until then it must not count as unhandled.
        inFlight.catch(() => undefined);
        // A short batch means everything sealed was read, and sealing had taken everything committed.
        if (events.length < batchSize) break;
      }
    } finally {
      await inFlight;
    }
    return published;
  }

  async checkpoint(): Promise<bigint> {
    return this.readCheckpoint();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.publishPending();
      } catch (error) {
        this.options.onError?.(error);
      }
      if (!this.stopped) await this.idle();
    }
  }

  /** Until the next poll or a notify, but never less than minRoundIntervalMs after the round. */
  private async idle(): Promise<void> {
    const roundEnded = Date.now();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.options.pollIntervalMs ?? 50);
      this.wake = () => {
        this.wake = undefined;
        clearTimeout(timer);
        const left = (this.options.minRoundIntervalMs ?? 10) - (Date.now() - roundEnded);
        if (left > 0 && !this.stopped) setTimeout(resolve, left);
        else resolve();
      };
    });
    this.wake = undefined;
  }

  private async readCheckpoint(): Promise<bigint> {
    const [row] = await this.dataSource.query(`SELECT log_sequence::text AS log_sequence FROM relay_checkpoints WHERE relay = $1`, [this.options.service]);
    return row ? BigInt(row.log_sequence) : 0n;
  }

  private async saveCheckpoint(sequence: bigint): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO relay_checkpoints (relay, log_sequence) VALUES ($1, $2)
       ON CONFLICT (relay) DO UPDATE SET log_sequence = excluded.log_sequence, updated_at = now()
       WHERE relay_checkpoints.log_sequence < excluded.log_sequence`,
      [this.options.service, sequence.toString()],
    );
  }
}
