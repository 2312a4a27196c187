import { CatalogRulesViolated } from '../catalog.errors';
import type { CatalogEvent, CatalogRef } from './catalog-item.events';

/**
 * One catalog (a kind, at a level, in a region) and the batches it has published. Its stream numbers
 * the batches, 第1批, 第2批 … afresh each year; optimistic concurrency on the stream keeps two
 * simultaneous publications from taking the same number.
 */
export interface CatalogState {
  /** The last batch number used in each year. */
  lastBatchNumberByYear: Readonly<Record<string, number>>;
}

export interface PublishBatch {
  type: 'PublishBatch';
  data: { batchId: string; catalog: CatalogRef; title: string; itemIds: string[]; publishedOn: string };
}

export const initialCatalogState = (): CatalogState => ({ lastBatchNumberByYear: {} });

/** The stream of a catalog: `catalog-on_the_spot-district-310101`. */
export function catalogStreamId({ kind, level, regionCode }: CatalogRef): string {
  return `catalog-${kind}-${level}-${regionCode}`;
}

export function decideBatch(command: PublishBatch, state: CatalogState): CatalogEvent[] {
  const { batchId, catalog, title, itemIds, publishedOn } = command.data;
  const duplicates = itemIds.filter((itemId, index) => itemIds.indexOf(itemId) !== index);
  if (duplicates.length > 0) {
    throw new CatalogRulesViolated([{ field: 'itemIds', rule: 'distinct-items', message: `items listed more than once: ${[...new Set(duplicates)].join(', ')}` }]);
  }
  const year = publishedOn.slice(0, 4);
  const batchNumber = (state.lastBatchNumberByYear[year] ?? 0) + 1;
  return [{ type: 'catalog.CatalogBatchPublished', data: { ...catalog, batchId, batchNumber, title, itemIds, publishedOn } }];
}

export function evolveBatch(state: CatalogState, event: CatalogEvent): CatalogState {
  const year = event.data.publishedOn.slice(0, 4);
  return { lastBatchNumberByYear: { ...state.lastBatchNumberByYear, [year]: event.data.batchNumber } };
}
