import type { TypedEvent } from '@sangeyipi/contracts';
import { toUnitStaff } from './message-recipients';
import type { MessageIntent, UnitContacts } from './notification.types';

/**
 * Which messages a catalog event calls for: an item the reform office sent back goes to its unit's
 * webhook, for the unit to amend and resubmit. Publications are public and call for no message.
 */
export function planCatalogMessages(event: TypedEvent, unit: UnitContacts | undefined): MessageIntent[] {
  if (event.type !== 'catalog.CatalogItemRejected') return [];
  return toUnitStaff(unit, [], 'catalog-item-rejected', { itemId: event.data.itemId, reason: event.data.reason });
}
