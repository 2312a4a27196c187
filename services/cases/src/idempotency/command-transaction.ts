import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';

/**
 * The transaction a command runs in when it carries an Idempotency-Key: every append of the command
 * joins it (CaseStreams, and the handlers that append themselves), so the events and the stored
 * answer commit together or not at all. Without a key, commands append on their own.
 */
export const commandTransaction = new AsyncLocalStorage<EntityManager>();

/** The ambient command transaction, if the current request runs in one. */
export function currentCommandTransaction(): EntityManager | undefined {
  return commandTransaction.getStore();
}
