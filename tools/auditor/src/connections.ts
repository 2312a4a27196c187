import { createKafka } from '@sangeyipi/messaging';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';

/** `--database cases=postgres://…` → ['cases', url]. */
export function parseDatabaseOption(value: string, previous: Array<[string, string]> = []): Array<[string, string]> {
  const at = value.indexOf('=');
  if (at <= 0) throw new UsageError(`--database takes <context>=<postgres url>, got "${value}"`);
  return [...previous, [value.slice(0, at), value.slice(at + 1)]];
}

/** A mistake in the command line: exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export async function openDatabase(url: string): Promise<DataSource> {
  return new DataSource({ type: 'postgres', url, extra: { max: 4 } }).initialize();
}

export function connectKafka(brokers: string): Kafka {
  return createKafka({ clientId: 'auditor', brokers: brokers.split(',') });
}
