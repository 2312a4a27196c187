import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { HistoryMessage } from './history-decoder';

/** Offsets [fromOffset, toOffset) of one topic partition. */
export interface PartitionRange {
  topic: string;
  partition: number;
  fromOffset: bigint;
  toOffset: bigint;
}

/** Every partition of the topics from offset 0 to its current end (the high watermark). */
export async function currentRanges(kafka: Kafka, topics: readonly string[]): Promise<PartitionRange[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const ranges: PartitionRange[] = [];
    for (const topic of topics) {
      if (!existing.has(topic)) continue;
      for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
        ranges.push({ topic, partition, fromOffset: 0n, toOffset: BigInt(high) });
      }
    }
    return ranges.sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));
  } finally {
    await admin.disconnect();
  }
}

export interface ReadHistoryOptions {
  /** Called with each fetched batch of one partition, in offset order, only messages inside the range. */
  onBatch: (messages: HistoryMessage[]) => void | Promise<void>;
}

/**
 * Reads exactly the given ranges, each partition in offset order, with a throwaway consumer group
 * that commits nothing. Resolves when every range has been read to its end.
 */
export async function readHistory(kafka: Kafka, ranges: readonly PartitionRange[], options: ReadHistoryOptions): Promise<number> {
  const pending = new Map<string, PartitionRange>();
  for (const range of ranges) if (range.toOffset > range.fromOffset) pending.set(`${range.topic}:${range.partition}`, range);
  if (pending.size === 0) return 0;
  const topics = [...new Set([...pending.values()].map((range) => range.topic))];
  const consumer = kafka.consumer({
    groupId: `history-reader-${randomUUID()}`,
    allowAutoTopicCreation: false,
    maxBytes: 64 * 1024 * 1024,
    maxBytesPerPartition: 16 * 1024 * 1024,
    maxWaitTimeInMs: 200,
  });
  let delivered = 0;
  let finish!: () => void;
  let fail!: (error: unknown) => void;
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: Math.min(8, pending.size),
      eachBatch: async ({ batch }) => {
        const key = `${batch.topic}:${batch.partition}`;
        const range = pending.get(key);
        if (!range) return;
        const messages: HistoryMessage[] = [];
        for (const message of batch.messages) {
          const offset = BigInt(message.offset);
          if (offset >= range.fromOffset && offset < range.toOffset) {
            messages.push({ topic: batch.topic, partition: batch.partition, offset: message.offset, value: message.value });
          }
        }
        try {
          if (messages.length > 0) await options.onBatch(messages);
        } catch (error) {
          fail(error);
          return;
        }
        delivered += messages.length;
        if (batch.messages.length > 0 && BigInt(batch.lastOffset()) >= range.toOffset - 1n) {
          pending.delete(key);
          consumer.pause([{ topic: batch.topic, partitions: [batch.partition] }]);
          if (pending.size === 0) finish();
        }
      },
    });
    // Ranges that do not start at the beginning: move there (messages before arrive first and are skipped).
    for (const range of pending.values()) {
      if (range.fromOffset > 0n) consumer.seek({ topic: range.topic, partition: range.partition, offset: range.fromOffset.toString() });
    }
    await done;
    return delivered;
  } finally {
    await consumer.disconnect();
  }
}
