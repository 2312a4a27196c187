import type { Fact } from './fact.types';
import { FactFolder } from './fact-folder';
import { FoldWorkers } from './fold-workers';
import { decodeForFold, type HistoryMessage } from './history-decoder';
import { sealedCaseEvents } from './indicator-history.fixture';

const PARTITIONS = 6;

/** 120 cases of four events each, every case on the partition its number gives, in stream order. */
function history(): HistoryMessage[][] {
  const partitions: HistoryMessage[][] = Array.from({ length: PARTITIONS }, () => []);
  for (let n = 0; n < 120; n++) {
    const partition = partitions[n % PARTITIONS];
    for (const { value } of sealedCaseEvents(n)) partition.push({ topic: 'cases', partition: n % PARTITIONS, offset: String(partition.length), value });
  }
  // What a topic may also hold: an empty message and one that is no envelope.
  partitions[0].push({ topic: 'cases', partition: 0, offset: String(partitions[0].length), value: null });
  partitions[1].push({ topic: 'cases', partition: 1, offset: String(partitions[1].length), value: Buffer.from('not an envelope') });
  return partitions;
}

/** Sends each partition's messages in batches of `batchSize`, the partitions concurrently, as the Kafka reader does. */
async function foldAll(workers: FoldWorkers, partitions: HistoryMessage[][], batchSize: number): Promise<void> {
  await Promise.all(
    partitions.map(async (messages) => {
      for (let i = 0; i < messages.length; i += batchSize) await workers.fold(messages.slice(i, i + batchSize));
    }),
  );
}

describe('folding on worker threads', () => {
  const partitions = history();
  const expected = new FactFolder();
  for (const message of partitions.flat()) {
    const event = decodeForFold(message.value);
    if (event) expected.add(event);
  }

  it.each([
    ['one worker for every partition, always waiting for it', 1, 1],
    ['three workers, two partitions each', 3, 64 * 1024],
  ])('ends with the facts an in-thread fold gives (%s)', async (_, count, maxBytesQueued) => {
    const written = new Map<string, Fact>();
    let folded = 0;
    const workers = new FoldWorkers({
      count,
      stageChunk: 7,
      maxBytesQueued,
      onChanged: (json) => (JSON.parse(json) as Fact[]).forEach((fact) => written.set(fact.key, fact)),
      onFolded: (messages) => (folded += messages),
    });
    try {
      await foldAll(workers, partitions, 5);
      const totals = await workers.flush();
      expect(totals).toEqual({ ...expected.counts, facts: 120, undecodable: 2 });
      expect(folded).toBe(482);
      expect(Object.fromEntries(written)).toEqual(JSON.parse(JSON.stringify(Object.fromEntries(expected.facts))));
    } finally {
      await workers.close();
    }
  });

  it('fails the fold when the facts it hands over cannot be taken', async () => {
    const workers = new FoldWorkers({
      count: 2,
      stageChunk: 1,
      onChanged: () => {
        throw new Error('the database is gone');
      },
      onFolded: () => undefined,
    });
    try {
      await expect(foldAll(workers, partitions, 5).then(() => workers.flush())).rejects.toThrow('the database is gone');
    } finally {
      await workers.close();
    }
  });
});
