import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CasesConfig } from '../config/cases-config.schema';
import type { CatalogItemCopy } from './catalog-item-copy';

interface Row {
  item_id: string;
  unit_id: string;
  region_code: string;
  revision: number;
  name: string;
  approval_steps: CatalogItemCopy['approvalSteps'];
  immediate: boolean;
  statutory_limit_days: number;
  committed_limit_days: number;
  holiday_service: boolean;
  commitment_route: boolean;
  withdrawn: boolean;
  effective_on: string;
}

/** Items whose terms a replica keeps (each for a few days of receipt). */
const MAX_KEPT_ITEMS = 10_000;

/**
 * Reads the local catalog copy. Every receipt asks for its item's terms, so a replica keeps what it
 * read for `CASES_CATALOG_TERMS_MS` (by item and day; never an item it did not find): this replica's own
 * catalog updates drop the item at once, another replica's are seen within that time — the same order
 * of delay as the copy's own, which follows the catalog through Kafka.
 */
@Injectable()
export class CatalogCopyQueries {
  private readonly kept = new Map<string, Map<string, { item: CatalogItemCopy; until: number }>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: CasesConfig,
  ) {}

  /** Drops what this replica kept of the item (its copy is being changed). */
  forget(itemId: string): void {
    this.kept.delete(itemId);
  }

  /**
   * The item with the terms in force on `day` (YYYY-MM-DD): its latest revision whose effective date
   * has come. A revision not yet in force leaves new cases on the one before; cases already received
   * keep the terms recorded at their receipt whatever happens later.
   */
  async find(itemId: string, day: string): Promise<CatalogItemCopy | undefined> {
    const kept = this.kept.get(itemId)?.get(day);
    if (kept && kept.until > Date.now()) return kept.item;
    const item = await this.read(itemId, day);
    if (item && this.config.CASES_CATALOG_TERMS_MS > 0) this.keep(item, day);
    return item;
  }

  private keep(item: CatalogItemCopy, day: string): void {
    let days = this.kept.get(item.itemId);
    if (!days) {
      if (this.kept.size >= MAX_KEPT_ITEMS) this.kept.delete(this.kept.keys().next().value as string);
      this.kept.set(item.itemId, (days = new Map()));
    }
    days.set(day, { item, until: Date.now() + this.config.CASES_CATALOG_TERMS_MS });
  }

  private async read(itemId: string, day: string): Promise<CatalogItemCopy | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT i.*, to_jsonb(r) AS in_force
         FROM cases_catalog_items i
         LEFT JOIN LATERAL (
           SELECT * FROM cases_catalog_item_revisions r
            WHERE r.item_id = i.item_id AND r.effective_on <= $2
            ORDER BY r.revision DESC LIMIT 1
         ) r ON true
        WHERE i.item_id = $1`,
      [itemId, day],
    )) as Array<Row & { in_force: Row | null }>;
    if (!row) return undefined;
    // No revision in force (the copy first heard of the item through a revision that is not in force
    // yet): its latest state applies.
    const terms = row.in_force ?? row;
    return {
      itemId: row.item_id,
      unitId: terms.unit_id,
      regionCode: terms.region_code,
      revision: terms.revision,
      name: terms.name,
      approvalSteps: terms.approval_steps,
      immediate: terms.immediate,
      statutoryLimitDays: terms.statutory_limit_days,
      committedLimitDays: terms.committed_limit_days,
      holidayService: terms.holiday_service,
      commitmentRoute: terms.commitment_route,
      withdrawn: row.withdrawn,
      effectiveOn: row.effective_on,
    };
  }
}
