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

  async find(itemId: string): Promise<CatalogItemCopy | undefined> {
    const [row] = (await this.dataSource.query(`SELECT * FROM cases_catalog_items WHERE item_id = $1`, [itemId])) as Row[];
    if (!row) return undefined;
    return {
      itemId: row.item_id,
      unitId: row.unit_id,
      regionCode: row.region_code,
      revision: row.revision,
      name: row.name,
      approvalSteps: row.approval_steps,
      immediate: row.immediate,
      statutoryLimitDays: row.statutory_limit_days,
      committedLimitDays: row.committed_limit_days,
      holidayService: row.holiday_service,
      commitmentRoute: row.commitment_route,
      withdrawn: row.withdrawn,
      effectiveOn: row.effective_on,
    };
  }
}
