import type { Kafka } from 'kafkajs';

export interface TopicSettings {
  partitions: number;
  replicationFactor: number;
}

/** `<context>.events.v1`, with an optional prefix that keeps test runs apart. */
export function eventTopic(context: string, prefix = ''): string {
  return `${prefix}${context}.events.v1`;
}

/** A consumer group's dead-letter topic. */
export function deadLetterTopic(consumerGroup: string): string {
  return `${consumerGroup}.dlq`;
}

/**
 * Creates the topics that are missing, with unlimited retention so the whole history can be
 * replayed. Existing topics are left as they are (partitions are only ever added by operators).
 */
export async function ensureTopics(kafka: Kafka, topics: readonly string[], settings: TopicSettings): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: settings.partitions,
        replicationFactor: settings.replicationFactor,
        configEntries: [
          { name: 'retention.ms', value: '-1' },
          { name: 'retention.bytes', value: '-1' },
          { name: 'min.insync.replicas', value: String(Math.max(1, settings.replicationFactor - 1)) },
        ],
      })),
    });
  } finally {
    await admin.disconnect();
  }
}
