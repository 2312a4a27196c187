import type { CatalogItemDefinition, CatalogKind, ItemOwner } from './catalog-item.definition';

/** What a change request proposes: a new revision with its content, or that the item leave its catalog. */
export type ChangeProposal = { change: 'revision'; definition: CatalogItemDefinition } | { change: 'withdrawal'; definition: null };

export type ChangeKind = ChangeProposal['change'];

/** The published state of an item that published, revised and withdrawn events carry in full. */
export interface PublishedState {
  owner: ItemOwner;
  revision: number;
  definition: CatalogItemDefinition;
}

// The events of one catalog item's stream, named by their registered contract types.
export type CatalogItemEvent =
  | { type: 'catalog.CatalogItemDrafted'; data: { itemId: string; owner: ItemOwner; definition: CatalogItemDefinition } }
  | { type: 'catalog.CatalogItemDraftAmended'; data: { itemId: string; definition: CatalogItemDefinition } }
  | { type: 'catalog.CatalogItemSubmitted'; data: { itemId: string; unitId: string } }
  | { type: 'catalog.CatalogItemApproved'; data: { itemId: string; unitId: string; note: string } }
  | { type: 'catalog.CatalogItemRejected'; data: { itemId: string; unitId: string; reason: string } }
  | {
      type: 'catalog.CatalogItemPublished';
      data: PublishedState & { itemId: string; batchId: string; batchNumber: number; publishedOn: string };
    }
  | { type: 'catalog.CatalogItemChangeRequested'; data: ChangeProposal & { itemId: string; changeRequestId: string; unitId: string; reason: string } }
  | {
      type: 'catalog.CatalogItemChangeApproved';
      data: ChangeProposal & { itemId: string; changeRequestId: string; approvalReference: string; reason: string; effectiveOn: string };
    }
  | { type: 'catalog.CatalogItemChangeRejected'; data: { itemId: string; changeRequestId: string; reason: string } }
  | {
      type: 'catalog.CatalogItemRevised';
      data: PublishedState & { itemId: string; changeRequestId: string; approvalReference: string; reason: string; effectiveOn: string; revisedOn: string };
    }
  | {
      type: 'catalog.CatalogItemWithdrawn';
      data: PublishedState & { itemId: string; changeRequestId: string; approvalReference: string; reason: string; effectiveOn: string };
    }
  | {
      type: 'catalog.CatalogItemUnauthorizedChangeAttempted';
      data: { itemId: string; owner: ItemOwner; attemptedByUserId: string; revision: number; attemptedDefinition: CatalogItemDefinition };
    };

/** The catalog a batch publishes into: one kind, at one level, in one region. */
export interface CatalogRef {
  kind: CatalogKind;
  level: ItemOwner['level'];
  regionCode: string;
}

// The events of a catalog's stream, which numbers its batches.
export type CatalogEvent = {
  type: 'catalog.CatalogBatchPublished';
  data: CatalogRef & { batchId: string; batchNumber: number; title: string; itemIds: string[]; publishedOn: string };
};
