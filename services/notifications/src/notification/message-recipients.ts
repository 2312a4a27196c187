import type { MessageIntent, Recipient, TemplateId, TemplateParams, UnitContacts } from './notification.types';

/** The staff roles a unit names in this service's directory. */
export type StaffRole = 'handler' | 'backup' | 'supervisor';
const STAFF_FIELDS = { handler: 'handlerId', backup: 'backupId', supervisor: 'supervisorId' } as const;

/** One message per person named, each person once even when named twice; empty ids are skipped. */
export function toPeople(ids: readonly (string | undefined)[], templateId: TemplateId, params: TemplateParams): MessageIntent[] {
  const people = [...new Set(ids.filter((id): id is string => !!id))];
  return people.map((id) => ({ templateId, recipient: { kind: 'person', id }, params }));
}

/**
 * The unit's webhook and the named staff members of the unit; each person once, even when holding
 * two roles. Nothing when the unit has no directory entry.
 */
export function toUnitStaff(unit: UnitContacts | undefined, roles: readonly StaffRole[], templateId: TemplateId, params: TemplateParams): MessageIntent[] {
  if (!unit) return [];
  const unitRecipient: Recipient = { kind: 'unit', id: unit.unitId };
  return [{ templateId, recipient: unitRecipient, params }, ...toPeople(roles.map((role) => unit[STAFF_FIELDS[role]]), templateId, params)];
}

/**
 * Makes every intent a scheduled one: sent not before `notBefore`, keyed apart by `occasion`, and
 * withdrawn unsent if an event settles `withdrawKey` first.
 */
export function scheduled(intents: readonly MessageIntent[], notBefore: Date, occasion: string, withdrawKey?: string): MessageIntent[] {
  return intents.map((intent) => ({ ...intent, notBefore, occasion, withdrawKey }));
}

