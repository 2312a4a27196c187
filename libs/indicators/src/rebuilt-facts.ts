import type { EntityManager } from 'typeorm';

/** The table a rebuild writes while it folds, created in its transaction; the swap gives it analytics_facts' name. */
export const REBUILT = 'analytics_facts_rebuilt';
/** Statements queued and not yet done before the fold waits for PostgreSQL. */
const QUEUE_LIMIT = 2;
const UPSERT = `
  INSERT INTO ${REBUILT} (fact_key, kind, version, first_at, last_at, fact)
  SELECT f->>'key', f->>'kind', (f->>'version')::int, (f->>'firstAt')::timestamptz, (f->>'lastAt')::timestamptz, f
    FROM jsonb_array_elements($1::jsonb) AS f
  ON CONFLICT (fact_key) DO UPDATE SET kind = EXCLUDED.kind, version = EXCLUDED.version, first_at = EXCLUDED.first_at,
    last_at = EXCLUDED.last_at, fact = EXCLUDED.fact`;

/**
 * Upserts a rebuild's changed facts into its new table while the fold goes on. Each chunk of facts
 * (a JSON array, serialized by the fold worker that changed them) is queued as a statement, sent as
 * soon as the one before it is done (one statement at a time on the transaction's connection). The
 * reader waits (keepUp) only when more than QUEUE_LIMIT statements are queued: a slower database
 * then holds the rebuild back rather than letting serialized facts pile up. A failed statement
 * fails the next keepUp or drain.
 */
export class RebuiltFacts {
  /** Statements not yet done, oldest first; none of them rejects. */
  private readonly queue: Array<Promise<void>> = [];
  private failure: { error: unknown } | undefined;

  constructor(private readonly manager: EntityManager) {}

  enqueue(factsJson: string): void {
    const previous = this.queue.at(-1) ?? Promise.resolve();
    this.queue.push(
      previous
        .then(() => (this.failure ? undefined : this.manager.query(UPSERT, [factsJson])))
        .then(
          () => undefined,
          (error: unknown) => void (this.failure ??= { error }),
        ),
    );
  }

  /** Waits while more than QUEUE_LIMIT statements are queued. */
  async keepUp(): Promise<void> {
    while (this.queue.length > QUEUE_LIMIT) await this.queue.shift();
    if (this.failure) throw this.failure.error;
  }

  /** Waits until every fact queued so far is stored. */
  async drain(): Promise<void> {
    while (this.queue.length > 0) await this.queue.shift();
    if (this.failure) throw this.failure.error;
  }
}
