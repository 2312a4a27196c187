import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AdvanceServiceItem } from '../advance-service/advance-service.decider';
import type { PlannedItem } from '../approval-chain/approval-chain.decider';

interface Row {
  item_id: string;
  unit_id: string;
  region_code: string;
  name: string;
  advance_service: boolean;
  statutory_limit_days: number;
  committed_limit_days: number;
  approaches: AdvanceServiceItem['approaches'];
  kinds: AdvanceServiceItem['kinds'];
  withdrawn: boolean;
}

/** Reads the local catalog copy (filled from catalog events only). */
@Injectable()
export class CatalogCopyQueries {
  constructor(private readonly dataSource: DataSource) {}

  async items(itemIds: readonly string[]): Promise<Map<string, Row>> {
    if (itemIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(`SELECT * FROM projects_catalog_items WHERE item_id = ANY($1)`, [itemIds])) as Row[];
    return new Map(rows.map((row) => [row.item_id, row]));
  }

  async advanceServiceItem(itemId: string): Promise<AdvanceServiceItem | null> {
    const row = (await this.items([itemId])).get(itemId);
    if (!row) return null;
    return {
      itemId: row.item_id,
      unitId: row.unit_id,
      regionCode: row.region_code,
      advanceService: row.advance_service,
      withdrawn: row.withdrawn,
      approaches: row.approaches,
      kinds: row.kinds,
    };
  }

  async plannedItems(itemIds: readonly string[]): Promise<Map<string, PlannedItem>> {
    const rows = await this.items(itemIds);
    return new Map(
      [...rows.values()].map((row) => [
        row.item_id,
        { itemId: row.item_id, name: row.name, unitId: row.unit_id, statutoryLimitDays: row.statutory_limit_days, committedLimitDays: row.committed_limit_days, withdrawn: row.withdrawn },
      ]),
    );
  }
}
