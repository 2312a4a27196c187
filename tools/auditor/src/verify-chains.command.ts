import { TOPICS, type Context } from '@sangeyipi/contracts';
import { verifyEventChains } from '@sangeyipi/eventstore';
import { currentRanges, decodeHistoryMessage, readHistory } from '@sangeyipi/indicators';
import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { UsageError, connectKafka, openDatabase } from './connections';
import { EXIT, progressBar, type Output } from './progress';

export interface VerifyOptions {
  /** context=url of each service database to verify. */
  database: Array<[string, string]>;
  /** With Kafka: also check that every sealed event is on its topic, once. */
  brokers?: string;
  topicPrefix: string;
}

/**
 * Verifies each service's history: every digest and both chains in its database (the first broken
 * event named); then, with Kafka, that every sealed event is on the service's topic with the same
 * hashes and that the topic holds nothing else. Identical repeats are the relay's at-least-once
 * delivery and are counted, not failed; two different copies of one event fail.
 */
export async function verifyChains(options: VerifyOptions, io: Output): Promise<number> {
  if (options.database.length === 0) throw new UsageError('give at least one --database <context>=<url>');
  let failed = false;
  for (const [context, url] of options.database) {
    if (!(context in TOPICS)) throw new UsageError(`unknown context "${context}" (one of ${Object.keys(TOPICS).join(', ')})`);
    const dataSource = await openDatabase(url);
    try {
      const bar = progressBar(`${context}: chains`, 0);
      const result = await verifyEventChains(dataSource, { onProgress: ({ checked, total }) => bar.update(checked, total) });
      bar.stop();
      const p = result.firstProblem;
      if (result.ok || !p) io.out(`${context}: ${result.eventsChecked} events and ${result.logEntriesChecked} log entries verified`);
      else {
        failed = true;
        io.out(`${context}: BROKEN at event ${p.eventId ?? '?'} (stream ${p.streamId ?? '?'} version ${p.streamVersion ?? '?'}, log ${p.logSequence ?? '-'}): ${p.problem}`);
        io.out(`${context}: ${result.problemCount} problem(s) in all`);
      }
      if (options.brokers) failed = !(await verifyTopic(context as Context, dataSource, connectKafka(options.brokers), options.topicPrefix, io)) || failed;
    } finally {
      await dataSource.destroy();
    }
  }
  io.out(failed ? 'FAILED' : 'OK');
  return failed ? EXIT.failed : EXIT.ok;
}

async function verifyTopic(context: Context, dataSource: DataSource, kafka: Kafka, topicPrefix: string, io: Output): Promise<boolean> {
  const topic = `${topicPrefix}${TOPICS[context]}`;
  const ranges = await currentRanges(kafka, [topic]);
  const copies = new Map<string, { hash: string; logChainHash: string; count: number; where: string; differs: boolean }>();
  const bar = progressBar(`${context}: topic`, ranges.reduce((sum, r) => sum + Number(r.toOffset), 0));
  let read = 0;
  let foreign = 0;
  await readHistory(kafka, ranges, {
    onBatch: (messages) => {
      for (const message of messages) {
        const decoded = decodeHistoryMessage(message);
        if (!decoded) {
          foreign++;
          continue;
        }
        const { eventId, hash, logChainHash } = decoded.envelope;
        const seen = copies.get(eventId);
        if (!seen) copies.set(eventId, { hash, logChainHash, count: 1, where: `${message.topic}[${message.partition}]@${message.offset}`, differs: false });
        else {
          seen.count++;
          seen.differs ||= seen.hash !== hash || seen.logChainHash !== logChainHash;
        }
      }
      read += messages.length;
      bar.update(read);
    },
  });
  bar.stop();

  const problems: string[] = [];
  let sealed = 0;
  let repeats = 0;
  for (let after = 0n; ; ) {
    const rows: Array<{ log_sequence: string; event_id: string; hash: string; chain_hash: string }> = await dataSource.query(
      `SELECT l.log_sequence::text AS log_sequence, e.event_id, e.hash, l.chain_hash FROM event_log l JOIN events e ON e.position = l.position
        WHERE l.log_sequence > $1 ORDER BY l.log_sequence LIMIT 5000`,
      [after.toString()],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      const copy = copies.get(row.event_id);
      if (!copy) problems.push(`sealed event ${row.event_id} (log ${row.log_sequence}) is not on ${topic}`);
      else {
        if (copy.differs) problems.push(`event ${row.event_id} is on ${topic} in different copies (first at ${copy.where})`);
        else if (copy.hash !== row.hash || copy.logChainHash !== row.chain_hash) problems.push(`event ${row.event_id} at ${copy.where} carries other hashes than the database`);
        repeats += copy.count - 1;
        copies.delete(row.event_id);
      }
      sealed++;
    }
    after = BigInt(rows[rows.length - 1].log_sequence);
  }
  for (const [eventId, copy] of copies) problems.push(`event ${eventId} at ${copy.where} is on ${topic} but not in ${context}'s sealed log`);
  for (const problem of problems.slice(0, 20)) io.out(`${context}: ${problem}`);
  io.out(`${context}: ${sealed} sealed events checked against ${topic}: ${problems.length} problem(s), ${repeats} identical repeat(s), ${foreign} message(s) that are not envelopes`);
  return problems.length === 0;
}
