import { Kafka, logLevel, type LogEntry } from 'kafkajs';

export interface KafkaConnectionOptions {
  clientId: string;
  brokers: readonly string[];
  /** Receives kafkajs' own warnings and errors, e.g. the service's pino logger. */
  log?: (level: 'warn' | 'error', message: string, extra: Record<string, unknown>) => void;
}

/** One kafkajs client per service, logging through the service's logger. */
export function createKafka(options: KafkaConnectionOptions): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        options.log?.(level === logLevel.ERROR ? 'error' : 'warn', message, extra);
      },
  });
}
