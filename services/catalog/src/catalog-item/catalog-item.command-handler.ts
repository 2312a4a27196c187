import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EventMetadata } from '@sangeyipi/eventstore';
import { CLOCK, CorrelationContext, levelOfRegion, toShanghaiDate, type AuthenticatedUser, type Clock, type Role } from '@sangeyipi/platform';
import { CatalogActionForbidden, CatalogItemNotFound, CatalogRulesViolated, DirectEditOfPublishedItemRefused } from '../catalog.errors';
import { CatalogStreams, itemStreamId, type StreamAppend } from '../catalog-streams.repository';
import { managesUnit, reviewsRegion } from './catalog-access.policy';
import { catalogStreamId, decideBatch } from './catalog-batch.decider';
import type { CatalogItemDefinition, ItemOwner } from './catalog-item.definition';
import { decide, evolve, initialState, type CatalogItemCommand, type CatalogItemState, type ExistingItemState } from './catalog-item.decider';
import type { CatalogItemEvent, CatalogRef, ChangeProposal } from './catalog-item.events';

export interface ItemOutcome {
  itemId: string;
  status: CatalogItemState['status'];
}

/** What a command did: the answer for the caller, and the events it appended. */
interface CommandResult {
  outcome: ItemOutcome;
  events: CatalogItemEvent[];
}

export interface BatchOutcome {
  batchId: string;
  batchNumber: number;
  itemIds: string[];
}

/**
 * Runs the catalog item commands: load the streams, check who may act, let the decider decide,
 * append. Unit admins act for their own unit; the reform office for its region subtree.
 */
@Injectable()
export class CatalogItemCommandHandler {
  constructor(
    private readonly streams: CatalogStreams,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async draft(user: AuthenticatedUser, definition: CatalogItemDefinition): Promise<ItemOutcome> {
    if (!user.unitId) throw new CatalogActionForbidden('your token names no service unit to draft for');
    const { state: unit } = await this.streams.loadUnit(user.unitId);
    if (!unit.registered) throw new CatalogActionForbidden(`your unit ${user.unitId} is not registered in the catalog`);
    const owner: ItemOwner = { unitId: unit.unit.unitId, level: unit.unit.level, regionCode: unit.unit.regionCode };
    const itemId = randomUUID();
    const events = decide({ type: 'DraftItem', data: { itemId, owner, definition } }, initialState());
    await this.streams.append([{ streamId: itemStreamId(itemId), expectedVersion: 0, events }], this.metadata(user, 'unit_admin', owner.regionCode));
    return { itemId, status: 'draft' };
  }

  /** Amends a draft. On a published item the edit is refused and the attempt recorded first. */
  async amend(user: AuthenticatedUser, itemId: string, definition: CatalogItemDefinition): Promise<ItemOutcome> {
    const { outcome, events } = await this.runForUnit(user, itemId, { type: 'AmendDraft', data: { definition, actorUserId: user.userId } });
    if (events.some((event) => event.type === 'catalog.CatalogItemUnauthorizedChangeAttempted')) throw new DirectEditOfPublishedItemRefused(itemId);
    return outcome;
  }

  async submit(user: AuthenticatedUser, itemId: string): Promise<ItemOutcome> {
    return (await this.runForUnit(user, itemId, { type: 'SubmitItem' })).outcome;
  }

  approve(user: AuthenticatedUser, itemId: string, note: string): Promise<ItemOutcome> {
    return this.runForReviewer(user, itemId, { type: 'ApproveItem', data: { note } });
  }

  reject(user: AuthenticatedUser, itemId: string, reason: string): Promise<ItemOutcome> {
    return this.runForReviewer(user, itemId, { type: 'RejectItem', data: { reason } });
  }

  async requestChange(user: AuthenticatedUser, itemId: string, proposal: ChangeProposal & { reason: string }): Promise<ItemOutcome & { changeRequestId: string }> {
    const changeRequestId = randomUUID();
    const { outcome } = await this.runForUnit(user, itemId, { type: 'RequestChange', data: { ...proposal, changeRequestId } });
    return { ...outcome, changeRequestId };
  }

  approveChange(user: AuthenticatedUser, itemId: string, changeRequestId: string, approvalReference: string, effectiveOn: string | undefined): Promise<ItemOutcome> {
    const today = toShanghaiDate(this.clock.now());
    return this.runForReviewer(user, itemId, { type: 'ApproveChange', data: { changeRequestId, approvalReference, effectiveOn: effectiveOn ?? today, today } });
  }

  rejectChange(user: AuthenticatedUser, itemId: string, changeRequestId: string, reason: string): Promise<ItemOutcome> {
    return this.runForReviewer(user, itemId, { type: 'RejectChange', data: { changeRequestId, reason } });
  }

  /**
   * Publishes approved items of one catalog as its next numbered batch ("成熟一批、公布一批"): the
   * batch and every item's publication are appended in one transaction.
   */
  async publishBatch(user: AuthenticatedUser, catalog: CatalogRef, title: string, itemIds: string[]): Promise<BatchOutcome> {
    if (!reviewsRegion(user, catalog.regionCode)) throw new CatalogActionForbidden(`only the reform office of ${catalog.regionCode} or above publishes its catalogs`);
    const regionLevel = levelOfRegion(catalog.regionCode);
    if (regionLevel !== catalog.level) {
      throw new CatalogRulesViolated([{ field: 'regionCode', rule: 'region-matches-level', message: `${catalog.regionCode} is not a ${catalog.level}-level region` }]);
    }
    const catalogStream = catalogStreamId(catalog);
    const { state: catalogState, version: catalogVersion } = await this.streams.loadCatalog(catalogStream);
    const publishedOn = toShanghaiDate(this.clock.now());
    const batchId = randomUUID();
    const [batchPublished] = decideBatch({ type: 'PublishBatch', data: { batchId, catalog, title, itemIds, publishedOn } }, catalogState);
    const { batchNumber } = batchPublished.data;

    const itemAppends: StreamAppend[] = [];
    for (const [index, itemId] of itemIds.entries()) {
      const { state, version } = await this.streams.loadItem(itemId);
      if (state.status === 'none') throw new CatalogItemNotFound(itemId);
      try {
        const events = decide({ type: 'PublishItem', data: { batchId, batchNumber, catalog, publishedOn } }, state);
        itemAppends.push({ streamId: itemStreamId(itemId), expectedVersion: version, events });
      } catch (error) {
        // Name the offending entry of the request, not just "itemIds".
        if (error instanceof CatalogRulesViolated) throw new CatalogRulesViolated(error.violations.map((violation) => ({ ...violation, field: `itemIds[${index}]` })));
        throw error;
      }
    }
    // Items first, then the batch: the read model lists the batch's items by their published names.
    await this.streams.append(
      [...itemAppends, { streamId: catalogStream, expectedVersion: catalogVersion, events: [batchPublished] }],
      this.metadata(user, 'reform_office', catalog.regionCode),
    );
    return { batchId, batchNumber, itemIds };
  }

  private async runForUnit(user: AuthenticatedUser, itemId: string, command: CatalogItemCommand): Promise<CommandResult> {
    const loaded = await this.loadExisting(itemId);
    if (!managesUnit(user, loaded.state.owner.unitId)) throw new CatalogActionForbidden(`only the unit admin of ${loaded.state.owner.unitId} acts on this item`);
    return this.run(user, 'unit_admin', loaded, command);
  }

  private async runForReviewer(user: AuthenticatedUser, itemId: string, command: CatalogItemCommand): Promise<ItemOutcome> {
    const loaded = await this.loadExisting(itemId);
    if (!reviewsRegion(user, loaded.state.owner.regionCode)) {
      throw new CatalogActionForbidden(`only the reform office of ${loaded.state.owner.regionCode} or above decides on this item`);
    }
    return (await this.run(user, 'reform_office', loaded, command)).outcome;
  }

  private async loadExisting(itemId: string): Promise<{ state: ExistingItemState; version: number }> {
    const { state, version } = await this.streams.loadItem(itemId);
    if (state.status === 'none') throw new CatalogItemNotFound(itemId);
    return { state, version };
  }

  private async run(
    user: AuthenticatedUser,
    role: Role,
    { state, version }: { state: ExistingItemState; version: number },
    command: CatalogItemCommand,
  ): Promise<CommandResult> {
    const events = decide(command, state);
    await this.streams.append([{ streamId: itemStreamId(state.itemId), expectedVersion: version, events }], this.metadata(user, role, state.owner.regionCode));
    return { outcome: { itemId: state.itemId, status: events.reduce<CatalogItemState>(evolve, state).status }, events };
  }

  /** Who acted (with the role that allowed it and their own unit) and in which region, for every event. */
  private metadata(user: AuthenticatedUser, role: Role, regionCode: string): EventMetadata {
    return {
      correlationId: CorrelationContext.current() ?? randomUUID(),
      actor: { id: user.userId, role },
      regionCode,
      ...(user.unitId ? { unitId: user.unitId } : {}),
    };
  }
}
