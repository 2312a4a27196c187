import { setTimeout as delay } from 'node:timers/promises';
import type { Admin, Kafka } from 'kafkajs';

/** How long to wait for topics that another process is creating at the same moment to get their leaders. */
const LEADERS_TIMEOUT_MS = 60_000;
/** What the broker answers about a topic that is still being created. */
const NOT_READY_YET = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE', 'NOT_LEADER_FOR_PARTITION', 'NOT_LEADER_OR_FOLLOWER']);

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
 * Resolves once every partition of every topic has a leader: when services start together, one may
 * find a topic that another has only just created, and the broker would still answer "does not host
 * this topic-partition" to its producer or consumer.
 */
export async function ensureTopics(kafka: Kafka, topics: readonly string[], settings: TopicSettings): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length > 0) await createTopics(admin, missing, settings);
    await leadersElected(admin, topics);
  } finally {
    await admin.disconnect();
  }
}

async function createTopics(admin: Admin, missing: readonly string[], settings: TopicSettings): Promise<void> {
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
}

/**
 * Asks every partition's leader for its offsets: that succeeds only once the leader serves the
 * partition, which comes a moment after the cluster's metadata names it.
 */
async function leadersElected(admin: Admin, topics: readonly string[]): Promise<void> {
  const deadline = Date.now() + LEADERS_TIMEOUT_MS;
  for (let pause = 50; ; pause = Math.min(pause * 2, 1_000)) {
    try {
      for (const topic of topics) await admin.fetchTopicOffsets(topic);
      return;
    } catch (error) {
      if (!isStillBeingCreated(error)) throw error;
    }
    if (Date.now() > deadline) throw new Error(`Kafka topics without a serving leader after ${LEADERS_TIMEOUT_MS / 1000} s: ${topics.join(', ')}`);
    await delay(pause);
  }
}

/** The broker's answers about a topic that is still being created (kafkajs may wrap them once retried). */
function isStillBeingCreated(error: unknown): boolean {
  for (let cause = error as { type?: string; cause?: unknown } | undefined; cause; cause = cause.cause as typeof cause) {
    if (NOT_READY_YET.has(cause.type ?? '')) return true;
  }
  return false;
}
