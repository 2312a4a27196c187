import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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

/** Reads the local catalog copy. */
@Injectable()
export class CatalogCopyQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The item with the terms in force on `day` (YYYY-MM-DD): its latest revision whose effective date
   * has come. A revision not yet in force leaves new cases on the one before; cases already received
   * keep the terms recorded at their receipt whatever happens later.
   */
  async find(itemId: string, day: string): Promise<CatalogItemCopy | undefined> {
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
