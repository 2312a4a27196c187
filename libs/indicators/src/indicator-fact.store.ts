import { canonicalJson, sha256Hex } from '@sangeyipi/eventstore';
import type { Kafka } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import type { Fact, FoldableEvent } from './fact.types';
import { FactFolder, type FoldCounts } from './fact-folder';
import { factKeyOf, foldEvent, type FoldOutcome } from './fold';
import { decodeForFold } from './history-decoder';
import { currentRanges, readHistory, type PartitionRange } from './kafka-history.reader';
import { periodInstants, type Period } from './period';

/**
 * Live appliers hold this advisory lock shared, a rebuild holds it exclusively while it swaps the
 * facts, so no live change slips in between the rebuild's last read and its swap.
 */
const FACTS_LOCK = `hashtextextended('analytics:indicator-facts', 0)`;
const INSERT_CHUNK = 5_000;
/** Kinds small enough to load whole for every bulletin; the others are filtered by period. */
const ALWAYS_LOADED = ['unit', 'item', 'project', 'plan', 'calendar'];

/** Where a message sits on Kafka. */
export interface Delivery {
  topic: string;
  partition: number;
  offset: string;
}

/** A consistent view of the projection: its facts and the offsets they were folded up to. */
export interface FactSnapshot {
  facts: Fact[];
  /** One range [0, next offset) per partition folded so far. */
  ranges: PartitionRange[];
}

export interface RebuildReport extends FoldCounts {
  messages: number;
  /** Milliseconds spent reading and folding the history, and writing the facts. */
  readMs: number;
  writeMs: number;
  undecodable: number;
  facts: number;
  ranges: PartitionRange[];
}

/** The indicator projection in the analytics database (see CreateIndicatorFacts). */
export class IndicatorFactStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Folds one consumed event into its stream's fact and records the partition's offset, in the
   * caller's transaction (the consumer's, which also records the event id as processed). An event a
   * rebuild already folded is a repeat for its fact (same stream version), so it changes nothing.
   */
  async applyLive(manager: EntityManager, event: FoldableEvent, delivery: Delivery): Promise<FoldOutcome> {
    await manager.query(`SELECT pg_advisory_xact_lock_shared(${FACTS_LOCK})`);
    const key = factKeyOf(event);
    const [row] = await manager.query(`SELECT fact FROM analytics_facts WHERE fact_key = $1 FOR UPDATE`, [key]);
    const result = foldEvent(row?.fact as Fact | undefined, event);
    if (typeof result !== 'string') await this.upsert(manager, [result]);
    await manager.query(
      `INSERT INTO analytics_offsets (topic, partition, next_offset) VALUES ($1, $2, $3)
       ON CONFLICT (topic, partition) DO UPDATE SET next_offset = GREATEST(analytics_offsets.next_offset, EXCLUDED.next_offset)`,
      [delivery.topic, delivery.partition, (BigInt(delivery.offset) + 1n).toString()],
    );
    return typeof result === 'string' ? result : 'folded';
  }

  /**
   * The facts a bulletin for the period needs (every fact that can contribute to it, as of the
   * instant), and the offsets they stand at, read in one snapshot.
   */
  async snapshotFor(period: Period, asOf: Date): Promise<FactSnapshot> {
    const queryRunner = this.dataSource.createQueryRunner();
    await queryRunner.connect();
    try {
      await queryRunner.startTransaction('REPEATABLE READ');
      const offsets: Array<{ topic: string; partition: number; next_offset: string }> = await queryRunner.query(
        `SELECT topic, partition, next_offset::text AS next_offset FROM analytics_offsets ORDER BY topic, partition`,
      );
      const rows: Array<{ fact: Fact }> = await queryRunner.query(
        `SELECT fact FROM analytics_facts WHERE first_at <= $1 AND (kind = ANY($2) OR last_at >= $3)`,
        [asOf.toISOString(), ALWAYS_LOADED, periodInstants(period).start],
      );
      await queryRunner.commitTransaction();
      return {
        facts: rows.map((row) => row.fact),
        ranges: offsets.map((o) => ({ topic: o.topic, partition: o.partition, fromOffset: 0n, toOffset: BigInt(o.next_offset) })),
      };
    } finally {
      if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction();
      await queryRunner.release();
    }
  }

  /** How far each partition has been folded. */
  async offsets(): Promise<PartitionRange[]> {
    const rows: Array<{ topic: string; partition: number; next_offset: string }> = await this.dataSource.query(
      `SELECT topic, partition, next_offset::text AS next_offset FROM analytics_offsets ORDER BY topic, partition`,
    );
    return rows.map((row) => ({ topic: row.topic, partition: row.partition, fromOffset: 0n, toOffset: BigInt(row.next_offset) }));
  }

  /**
   * A digest of the whole projection (every fact, in key order), to compare two projections — live
   * and rebuilt, one instance and two — without shipping them.
   */
  async fingerprint(): Promise<{ facts: number; digest: string }> {
    const rows: Array<{ fact_key: string; fact: Fact }> = await this.dataSource.query(`SELECT fact_key, fact FROM analytics_facts ORDER BY fact_key COLLATE "C"`);
    return { facts: rows.length, digest: sha256Hex(rows.map((row) => canonicalJson(row.fact)).join('\n')) };
  }

  /**
   * Rebuilds the projection from offset 0 of the topics, without stopping the live consumer: folds
   * the history in memory up to the partitions' current ends, then, holding the live appliers off,
   * folds whatever they applied beyond that, replaces every fact and sets the offsets.
   */
  async rebuild(kafka: Kafka, topics: readonly string[], onProgress?: (messages: number, total: number) => void): Promise<RebuildReport> {
    const folder = new FactFolder();
    let messages = 0;
    let undecodable = 0;
    const fold = (batch: Parameters<Parameters<typeof readHistory>[2]['onBatch']>[0]) => {
      for (const message of batch) {
        const event = decodeForFold(message.value);
        if (event) folder.add(event);
        else undecodable++;
      }
      messages += batch.length;
      onProgress?.(messages, total);
    };
    const started = Date.now();
    const ranges = await currentRanges(kafka, topics);
    let total = ranges.reduce((sum, range) => sum + Number(range.toOffset - range.fromOffset), 0);
    await readHistory(kafka, ranges, { onBatch: fold });

    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(${FACTS_LOCK})`);
      const live: Array<{ topic: string; partition: number; next_offset: string }> = await manager.query(
        `SELECT topic, partition, next_offset::text AS next_offset FROM analytics_offsets`,
      );
      const finalRanges = new Map(ranges.map((range) => [`${range.topic}:${range.partition}`, { ...range }]));
      const tail: PartitionRange[] = [];
      for (const row of live) {
        const key = `${row.topic}:${row.partition}`;
        const reached = finalRanges.get(key)?.toOffset ?? 0n;
        const liveOffset = BigInt(row.next_offset);
        if (liveOffset > reached) {
          tail.push({ topic: row.topic, partition: row.partition, fromOffset: reached, toOffset: liveOffset });
          finalRanges.set(key, { topic: row.topic, partition: row.partition, fromOffset: 0n, toOffset: liveOffset });
        }
      }
      total += tail.reduce((sum, range) => sum + Number(range.toOffset - range.fromOffset), 0);
      if (tail.length > 0) await readHistory(kafka, tail, { onBatch: fold });
      const writing = Date.now();

      await manager.query(`TRUNCATE analytics_facts`);
      await this.insertAll(manager, folder.facts.values());
      await manager.query(`DELETE FROM analytics_offsets`);
      const offsets = [...finalRanges.values()].filter((range) => range.toOffset > 0n);
      await manager.query(
        `INSERT INTO analytics_offsets (topic, partition, next_offset) SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[])`,
        [offsets.map((r) => r.topic), offsets.map((r) => r.partition), offsets.map((r) => r.toOffset.toString())],
      );
      return { ...folder.counts, messages, undecodable, facts: folder.facts.size, ranges: offsets, readMs: writing - started, writeMs: Date.now() - writing };
    });
  }

  /**
   * Writes the facts of a rebuild into the emptied table: plain inserts, each chunk sent as one JSON
   * array that PostgreSQL takes apart, which is several times faster than array parameters.
   */
  private async insertAll(manager: EntityManager, facts: Iterable<Fact>): Promise<void> {
    let chunk: Fact[] = [];
    const flush = async () => {
      if (chunk.length === 0) return;
      await manager.query(
        `INSERT INTO analytics_facts (fact_key, kind, version, first_at, last_at, fact)
         SELECT f->>'key', f->>'kind', (f->>'version')::int, (f->>'firstAt')::timestamptz, (f->>'lastAt')::timestamptz, f
           FROM jsonb_array_elements($1::jsonb) AS f`,
        [JSON.stringify(chunk)],
      );
      chunk = [];
    };
    for (const fact of facts) {
      chunk.push(fact);
      if (chunk.length >= INSERT_CHUNK) await flush();
    }
    await flush();
  }

  private async upsert(manager: EntityManager, facts: readonly Fact[]): Promise<void> {
    for (let i = 0; i < facts.length; i += INSERT_CHUNK) {
      const chunk = facts.slice(i, i + INSERT_CHUNK);
      await manager.query(
        `INSERT INTO analytics_facts (fact_key, kind, version, first_at, last_at, fact)
         SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[], $5::timestamptz[], $6::jsonb[])
         ON CONFLICT (fact_key) DO UPDATE SET kind = EXCLUDED.kind, version = EXCLUDED.version, first_at = EXCLUDED.first_at,
           last_at = EXCLUDED.last_at, fact = EXCLUDED.fact`,
        [
          chunk.map((f) => f.key),
          chunk.map((f) => f.kind),
          chunk.map((f) => f.version),
          chunk.map((f) => f.firstAt),
          chunk.map((f) => f.lastAt),
          chunk.map((f) => JSON.stringify(f)),
        ],
      );
    }
  }
}
