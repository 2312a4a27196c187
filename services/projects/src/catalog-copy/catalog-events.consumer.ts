import { Injectable } from '@nestjs/common';
import { catalog, common, projects } from '@sangeyipi/contracts';
import type { EventSubscriber, IntegrationEvent } from '@sangeyipi/messaging';
import type { EntityManager } from 'typeorm';

/** What the copy needs from a published, revised or withdrawn item: the full published state. */
interface PublishedState {
  itemId: string;
  unitId: string;
  regionCode: string;
  level: common.AdministrativeLevel;
  revision: number;
  definition?: catalog.CatalogItemDefinition;
}

/**
 * Keeps the local copy of published catalog items (projects_catalog_items) from catalog events: Kafka
 * only, never HTTP. Advance services are requested for items of the advance-service catalog (提前服务目录),
 * and an industrial project's approval plan takes each item's statutory and committed limits. Each
 * published, revised or withdrawn event carries the item's full state, so the copy is an upsert that
 * never goes back to an older revision; it runs in the consumer's transaction with the event id.
 */
@Injectable()
export class CatalogEventsConsumer implements EventSubscriber {
  readonly purpose = 'catalog-copy';
  readonly contexts = ['catalog'] as const;

  readonly handle = async (event: IntegrationEvent, manager: EntityManager): Promise<void> => {
    switch (event.type) {
      case 'catalog.CatalogItemPublished':
      case 'catalog.CatalogItemRevised':
        return this.upsert(event.data as PublishedState, event.eventId, false, manager);
      case 'catalog.CatalogItemWithdrawn':
        return this.upsert(event.data as PublishedState, event.eventId, true, manager);
      default:
        return;
    }
  };

  private async upsert(item: PublishedState, eventId: string, withdrawn: boolean, manager: EntityManager): Promise<void> {
    const definition = item.definition;
    if (!item.itemId || !definition) return; // an event without the published state cannot update the copy
    const committed = definition.committedLimitAbsent ? definition.statutoryLimitDays : definition.committedLimitDays;
    await manager.query(
      `INSERT INTO projects_catalog_items (item_id, unit_id, region_code, revision, name, advance_service, statutory_limit_days,
         committed_limit_days, approaches, kinds, withdrawn, updated_by_event)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (item_id) DO UPDATE SET unit_id = EXCLUDED.unit_id, region_code = EXCLUDED.region_code, revision = EXCLUDED.revision,
         name = EXCLUDED.name, advance_service = EXCLUDED.advance_service, statutory_limit_days = EXCLUDED.statutory_limit_days,
         committed_limit_days = EXCLUDED.committed_limit_days, approaches = EXCLUDED.approaches, kinds = EXCLUDED.kinds,
         withdrawn = EXCLUDED.withdrawn, updated_by_event = EXCLUDED.updated_by_event
       WHERE projects_catalog_items.revision <= EXCLUDED.revision`,
      [
        item.itemId,
        item.unitId,
        item.regionCode,
        item.revision,
        definition.name,
        definition.catalogKind === catalog.CatalogKind.ADVANCE_SERVICE,
        definition.statutoryLimitDays,
        committed,
        JSON.stringify(definition.advanceServiceApproaches.map((approach) => `ADVANCE_SERVICE_APPROACH_${projects.AdvanceServiceApproach[approach]}`)),
        JSON.stringify(definition.advanceServiceKinds.map((kind) => `ADVANCE_SERVICE_KIND_${common.AdvanceServiceKind[kind]}`)),
        withdrawn,
        eventId,
      ],
    );
  }
}
