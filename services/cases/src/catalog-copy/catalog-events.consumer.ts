import { Injectable } from '@nestjs/common';
import { catalog, common } from '@sangeyipi/contracts';
import type { EventSubscriber, IntegrationEvent } from '@sangeyipi/messaging';
import type { EntityManager } from 'typeorm';
import type { ApprovalStep } from '../case/case.events';
import { CatalogCopyQueries } from './catalog-copy.queries';

const STEP_NAMES: Partial<Record<common.ApprovalStep, ApprovalStep>> = {
  [common.ApprovalStep.HANDLE]: 'APPROVAL_STEP_HANDLE',
  [common.ApprovalStep.REVIEW]: 'APPROVAL_STEP_REVIEW',
  [common.ApprovalStep.DECIDE]: 'APPROVAL_STEP_DECIDE',
};

/** What the copy needs from a published, revised or withdrawn item: the full published state. */
interface PublishedState {
  itemId: string;
  unitId: string;
  regionCode: string;
  revision: number;
  definition?: catalog.CatalogItemDefinition;
}

/**
 * Keeps the local copy of published catalog items (cases_catalog_items) from catalog events: Kafka
 * only, never HTTP. Each of CatalogItemPublished, CatalogItemRevised and CatalogItemWithdrawn carries the
 * item's full published state, so the copy is an upsert that never goes back to an older revision.
 * Runs in the consumer's transaction, which also records the event id: a redelivery changes nothing.
 */
@Injectable()
export class CatalogEventsConsumer implements EventSubscriber {
  readonly purpose = 'catalog-copy';
  readonly contexts = ['catalog'] as const;

  constructor(private readonly copy: CatalogCopyQueries) {}

  readonly handle = async (event: IntegrationEvent, manager: EntityManager): Promise<void> => {
    switch (event.type) {
      case 'catalog.CatalogItemPublished':
        return this.upsert(event.data as PublishedState, event.eventId, false, '', manager, '');
      case 'catalog.CatalogItemRevised': {
        const data = event.data as PublishedState & { effectiveOn: string };
        return this.upsert(data, event.eventId, false, '', manager, data.effectiveOn ?? '');
      }
      case 'catalog.CatalogItemWithdrawn': {
        const data = event.data as PublishedState & { effectiveOn: string };
        return this.upsert(data, event.eventId, true, data.effectiveOn ?? '', manager);
      }
      default:
        return; // other catalog events do not change what cases can be received for
    }
  };

  /**
   * Upserts the item's latest state; for a publication or a revision (`revisionFrom` given) also
   * records the revision with the day it applies from ('' = at once), so that receipt picks the
   * revision in force on its day.
   */
  private async upsert(
    item: PublishedState,
    eventId: string,
    withdrawn: boolean,
    effectiveOn: string,
    manager: EntityManager,
    revisionFrom?: string,
  ): Promise<void> {
    const definition = item.definition;
    if (!item.itemId || !definition) return; // an event without the published state cannot update the copy
    this.copy.forget(item.itemId);
    const immediate = definition.completionMode === catalog.CompletionMode.IMMEDIATE || definition.caseType === catalog.CaseType.IMMEDIATE;
    const steps = definition.approvalSteps.map((step) => STEP_NAMES[step]).filter((step): step is ApprovalStep => step !== undefined);
    // An item without a committed limit runs on its statutory one (0 when the law sets none either).
    const committed = definition.committedLimitAbsent ? definition.statutoryLimitDays : definition.committedLimitDays;
    const commitmentRoute = definition.approvalRoute === catalog.ApprovalRoute.NOTIFICATION_COMMITMENT || definition.commitmentApprovalAllowed;
    await manager.query(
      `INSERT INTO cases_catalog_items (item_id, unit_id, region_code, revision, name, approval_steps, immediate,
         statutory_limit_days, committed_limit_days, holiday_service, withdrawn, effective_on, updated_by_event, commitment_route)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (item_id) DO UPDATE SET unit_id = EXCLUDED.unit_id, region_code = EXCLUDED.region_code,
         revision = EXCLUDED.revision, name = EXCLUDED.name, approval_steps = EXCLUDED.approval_steps,
         immediate = EXCLUDED.immediate, statutory_limit_days = EXCLUDED.statutory_limit_days,
         committed_limit_days = EXCLUDED.committed_limit_days, holiday_service = EXCLUDED.holiday_service,
         withdrawn = EXCLUDED.withdrawn, effective_on = EXCLUDED.effective_on, updated_by_event = EXCLUDED.updated_by_event,
         commitment_route = EXCLUDED.commitment_route
       WHERE cases_catalog_items.revision <= EXCLUDED.revision`,
      [
        item.itemId,
        item.unitId,
        item.regionCode,
        item.revision,
        definition.name,
        JSON.stringify(steps),
        immediate,
        definition.statutoryLimitDays,
        committed,
        definition.holidayService,
        withdrawn,
        effectiveOn,
        eventId,
        commitmentRoute,
      ],
    );
    if (revisionFrom === undefined) return;
    await manager.query(
      `INSERT INTO cases_catalog_item_revisions (item_id, revision, effective_on, unit_id, region_code, name, approval_steps, immediate,
         statutory_limit_days, committed_limit_days, holiday_service, commitment_route, recorded_by_event)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (item_id, revision) DO NOTHING`,
      [
        item.itemId,
        item.revision,
        revisionFrom,
        item.unitId,
        item.regionCode,
        definition.name,
        JSON.stringify(steps),
        immediate,
        definition.statutoryLimitDays,
        committed,
        definition.holidayService,
        commitmentRoute,
        eventId,
      ],
    );
  }
}
