import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** The HTTP header that carries a correlation id in and out of a service. */
export const CORRELATION_ID_HEADER = 'x-correlation-id';

const SAFE_CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const storage = new AsyncLocalStorage<{ readonly correlationId: string }>();

/**
 * The correlation id of the work in progress: an HTTP request, a consumed event, a timer. It
 * follows the asynchronous calls made inside `run`, so any code (loggers, the event store writing
 * event metadata, a Kafka producer writing headers) can read it without passing it around.
 */
export const CorrelationContext = {
  /** Runs `work` with `correlationId` as the current correlation id. */
  run<T>(correlationId: string, work: () => T): T {
    return storage.run({ correlationId }, work);
  },

  /** The current correlation id, or undefined outside any `run`. */
  current(): string | undefined {
    return storage.getStore()?.correlationId;
  },

  /**
   * The id to use for incoming work: the caller's, when it is a plausible id (letters, digits and
   * `._:-`, at most 128 characters, so that it cannot forge log lines), otherwise a new UUID.
   */
  accept(candidate: unknown): string {
    return typeof candidate === 'string' && SAFE_CORRELATION_ID.test(candidate) ? candidate : randomUUID();
  },
} as const;
