import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { CONTEXTS, TOPICS } from '@sangeyipi/contracts';
import { currentRanges, decodeHistoryMessage, readHistory } from '@sangeyipi/indicators';
import type { DataSource } from 'typeorm';
import { loadBulletin } from './bulletin-source';
import { connectKafka, openDatabase } from './connections';
import { exportLineOf } from './export-line';
import { EXIT, progressBar, type Output } from './progress';
import { loadStored, type StoredContent } from './stored-events';

export interface ExportOptions {
  brokers: string;
  topicPrefix: string;
  /** Only the event ranges of this bulletin (URL or file); the whole history otherwise. */
  bulletin?: string;
  /** context=url: add each event as its service stored it, so the export can be checked on its own. */
  database: Array<[string, string]>;
  out: string;
}

/**
 * Writes the Kafka history as NDJSON, one message per line in topic, partition and offset order per
 * partition. Messages that are not envelopes are skipped and counted.
 */
export async function exportHistory(options: ExportOptions, io: Output): Promise<number> {
  const kafka = connectKafka(options.brokers);
  const published = options.bulletin ? await loadBulletin(options.bulletin) : undefined;
  const ranges = published
    ? published.eventRanges.map((r) => ({ topic: r.topic, partition: r.partition, fromOffset: BigInt(r.fromOffset), toOffset: BigInt(r.toOffset) }))
    : await currentRanges(kafka, CONTEXTS.map((context) => `${options.topicPrefix}${TOPICS[context]}`));
  const databases = new Map<string, DataSource>();
  const file = createWriteStream(options.out, 'utf8');
  let written = 0;
  let skipped = 0;
  try {
    for (const [context, url] of options.database) databases.set(context, await openDatabase(url));
    const bar = progressBar('exporting', ranges.reduce((sum, r) => sum + Number(r.toOffset - r.fromOffset), 0));
    await readHistory(kafka, ranges, {
      onBatch: async (messages) => {
        const decoded = messages.map((message) => ({ message, decoded: decodeHistoryMessage(message) }));
        const stored = new Map<string, StoredContent>();
        for (const [service, dataSource] of databases) {
          const ids = decoded.flatMap((d) => (d.decoded?.envelope.sourceService === service ? [d.decoded.envelope.eventId] : []));
          if (ids.length > 0) for (const [id, content] of await loadStored(dataSource, ids)) stored.set(id, content);
        }
        for (const { message, decoded: d } of decoded) {
          if (!d || !message.value) {
            skipped++;
            continue;
          }
          const line = JSON.stringify(exportLineOf({ ...message, value: message.value }, d.envelope, stored.get(d.envelope.eventId)));
          if (!file.write(`${line}\n`)) await once(file, 'drain');
          written++;
        }
        bar.update(written + skipped);
      },
    });
    bar.stop();
  } finally {
    file.end();
    await once(file, 'close');
    await Promise.all([...databases.values()].map((dataSource) => dataSource.destroy()));
  }
  io.out(`exported ${written} events to ${options.out}${skipped ? `, skipped ${skipped} messages that are not event envelopes` : ''}`);
  return EXIT.ok;
}
