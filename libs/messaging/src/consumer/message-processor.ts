import { setTimeout as delay } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
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

/**
 * The transport-independent core of a consumer: decode, skip what was already processed,
 * run the handler and record the event id in one transaction, retry with backoff, and after
 * the last attempt dead-letter the message so the consumer moves on.
 */
export class MessageProcessor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly subscription: EventSubscription,
    private readonly deadLetters: DeadLetterSink,
    private readonly onError?: (error: unknown, message: IncomingMessage, attempt: number) => void,
  ) {}

  async process(message: IncomingMessage): Promise<ProcessOutcome> {
    let event: IntegrationEvent;
    try {
      if (!message.value) throw new MalformedMessageError('message without a value');
      event = decodeMessage(message.value, { topic: message.topic, partition: message.partition, offset: message.offset });
    } catch (error) {
      await this.deadLetter(message, error, 0);
      return 'dead-lettered';
    }

    const maxAttempts = this.subscription.maxAttempts ?? 5;
    const backoffMs = this.subscription.retryBackoffMs ?? 100;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(async (manager) => {
          const inserted = await manager.query(
            `INSERT INTO processed_messages (consumer_group, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
            [this.subscription.consumerGroup, event.eventId],
          );
          if (inserted.length === 0) return 'duplicate';
          await this.subscription.handle(event, manager);
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
