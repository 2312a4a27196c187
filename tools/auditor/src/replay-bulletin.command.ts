import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { CONTEXTS, TOPICS, decodeEnvelope, eventFromJson, isEventType, type EventEnvelope } from '@sangeyipi/contracts';
import {
  FactFolder,
  RULES_VERSION,
  bulletinDigest,
  computeBulletinContent,
  currentRanges,
  decodeHistoryMessage,
  parsePeriod,
  readHistory,
  type BulletinContent,
  type Level,
  type PartitionRange,
} from '@sangeyipi/indicators';
import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { loadBulletin, type PublishedBulletin } from './bulletin-source';
import { UsageError, connectKafka, openDatabase } from './connections';
import { storedContentOf, type ExportLine } from './export-line';
import { HistoryChecker, type ChainedEvent } from './history-check';
import { EXIT, progressBar, type Output } from './progress';
import { contentProblem, loadStored } from './stored-events';

export interface ReplayOptions {
  /** URL of GET /bulletins/<id>, or a saved copy. */
  bulletin?: string;
  /** Read the history from this NDJSON export instead of Kafka. */
  from?: string;
  brokers?: string;
  topicPrefix: string;
  /** context=url of source databases to check each event's content against. */
  database: Array<[string, string]>;
  /** Without a bulletin: what to compute. */
  region?: string;
  level?: string;
  periodKind?: string;
  period?: string;
  asOf?: string;
}

/**
 * Rebuilds a bulletin from the event history alone and prints its digest. With a published bulletin
 * it reads exactly the bulletin's event ranges and fails unless the digest is the published one;
 * any event whose copies, links or stored content do not hold up is named and fails the replay.
 */
export async function replayBulletin(options: ReplayOptions, io: Output): Promise<number> {
  const published = options.bulletin ? await loadBulletin(options.bulletin) : undefined;
  const request = requestOf(options, published);
  const checker = new HistoryChecker();
  const folder = new FactFolder();
  let undecodable = 0;
  const databases = new Map<string, DataSource>();
  try {
    for (const [context, url] of options.database) databases.set(context, await openDatabase(url));
    const ranges = published
      ? published.eventRanges.map((r) => ({ topic: r.topic, partition: r.partition, fromOffset: BigInt(r.fromOffset), toOffset: BigInt(r.toOffset) }))
      : undefined;
    if (options.from) {
      undecodable = await replayExport(options.from, ranges, checker, folder, databases);
    } else {
      if (!options.brokers) throw new UsageError('give --brokers to read Kafka, or --from <export.ndjson>');
      undecodable = await replayKafka(connectKafka(options.brokers), options.topicPrefix, ranges, checker, folder, databases);
    }
  } finally {
    await Promise.all([...databases.values()].map((dataSource) => dataSource.destroy()));
  }

  // The calendar is the one the replayed history holds: the package plus the catalog's holiday notices in range.
  const content = computeBulletinContent(folder.facts.values(), request);
  const digest = bulletinDigest(content);
  io.out(`events folded ${folder.counts.folded}, ignored ${folder.counts.ignored + undecodable}, repeats ${folder.counts.repeats + checker.repeats}`);
  io.out(`scope ${content.scope.regionCode}${content.scope.level ? `/${content.scope.level}` : ''}, period ${content.period.key}, as of ${content.asOf}`);
  const problems = checker.finish();
  for (const problem of problems) io.out(`ALTERED event ${problem.eventId} at ${problem.location}: ${problem.problem}`);
  if (published) io.out(`published digest ${published.digest}`);
  io.out(`replayed  digest ${digest}`);
  if (problems.length > 0) {
    io.out(`FAILED: ${problems.length} event(s) in the history do not hold up`);
    return EXIT.failed;
  }
  if (published && digest !== published.digest) {
    for (const line of differences(published.content, content)) io.out(line);
    io.out('FAILED: the replayed digest differs from the published one');
    return EXIT.failed;
  }
  io.out(published ? 'OK: the replayed digest equals the published one' : 'OK');
  return EXIT.ok;
}

function requestOf(options: ReplayOptions, published?: PublishedBulletin): { scope: { level: Level; regionCode: string }; period: ReturnType<typeof parsePeriod>; asOf: Date } {
  if (published) {
    if (published.content.rulesVersion !== RULES_VERSION) {
      throw new UsageError(`the bulletin was computed with rules version ${published.content.rulesVersion}; this tool implements ${RULES_VERSION}`);
    }
    const asOf = options.asOf ? new Date(options.asOf) : new Date(published.content.asOf);
    return { scope: published.content.scope, period: published.content.period, asOf };
  }
  if (!options.region || !options.periodKind || !options.period || !options.asOf) {
    throw new UsageError('without --bulletin, give --region, --period-kind, --period and --as-of');
  }
  const asOf = new Date(options.asOf);
  if (Number.isNaN(asOf.getTime())) throw new UsageError(`--as-of "${options.asOf}" is not an instant`);
  return { scope: { level: (options.level ?? '') as Level, regionCode: options.region }, period: parsePeriod(options.periodKind, options.period), asOf };
}

function chained(envelope: EventEnvelope, location: string, value: Buffer | string): ChainedEvent {
  return {
    eventId: envelope.eventId,
    streamId: envelope.streamId,
    streamVersion: envelope.streamVersion,
    sourceService: envelope.sourceService,
    sourcePosition: envelope.sourcePosition,
    hash: envelope.hash,
    previousHash: envelope.previousHash,
    logChainHash: envelope.logChainHash,
    location,
    fingerprint: createHash('sha256').update(value).digest('hex'),
  };
}

async function replayKafka(
  kafka: Kafka,
  topicPrefix: string,
  published: PartitionRange[] | undefined,
  checker: HistoryChecker,
  folder: FactFolder,
  databases: Map<string, DataSource>,
): Promise<number> {
  const ranges = published ?? (await currentRanges(kafka, CONTEXTS.map((context) => `${topicPrefix}${TOPICS[context]}`)));
  const total = ranges.reduce((sum, r) => sum + Number(r.toOffset - r.fromOffset), 0);
  const bar = progressBar('replaying from Kafka', total);
  let read = 0;
  let undecodable = 0;
  await readHistory(kafka, ranges, {
    onBatch: async (messages) => {
      const toCheck = new Map<string, Array<{ envelope: EventEnvelope; location: string }>>();
      for (const message of messages) {
        const location = `${message.topic}[${message.partition}]@${message.offset}`;
        const decoded = decodeHistoryMessage(message);
        if (!decoded || !message.value) {
          undecodable++;
          continue;
        }
        checker.add(chained(decoded.envelope, location, message.value));
        folder.add(decoded.event);
        if (databases.has(decoded.envelope.sourceService)) {
          const list = toCheck.get(decoded.envelope.sourceService) ?? [];
          list.push({ envelope: decoded.envelope, location });
          toCheck.set(decoded.envelope.sourceService, list);
        }
      }
      for (const [service, list] of toCheck) {
        const database = databases.get(service);
        if (!database) continue;
        const stored = await loadStored(database, list.map((item) => item.envelope.eventId));
        for (const { envelope, location } of list) {
          const content = stored.get(envelope.eventId);
          const problem = content ? contentProblem(content, envelope) : `is not in ${service}'s database`;
          if (problem) checker.report({ eventId: envelope.eventId, location, problem });
        }
      }
      read += messages.length;
      bar.update(read);
    },
  });
  bar.stop();
  return undecodable;
}

async function replayExport(
  file: string,
  ranges: PartitionRange[] | undefined,
  checker: HistoryChecker,
  folder: FactFolder,
  databases: Map<string, DataSource>,
): Promise<number> {
  const wanted = ranges && new Map(ranges.map((r) => [`${r.topic}:${r.partition}`, r]));
  let undecodable = 0;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const text of lines) {
    if (!text.trim()) continue;
    const line = JSON.parse(text) as ExportLine;
    if (wanted) {
      const range = wanted.get(`${line.topic}:${line.partition}`);
      const offset = BigInt(line.offset);
      if (!range || offset < range.fromOffset || offset >= range.toOffset) continue;
    }
    const location = `${line.topic}[${line.partition}]@${line.offset}`;
    let envelope: EventEnvelope;
    try {
      envelope = decodeEnvelope(Buffer.from(line.envelope, 'base64'));
    } catch {
      undecodable++;
      continue;
    }
    // The line's own fields are what an auditor reads; they must be the envelope's.
    if (envelope.eventId !== line.eventId || envelope.hash !== line.hash || envelope.streamId !== line.streamId || envelope.streamVersion !== line.streamVersion) {
      checker.report({ eventId: line.eventId, location, problem: 'the line does not match its own envelope' });
    }
    checker.add(chained(envelope, location, line.envelope));
    const database = databases.get(line.sourceService);
    const stored = storedContentOf(line) ?? (database ? (await loadStored(database, [line.eventId])).get(line.eventId) : undefined);
    if (stored) {
      const problem = contentProblem(stored, envelope);
      if (problem) checker.report({ eventId: line.eventId, location, problem });
    }
    if (!isEventType(line.type)) {
      undecodable++;
      continue;
    }
    const decoded = decodeHistoryMessage({ topic: line.topic, partition: line.partition, offset: line.offset, value: Buffer.from(line.envelope, 'base64') });
    if (!decoded) {
      undecodable++;
      continue;
    }
    // Fold what was checked: the stored data when the export carries it, else the envelope's payload.
    folder.add(stored ? { ...decoded.event, data: eventFromJson(line.type, stored.data as never) } : decoded.event);
  }
  return undecodable;
}

/** The figures that differ between the published content and the replayed one. */
function differences(published: BulletinContent, replayed: BulletinContent): string[] {
  const key = (v: BulletinContent['values'][number]) => `${v.indicator}|${v.regionCode}|${v.unitId}`;
  const before = new Map(published.values.map((v) => [key(v), v]));
  const after = new Map(replayed.values.map((v) => [key(v), v]));
  const lines: string[] = [];
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(k);
    const b = after.get(k);
    if (a?.numerator !== b?.numerator || a?.denominator !== b?.denominator) {
      lines.push(`differs: ${k}: published ${a ? `${a.numerator}/${a.denominator}` : 'none'}, replayed ${b ? `${b.numerator}/${b.denominator}` : 'none'}`);
    }
  }
  if (published.asOf !== replayed.asOf) lines.push(`differs: asOf published ${published.asOf}, replayed ${replayed.asOf}`);
  return lines;
}
