import { canonicalJson, sha256Hex } from '@sangeyipi/eventstore';
import type { Kafka } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import type { Fact, FoldableEvent } from './fact.types';
import type { FoldCounts } from './fact-folder';
import { factKeyOf, foldEvent, type FoldOutcome } from './fold';
import { FoldWorkers } from './fold-workers';
import type { HistoryMessage } from './history-decoder';
import { currentRanges, readHistory, type PartitionRange } from './kafka-history.reader';
import { REBUILT, RebuiltFacts } from './rebuilt-facts';
import { periodInstants, type Period } from './period';

/**
 * Live appliers hold this advisory lock shared, a rebuild holds it exclusively while it swaps the
 * facts, so no live change slips in between the rebuild's last read and its swap.
 */
const FACTS_LOCK = `hashtextextended('analytics:indicator-facts', 0)`;
const INSERT_CHUNK = 5_000;
/** One rebuild at a time: a second one waits for the first from its start (see rebuild). */
const REBUILD_LOCK = `hashtextextended('analytics:indicator-facts-rebuild', 0)`;
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

export interface RebuildOptions {
  /** Called after each batch folded, with the messages read so far and the total to read. */
  onProgress?: (messages: number, total: number) => void;
  /** Changed facts written per statement while folding (default 5,000). */
  stageChunk?: number;
  /** Worker threads folding beside the reader (default: one fewer than the cores, at least one). */
  foldWorkers?: number;
}

export interface RebuildReport extends FoldCounts {
  messages: number;
  /** Milliseconds spent reading and folding the history (the facts are written beside it), then until the swap was done. */
  foldMs: number;
  swapMs: number;
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
      // Before the snapshot is taken: a snapshot from before a rebuild's swap would see the swapped-in
      // facts as none at all (the new table's rows are younger than it); this waits for the swap instead.
      await queryRunner.query(`LOCK TABLE analytics_facts IN ACCESS SHARE MODE`);
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
   * Rebuilds the projection from offset 0 of the topics, without stopping the live consumer, in one
   * transaction. It folds the history in memory up to the partitions' current ends and, as it goes,
   * upserts the facts it changed into a new table of the transaction, so PostgreSQL stores them on
   * its own core beside the fold instead of after it. Then, holding the live appliers off, it folds
   * whatever they applied beyond those ends and swaps: the new table replaces analytics_facts, and
   * the offsets are set. Until the swap the projection is not touched, so a failed rebuild leaves it
   * as it was (the new table goes with the rolled-back transaction).
   */
  async rebuild(kafka: Kafka, topics: readonly string[], { onProgress, stageChunk = 5_000, foldWorkers }: RebuildOptions = {}): Promise<RebuildReport> {
    const started = Date.now();
    return this.dataSource.transaction(async (manager) => {
      // LIKE holds analytics_facts shared until the swap; two rebuilds doing so would deadlock at their swaps.
      await manager.query(`SELECT pg_advisory_xact_lock(${REBUILD_LOCK})`);
      await manager.query(`CREATE TABLE ${REBUILT} (LIKE analytics_facts INCLUDING ALL)`);
      const rebuilt = new RebuiltFacts(manager);
      let messages = 0;
      let total = 0;
      const workers = new FoldWorkers({
        count: foldWorkers,
        stageChunk,
        onChanged: (factsJson) => rebuilt.enqueue(factsJson),
        onFolded: (folded) => {
          messages += folded;
          onProgress?.(messages, total);
        },
      });
      try {
        const fold = async (batch: HistoryMessage[]) => {
          await workers.fold(batch);
          await rebuilt.keepUp();
        };
        const ranges = await currentRanges(kafka, topics);
        total = ranges.reduce((sum, range) => sum + Number(range.toOffset - range.fromOffset), 0);
        await readHistory(kafka, ranges, { onBatch: fold });
        await workers.flush();
        const folded = Date.now();
        await rebuilt.drain();

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
        const totals = await workers.flush();
        await rebuilt.drain();

        await this.swapInRebuilt(manager);
        await manager.query(`DELETE FROM analytics_offsets`);
        const offsets = [...finalRanges.values()].filter((range) => range.toOffset > 0n);
        await manager.query(
          `INSERT INTO analytics_offsets (topic, partition, next_offset) SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[])`,
          [offsets.map((r) => r.topic), offsets.map((r) => r.partition), offsets.map((r) => r.toOffset.toString())],
        );
        const { facts, undecodable, ...counts } = totals;
        return { ...counts, messages, undecodable, facts, ranges: offsets, foldMs: folded - started, swapMs: Date.now() - folded };
      } finally {
        await workers.close();
      }
    });
  }

  /**
   * Puts the rebuilt table in analytics_facts' place, with its owner and index names, which costs
   * next to nothing whatever the number of facts. Refuses, failing the rebuild, when analytics_facts
   * has what CREATE TABLE … LIKE does not copy (grants, row security, triggers) and the swap would drop.
   */
  private async swapInRebuilt(manager: EntityManager): Promise<void> {
    const [original]: Array<{ owner: string; uncopied: boolean }> = await manager.query(
      `SELECT pg_get_userbyid(c.relowner) AS owner,
              c.relacl IS NOT NULL OR c.relrowsecurity OR EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal) AS uncopied
         FROM pg_class c WHERE c.oid = 'analytics_facts'::regclass`,
    );
    if (original.uncopied) throw new Error('analytics_facts has grants, row security or triggers, which a rebuild would drop; rebuild refused');
    // Each rebuilt index takes the name of the original index with the same definition.
    const indexNames: Array<{ rebuilt: string; original: string }> = await manager.query(
      `SELECT r.relname AS rebuilt, o.relname AS original
         FROM pg_index ri JOIN pg_class r ON r.oid = ri.indexrelid
         JOIN pg_index oi ON oi.indrelid = 'analytics_facts'::regclass AND oi.indisunique = ri.indisunique AND oi.indisprimary = ri.indisprimary
          AND split_part(pg_get_indexdef(oi.indexrelid), ' USING ', 2) = split_part(pg_get_indexdef(ri.indexrelid), ' USING ', 2)
         JOIN pg_class o ON o.oid = oi.indexrelid
        WHERE ri.indrelid = '${REBUILT}'::regclass`,
    );
    const [{ indexes }]: Array<{ indexes: number }> = await manager.query(`SELECT count(*)::int AS indexes FROM pg_index WHERE indrelid = '${REBUILT}'::regclass`);
    if (new Set(indexNames.map((names) => names.rebuilt)).size !== indexes || indexNames.length !== indexes) {
      throw new Error(`the rebuilt table's indexes do not match analytics_facts' one to one; rebuild refused`);
    }
    await manager.query(`ALTER TABLE ${REBUILT} OWNER TO ${quoteIdentifier(original.owner)}`);
    await manager.query(`DROP TABLE analytics_facts`);
    await manager.query(`ALTER TABLE ${REBUILT} RENAME TO analytics_facts`);
    for (const names of indexNames) await manager.query(`ALTER INDEX ${quoteIdentifier(names.rebuilt)} RENAME TO ${quoteIdentifier(names.original)}`);
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

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;
