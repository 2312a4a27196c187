import { setTimeout as delay } from 'node:timers/promises';
import { CorrelationContext } from '@sangeyipi/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { decodeMessage, MalformedMessageError } from '../event-codec';
import type { IntegrationEvent } from '../integration-event';
import type { EventSubscription } from './event-handler';

export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
}

export interface DeadLetter {
  consumerGroup: string;
  message: IncomingMessage;
  error: string;
  attempts: number;
}

/** Where a message goes when it cannot be handled: a Kafka topic, or a table when embedded. */
export interface DeadLetterSink {
  send(letter: DeadLetter): Promise<void>;
}

export type ProcessOutcome = 'handled' | 'duplicate' | 'dead-lettered';

const MAX_OUTAGE_BACKOFF_MS = 2_000;
/** SQLSTATE classes and codes of a lost or refused database connection, or a retryable conflict. */
const TRANSIENT_SQLSTATES = /^(08|57P0[1-3]|40001|40P01|53300)/;
const TRANSIENT_NETWORK_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

/** An error that says nothing about the message: retried until the infrastructure is back. */
export function isTransientInfrastructureError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string') return /Connection terminated|connection timeout/i.test(String((error as Error)?.message ?? ''));
  return TRANSIENT_SQLSTATES.test(code) || TRANSIENT_NETWORK_ERRORS.has(code);
}

/** A message decoded, with its place in the batch it came in. */
interface Decoded {
  index: number;
  message: IncomingMessage;
  event: IntegrationEvent;
}

type BatchAttempt = { committed: true } | { committed: false; error: unknown; failedAt: number | undefined };

/**
 * The transport-independent core of a consumer: decode, skip what was already processed,
 * run the handler and record the event id in one transaction, retry with backoff, and after
 * the last attempt dead-letter the message so the consumer moves on.
 *
 * `processBatch` does the same for a fetched batch in one transaction (one multi-row insert
 * into processed_messages, the handlers in batch order, one commit). When a handler fails,
 * the batch rolls back; the messages before it are handled again as a batch, the failing one
 * alone with its usual retries (the failed batch counts as its first attempt), and the rest
 * continue as a batch. So one bad message is retried or dead-lettered alone, and every other
 * message takes effect exactly once, in order.
 */
export class MessageProcessor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly subscription: EventSubscription,
    private readonly deadLetters: DeadLetterSink,
    private readonly onError?: (error: unknown, message: IncomingMessage, attempt: number) => void,
  ) {}

  async process(message: IncomingMessage): Promise<ProcessOutcome> {
    const [outcome] = await this.processBatch([message]);
    return outcome;
  }

  /** Processes messages of one partition in their order; returns each one's outcome, in the same order. */
  async processBatch(messages: readonly IncomingMessage[]): Promise<ProcessOutcome[]> {
    const outcomes: ProcessOutcome[] = new Array(messages.length);
    // Runs of decodable messages between malformed ones, so dead letters keep their place in the order.
    let run: Decoded[] = [];
    for (const [index, message] of messages.entries()) {
      let event: IntegrationEvent;
      try {
        if (!message.value) throw new MalformedMessageError('message without a value');
        event = decodeMessage(message.value, { topic: message.topic, partition: message.partition, offset: message.offset });
      } catch (error) {
        await this.handleRun(run, outcomes);
        run = [];
        await this.deadLetter(message, error, 0);
        outcomes[index] = 'dead-lettered';
        continue;
      }
      run.push({ index, message, event });
    }
    await this.handleRun(run, outcomes);
    return outcomes;
  }

  private async handleRun(run: readonly Decoded[], outcomes: ProcessOutcome[]): Promise<void> {
    let rest = run;
    while (rest.length > 0) {
      const attempt = rest.length === 1 ? undefined : await this.tryBatch(rest, outcomes);
      if (attempt?.committed) return;
      if (attempt === undefined) {
        outcomes[rest[0].index] = await this.processOne(rest[0]);
        return;
      }
      if (isTransientInfrastructureError(attempt.error)) {
        // The database, not a message, is at fault: wait it out and try the batch again.
        this.onError?.(attempt.error, rest[0].message, 0);
        await delay(Math.min((this.subscription.retryBackoffMs ?? 100) * 10, MAX_OUTAGE_BACKOFF_MS));
        continue;
      }
      if (attempt.failedAt === undefined) {
        // Not a handler's own throw (the de-duplication insert, a transaction a handler left aborted, the
        // commit): each message on its own.
        for (const item of rest) outcomes[item.index] = await this.processOne(item);
        return;
      }
      const failing = rest[attempt.failedAt];
      this.onError?.(attempt.error, failing.message, 1);
      await this.handleRun(rest.slice(0, attempt.failedAt), outcomes);
      outcomes[failing.index] = await this.processOne(failing, { attempts: 1, error: attempt.error });
      rest = rest.slice(attempt.failedAt + 1);
    }
  }

  /**
   * The handler runs under the event's correlation id, so what it logs and the events it appends carry
   * the id of the request that started it all, from service to service.
   */
  private handle(event: IntegrationEvent, manager: EntityManager): Promise<void> {
    return CorrelationContext.run(CorrelationContext.accept(event.correlationId), () => this.subscription.handle(event, manager));
  }

  /** One transaction for the whole run; on failure, which message's handler threw (if one did). */
  private async tryBatch(run: readonly Decoded[], outcomes: ProcessOutcome[]): Promise<BatchAttempt> {
    let current: number | undefined;
    try {
      const results = await this.dataSource.transaction(async (manager) => {
        const inserted: Array<{ event_id: string }> = await manager.query(
          `INSERT INTO processed_messages (consumer_group, event_id) SELECT $1, unnest($2::uuid[])
           ON CONFLICT DO NOTHING RETURNING event_id`,
          [this.subscription.consumerGroup, run.map((item) => item.event.eventId)],
        );
        const fresh = new Set(inserted.map((row) => row.event_id.toLowerCase()));
        const batchOutcomes: ProcessOutcome[] = [];
        for (const [position, item] of run.entries()) {
          // A repeat inside the batch: the first copy took the id.
          if (!fresh.delete(item.event.eventId.toLowerCase())) {
            batchOutcomes.push('duplicate');
            continue;
          }
          current = position;
          await this.handle(item.event, manager);
          batchOutcomes.push('handled');
        }
        current = undefined;
        // A handler that swallowed a database error leaves the transaction aborted, and COMMIT would
        // then roll back without an error: every message of the run would count as handled and be
        // lost. This fails instead, and the run falls back to one transaction per message.
        await manager.query(`SELECT 1`);
        return batchOutcomes;
      });
      results.forEach((outcome, position) => (outcomes[run[position].index] = outcome));
      return { committed: true };
    } catch (error) {
      return { committed: false, error, failedAt: current };
    }
  }

  /** One message in its own transaction, with retries; `spent` counts an attempt already made in a batch. */
  private async processOne({ message, event }: Decoded, spent?: { attempts: number; error: unknown }): Promise<ProcessOutcome> {
    const maxAttempts = this.subscription.maxAttempts ?? 5;
    const backoffMs = this.subscription.retryBackoffMs ?? 100;
    if (spent) {
      if (spent.attempts >= maxAttempts) {
        await this.deadLetter(message, spent.error, spent.attempts);
        return 'dead-lettered';
      }
      await delay(backoffMs * 2 ** (spent.attempts - 1));
    }
    for (let attempt = (spent?.attempts ?? 0) + 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(async (manager) => {
          const inserted = await manager.query(
            `INSERT INTO processed_messages (consumer_group, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
            [this.subscription.consumerGroup, event.eventId],
          );
          if (inserted.length === 0) return 'duplicate';
          await this.handle(event, manager);
          return 'handled';
        });
      } catch (error) {
        this.onError?.(error, message, attempt);
        if (isTransientInfrastructureError(error)) {
          // The database, not the message, is at fault: wait it out rather than dead-letter.
          attempt -= 1;
          await delay(Math.min(backoffMs * 10, MAX_OUTAGE_BACKOFF_MS));
          continue;
        }
        if (attempt >= maxAttempts) {
          await this.deadLetter(message, error, attempt);
          return 'dead-lettered';
        }
        await delay(backoffMs * 2 ** (attempt - 1));
      }
    }
  }

  private async deadLetter(message: IncomingMessage, error: unknown, attempts: number): Promise<void> {
    await this.deadLetters.send({
      consumerGroup: this.subscription.consumerGroup,
      message,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      attempts,
    });
  }
}

/** Dead letters kept in the service's own database (the embedded mode's dead-letter queue). */
export class PostgresDeadLetterSink implements DeadLetterSink {
  constructor(private readonly dataSource: DataSource) {}

  async send(letter: DeadLetter): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO dead_letters (consumer_group, topic, partition, "offset", message_key, value, error, attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        letter.consumerGroup,
        letter.message.topic,
        letter.message.partition,
        letter.message.offset,
        letter.message.key,
        letter.message.value ?? Buffer.alloc(0),
        letter.error,
        letter.attempts,
      ],
    );
  }
}
