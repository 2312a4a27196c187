import type { Projection, StoredEvent } from '@sangeyipi/eventstore';
import { regionName, toShanghaiDate } from '@sangeyipi/platform';
import type { EntityManager } from 'typeorm';
import { decodeCatalogEvent } from '../catalog-events.codec';
import type { CatalogItemDefinition, ItemOwner } from '../catalog-item/catalog-item.definition';

/** What keyword search looks in: the item's name and the names of its materials, in lower case. */
export function searchTextOf(definition: CatalogItemDefinition): string {
  return [definition.name, ...definition.requiredMaterials.map((material) => material.name)].join(' ').toLowerCase();
}

/**
 * Keeps the catalog's read model (see the CreateCatalogReadModel migration) in step with its event
 * log. Every statement is idempotent per event, so a rebuild from position 0 lands where the live
 * model stands. Each applied batch bumps the generation in the same transaction, which retires every
 * cached public answer computed before it.
 */
export class CatalogReadModelProjection implements Projection {
  readonly name = 'catalog-read-model';

  async apply(events: readonly StoredEvent[], manager: EntityManager): Promise<void> {
    for (const stored of events) await this.applyOne(stored, manager);
    await manager.query(`UPDATE catalog_read_model_state SET generation = generation + 1`);
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query(`TRUNCATE catalog_units, catalog_published_items, catalog_item_versions, catalog_batches, catalog_item_workflow`);
    await manager.query(`UPDATE catalog_read_model_state SET generation = generation + 1`);
  }

  private async applyOne(stored: StoredEvent, manager: EntityManager): Promise<void> {
    const event = decodeCatalogEvent(stored);
    const at = stored.recordedAt;
    switch (event.type) {
      case 'catalog.ServiceUnitRegistered': {
        const { unitId, name, kind, level, regionCode } = event.data;
        await manager.query(
          `INSERT INTO catalog_units (unit_id, name, unit_kind, level, region_code, registered_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (unit_id) DO NOTHING`,
          [unitId, name, kind, level, regionCode, at],
        );
        return;
      }
      case 'catalog.CatalogItemDrafted': {
        const { itemId, owner, definition } = event.data;
        await manager.query(
          `INSERT INTO catalog_item_workflow (item_id, unit_id, level, region_code, kind, name, status, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7) ON CONFLICT (item_id) DO NOTHING`,
          [itemId, owner.unitId, owner.level, owner.regionCode, definition.kind, definition.name, at],
        );
        return;
      }
      case 'catalog.CatalogItemDraftAmended':
        await manager.query(
          `UPDATE catalog_item_workflow SET status = 'draft', kind = $2, name = $3, rejection_reason = NULL, updated_at = $4 WHERE item_id = $1`,
          [event.data.itemId, event.data.definition.kind, event.data.definition.name, at],
        );
        return;
      case 'catalog.CatalogItemSubmitted':
        await this.setStatus(manager, event.data.itemId, 'submitted', at);
        return;
      case 'catalog.CatalogItemApproved':
        await this.setStatus(manager, event.data.itemId, 'approved', at);
        return;
      case 'catalog.CatalogItemRejected':
        await manager.query(`UPDATE catalog_item_workflow SET status = 'rejected', rejection_reason = $2, updated_at = $3 WHERE item_id = $1`, [
          event.data.itemId,
          event.data.reason,
          at,
        ]);
        return;
      case 'catalog.CatalogItemPublished': {
        const { itemId, owner, revision, definition, batchId, batchNumber, publishedOn } = event.data;
        await this.insertPublished(manager, { itemId, owner, revision, definition, batchId, batchNumber, publishedOn });
        await this.addVersion(manager, stored, {
          itemId,
          change: 'published',
          revision,
          owner,
          definition,
          decidedOn: publishedOn,
          effectiveOn: publishedOn,
          batchId,
          batchNumber,
        });
        await manager.query(`UPDATE catalog_item_workflow SET status = 'published', name = $2, updated_at = $3 WHERE item_id = $1`, [itemId, definition.name, at]);
        return;
      }
      case 'catalog.CatalogItemChangeRequested':
        await manager.query(`UPDATE catalog_item_workflow SET pending_change_request_id = $2, pending_change = $3, updated_at = $4 WHERE item_id = $1`, [
          event.data.itemId,
          event.data.changeRequestId,
          event.data.change,
          at,
        ]);
        return;
      case 'catalog.CatalogItemChangeApproved':
      case 'catalog.CatalogItemChangeRejected':
        await manager.query(`UPDATE catalog_item_workflow SET pending_change_request_id = NULL, pending_change = NULL, updated_at = $2 WHERE item_id = $1`, [
          event.data.itemId,
          at,
        ]);
        return;
      case 'catalog.CatalogItemRevised': {
        const { itemId, owner, revision, definition, changeRequestId, approvalReference, reason, effectiveOn, revisedOn } = event.data;
        await manager.query(
          `UPDATE catalog_published_items
              SET kind = $3, completion_mode = $4, name = $5, basic_code = $6, statutory_limit_days = $7, committed_limit_days = $8,
                  search_text = $9, revision = $2, effective_on = $10
            WHERE item_id = $1 AND revision < $2`,
          [
            itemId,
            revision,
            definition.kind,
            definition.completionMode,
            definition.name,
            definition.basicCode,
            definition.statutoryLimitDays,
            definition.committedLimitDays,
            searchTextOf(definition),
            effectiveOn,
          ],
        );
        await this.addVersion(manager, stored, {
          itemId,
          change: 'revised',
          revision,
          owner,
          definition,
          decidedOn: revisedOn,
          effectiveOn,
          changeRequestId,
          approvalReference,
          reason,
        });
        await manager.query(`UPDATE catalog_item_workflow SET name = $2, updated_at = $3 WHERE item_id = $1`, [itemId, definition.name, at]);
        return;
      }
      case 'catalog.CatalogItemWithdrawn': {
        const { itemId, owner, revision, definition, changeRequestId, approvalReference, reason, effectiveOn } = event.data;
        await manager.query(`DELETE FROM catalog_published_items WHERE item_id = $1`, [itemId]);
        await this.addVersion(manager, stored, {
          itemId,
          change: 'withdrawn',
          revision,
          owner,
          definition,
          decidedOn: toShanghaiDate(at),
          effectiveOn,
          changeRequestId,
          approvalReference,
          reason,
        });
        await this.setStatus(manager, itemId, 'withdrawn', at);
        return;
      }
      case 'catalog.CatalogItemUnauthorizedChangeAttempted':
        await manager.query(`UPDATE catalog_item_workflow SET unauthorized_attempts = unauthorized_attempts + 1, updated_at = $2 WHERE item_id = $1`, [
          event.data.itemId,
          at,
        ]);
        return;
      case 'catalog.CatalogBatchPublished': {
        const { batchId, kind, level, regionCode, batchNumber, title, itemIds, publishedOn } = event.data;
        // The batch lists its items under the names they were published with.
        await manager.query(
          `INSERT INTO catalog_batches (batch_id, kind, level, region_code, batch_year, batch_number, title, published_on, items)
           SELECT $1, $2, $3, $4, $5, $6, $7, $8,
                  coalesce(jsonb_agg(jsonb_build_object('itemId', v.item_id, 'name', v.definition->>'name') ORDER BY v.definition->>'name'), '[]'::jsonb)
             FROM catalog_item_versions v
            WHERE v.item_id = ANY($9::uuid[]) AND v.change = 'published'
           ON CONFLICT (batch_id) DO NOTHING`,
          [batchId, kind, level, regionCode, Number(publishedOn.slice(0, 4)), batchNumber, title, publishedOn, itemIds],
        );
        return;
      }
    }
  }

  private async setStatus(manager: EntityManager, itemId: string, status: string, at: Date): Promise<void> {
    await manager.query(`UPDATE catalog_item_workflow SET status = $2, updated_at = $3 WHERE item_id = $1`, [itemId, status, at]);
  }

  private async insertPublished(
    manager: EntityManager,
    row: { itemId: string; owner: ItemOwner; revision: number; definition: CatalogItemDefinition; batchId: string; batchNumber: number; publishedOn: string },
  ): Promise<void> {
    const { itemId, owner, revision, definition: d } = row;
    await manager.query(
      `INSERT INTO catalog_published_items (item_id, unit_id, unit_name, level, region_code, region_name, kind, completion_mode, name, basic_code,
                                            statutory_limit_days, committed_limit_days, revision, search_text, batch_id, batch_number,
                                            published_on, effective_on)
       VALUES ($1, $2, coalesce((SELECT name FROM catalog_units WHERE unit_id = $2), $2), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)
       ON CONFLICT (item_id) DO NOTHING`,
      [
        itemId,
        owner.unitId,
        owner.level,
        owner.regionCode,
        regionName(owner.regionCode) ?? owner.regionCode,
        d.kind,
        d.completionMode,
        d.name,
        d.basicCode,
        d.statutoryLimitDays,
        d.committedLimitDays,
        revision,
        searchTextOf(d),
        row.batchId,
        row.batchNumber,
        row.publishedOn,
      ],
    );
  }

  private async addVersion(
    manager: EntityManager,
    stored: StoredEvent,
    version: {
      itemId: string;
      change: 'published' | 'revised' | 'withdrawn';
      revision: number;
      owner: ItemOwner;
      definition: CatalogItemDefinition;
      decidedOn: string;
      effectiveOn: string;
      batchId?: string;
      batchNumber?: number;
      changeRequestId?: string;
      approvalReference?: string;
      reason?: string;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO catalog_item_versions (item_id, stream_version, change, revision, unit_id, level, region_code, definition, decided_on,
                                          effective_on, batch_id, batch_number, change_request_id, approval_reference, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (item_id, stream_version) DO NOTHING`,
      [
        version.itemId,
        stored.streamVersion,
        version.change,
        version.revision,
        version.owner.unitId,
        version.owner.level,
        version.owner.regionCode,
        JSON.stringify(version.definition),
        version.decidedOn,
        version.effectiveOn,
        version.batchId ?? null,
        version.batchNumber ?? null,
        version.changeRequestId ?? null,
        version.approvalReference ?? null,
        version.reason ?? null,
      ],
    );
  }
}
