import type { CatalogItemDefinition, ItemOwner } from './catalog-item.definition';
import { CatalogItemTransitionRefused, CatalogRulesViolated } from '../catalog.errors';
import type { CatalogItemEvent, CatalogRef, ChangeProposal } from './catalog-item.events';
import { checkDefinition } from './catalog-item.rules';

/** draft → submitted → approved | rejected → published (in a batch) → withdrawn. */
export type CatalogItemStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'published' | 'withdrawn';

export interface PublishedVersion {
  revision: number;
  definition: CatalogItemDefinition;
  batchId: string;
  batchNumber: number;
  publishedOn: string;
  /** The date the current revision applies from (the publication date for revision 1). */
  effectiveOn: string;
}

export type PendingChange = ChangeProposal & { changeRequestId: string; reason: string };

export type CatalogItemState =
  | { status: 'none' }
  | {
      status: CatalogItemStatus;
      itemId: string;
      owner: ItemOwner;
      /** The content being prepared; after publication, the same as the published one. */
      draft: CatalogItemDefinition;
      published: PublishedVersion | null;
      pendingChange: PendingChange | null;
      /** Why the reform office last sent it back, while it is rejected. */
      rejectionReason: string | null;
    };

export type ExistingItemState = Exclude<CatalogItemState, { status: 'none' }>;

export type CatalogItemCommand =
  | { type: 'DraftItem'; data: { itemId: string; owner: ItemOwner; definition: CatalogItemDefinition } }
  | { type: 'AmendDraft'; data: { definition: CatalogItemDefinition; actorUserId: string } }
  | { type: 'SubmitItem' }
  | { type: 'ApproveItem'; data: { note: string } }
  | { type: 'RejectItem'; data: { reason: string } }
  | { type: 'PublishItem'; data: { batchId: string; batchNumber: number; catalog: CatalogRef; publishedOn: string } }
  | { type: 'RequestChange'; data: ChangeProposal & { changeRequestId: string; reason: string } }
  | { type: 'ApproveChange'; data: { changeRequestId: string; approvalReference: string; effectiveOn: string; today: string } }
  | { type: 'RejectChange'; data: { changeRequestId: string; reason: string } };

export const initialState = (): CatalogItemState => ({ status: 'none' });

function requireValid(definition: CatalogItemDefinition): void {
  const violations = checkDefinition(definition);
  if (violations.length > 0) throw new CatalogRulesViolated(violations);
}

function refuse(state: ExistingItemState, message: string): never {
  throw new CatalogItemTransitionRefused(state.itemId, state.status, `catalog item ${state.itemId} is ${state.status}: ${message}`);
}

/** The published version of an item that is (or was) published. */
function publishedVersionOf(state: ExistingItemState): PublishedVersion {
  if (!state.published) throw new Error(`catalog item ${state.itemId} is ${state.status} but has no published version`);
  return state.published;
}

/** What happens when `command` meets an item in `state`; throws a CatalogRefusal when it may not. */
export function decide(command: CatalogItemCommand, state: CatalogItemState): CatalogItemEvent[] {
  if (command.type === 'DraftItem') {
    if (state.status !== 'none') refuse(state, 'it has already been drafted');
    requireValid(command.data.definition);
    return [{ type: 'catalog.CatalogItemDrafted', data: command.data }];
  }
  if (state.status === 'none') {
    // The application layer answers "not found" before deciding; reaching this is a programming error.
    throw new Error(`${command.type} needs an existing catalog item`);
  }
  const { itemId, owner } = state;

  switch (command.type) {
    case 'AmendDraft':
      if (state.status === 'published') {
        // Refused, but recorded: the caller raises DirectEditOfPublishedItemRefused after the append.
        return [
          {
            type: 'catalog.CatalogItemUnauthorizedChangeAttempted',
            data: {
              itemId,
              owner,
              attemptedByUserId: command.data.actorUserId,
              revision: publishedVersionOf(state).revision,
              attemptedDefinition: command.data.definition,
            },
          },
        ];
      }
      if (state.status !== 'draft' && state.status !== 'rejected') refuse(state, 'only a draft or a rejected item can be amended');
      requireValid(command.data.definition);
      return [{ type: 'catalog.CatalogItemDraftAmended', data: { itemId, definition: command.data.definition } }];

    case 'SubmitItem':
      if (state.status !== 'draft' && state.status !== 'rejected') refuse(state, 'only a draft or a rejected item can be submitted');
      return [{ type: 'catalog.CatalogItemSubmitted', data: { itemId, unitId: owner.unitId } }];

    case 'ApproveItem':
      if (state.status !== 'submitted') refuse(state, 'only a submitted item can be approved');
      return [{ type: 'catalog.CatalogItemApproved', data: { itemId, unitId: owner.unitId, note: command.data.note } }];

    case 'RejectItem':
      if (state.status !== 'submitted') refuse(state, 'only a submitted item can be rejected');
      return [{ type: 'catalog.CatalogItemRejected', data: { itemId, unitId: owner.unitId, reason: command.data.reason } }];

    case 'PublishItem': {
      if (state.status !== 'approved') refuse(state, 'only an approved item can be published');
      const { catalog, batchId, batchNumber, publishedOn } = command.data;
      if (state.draft.kind !== catalog.kind || owner.level !== catalog.level || owner.regionCode !== catalog.regionCode) {
        throw new CatalogRulesViolated([
          {
            field: 'itemIds',
            rule: 'item-in-batch-catalog',
            message: `item ${itemId} (${state.draft.kind}, ${owner.level} ${owner.regionCode}) does not belong to the ${catalog.kind} catalog of ${catalog.level} ${catalog.regionCode}`,
          },
        ]);
      }
      return [
        {
          type: 'catalog.CatalogItemPublished',
          data: { itemId, owner, revision: 1, definition: state.draft, batchId, batchNumber, publishedOn },
        },
      ];
    }

    case 'RequestChange': {
      if (state.status !== 'published') refuse(state, 'only a published item goes through change requests');
      if (state.pendingChange) refuse(state, `change request ${state.pendingChange.changeRequestId} is still open`);
      if (command.data.change === 'revision') requireValid(command.data.definition);
      return [{ type: 'catalog.CatalogItemChangeRequested', data: { ...command.data, itemId, unitId: owner.unitId } }];
    }

    case 'ApproveChange': {
      const pending = openChangeRequest(state, command.data.changeRequestId);
      const { approvalReference, effectiveOn, today } = command.data;
      if (effectiveOn < today) {
        throw new CatalogRulesViolated([{ field: 'effectiveOn', rule: 'effective-not-before-today', message: `a change applies from today (${today}) or later` }]);
      }
      const published = publishedVersionOf(state);
      const approved: CatalogItemEvent = { type: 'catalog.CatalogItemChangeApproved', data: { ...pending, itemId, approvalReference, effectiveOn } };
      if (pending.change === 'withdrawal') {
        return [
          approved,
          {
            type: 'catalog.CatalogItemWithdrawn',
            data: { itemId, owner, revision: published.revision, definition: published.definition, changeRequestId: pending.changeRequestId, approvalReference, reason: pending.reason, effectiveOn },
          },
        ];
      }
      return [
        approved,
        {
          type: 'catalog.CatalogItemRevised',
          data: {
            itemId,
            owner,
            revision: published.revision + 1,
            definition: pending.definition,
            changeRequestId: pending.changeRequestId,
            approvalReference,
            reason: pending.reason,
            effectiveOn,
            revisedOn: today,
          },
        },
      ];
    }

    case 'RejectChange': {
      const pending = openChangeRequest(state, command.data.changeRequestId);
      return [{ type: 'catalog.CatalogItemChangeRejected', data: { itemId, changeRequestId: pending.changeRequestId, reason: command.data.reason } }];
    }
  }
}

function openChangeRequest(state: ExistingItemState, changeRequestId: string): PendingChange {
  if (state.status !== 'published') refuse(state, 'only a published item has change requests');
  if (state.pendingChange?.changeRequestId !== changeRequestId) refuse(state, `change request ${changeRequestId} is not open`);
  return state.pendingChange;
}

/** The item after `event`. */
export function evolve(state: CatalogItemState, event: CatalogItemEvent): CatalogItemState {
  if (event.type === 'catalog.CatalogItemDrafted') {
    const { itemId, owner, definition } = event.data;
    return { status: 'draft', itemId, owner, draft: definition, published: null, pendingChange: null, rejectionReason: null };
  }
  if (state.status === 'none') return state; // a stream never starts with anything else
  switch (event.type) {
    case 'catalog.CatalogItemDraftAmended':
      return { ...state, status: 'draft', draft: event.data.definition, rejectionReason: null };
    case 'catalog.CatalogItemSubmitted':
      return { ...state, status: 'submitted', rejectionReason: null };
    case 'catalog.CatalogItemApproved':
      return { ...state, status: 'approved' };
    case 'catalog.CatalogItemRejected':
      return { ...state, status: 'rejected', rejectionReason: event.data.reason };
    case 'catalog.CatalogItemPublished': {
      const { revision, definition, batchId, batchNumber, publishedOn } = event.data;
      return { ...state, status: 'published', draft: definition, published: { revision, definition, batchId, batchNumber, publishedOn, effectiveOn: publishedOn } };
    }
    case 'catalog.CatalogItemChangeRequested': {
      const { itemId: _itemId, unitId: _unitId, ...pendingChange } = event.data;
      return { ...state, pendingChange };
    }
    case 'catalog.CatalogItemChangeApproved':
    case 'catalog.CatalogItemChangeRejected':
      return { ...state, pendingChange: null };
    case 'catalog.CatalogItemRevised': {
      const { revision, definition, effectiveOn } = event.data;
      return { ...state, draft: definition, published: { ...publishedVersionOf(state), revision, definition, effectiveOn } };
    }
    case 'catalog.CatalogItemWithdrawn':
      return { ...state, status: 'withdrawn', pendingChange: null };
    case 'catalog.CatalogItemUnauthorizedChangeAttempted':
      return state;
  }
}
