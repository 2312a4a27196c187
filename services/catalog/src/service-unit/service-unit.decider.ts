import type { AdministrativeLevel } from '../catalog-item/catalog-item.definition';
import { CatalogRulesViolated, ServiceUnitAlreadyRegistered } from '../catalog.errors';

/** What kind of organisation a service unit (办事部门) is. */
export const SERVICE_UNIT_KINDS = [
  'government_department', // 政府部门
  'management_committee', // 管委会
  'state_owned_enterprise', // 国有企事业单位
  'grassroots_organisation', // 基层组织
  'intermediary', // 中介机构
  'social_organisation', // 社会组织
] as const;
export type ServiceUnitKind = (typeof SERVICE_UNIT_KINDS)[number];

export interface ServiceUnit {
  unitId: string;
  name: string;
  kind: ServiceUnitKind;
  level: AdministrativeLevel;
  regionCode: string;
}

export type ServiceUnitState = { registered: false } | { registered: true; unit: ServiceUnit };

export interface RegisterUnit {
  type: 'RegisterUnit';
  /** `regionLevel` is the level the region tree gives `regionCode`; undefined when it does not know it. */
  data: ServiceUnit & { regionLevel: AdministrativeLevel | undefined };
}

export interface ServiceUnitRegistered {
  type: 'catalog.ServiceUnitRegistered';
  data: ServiceUnit;
}

export const initialServiceUnitState = (): ServiceUnitState => ({ registered: false });

export function serviceUnitStreamId(unitId: string): string {
  return `service-unit-${unitId}`;
}

/** A unit sits at one level, in a region of that same level ("the unit must belong to the region, the region to the level"). */
export function decideRegistration(command: RegisterUnit, state: ServiceUnitState): ServiceUnitRegistered[] {
  const { regionLevel, ...unit } = command.data;
  if (state.registered) throw new ServiceUnitAlreadyRegistered(unit.unitId);
  if (regionLevel === undefined) {
    throw new CatalogRulesViolated([{ field: 'regionCode', rule: 'known-region', message: `${unit.regionCode} is not a region of Shanghai known to the platform` }]);
  }
  if (regionLevel !== unit.level) {
    throw new CatalogRulesViolated([
      { field: 'regionCode', rule: 'region-matches-level', message: `${unit.regionCode} is a ${regionLevel}-level region; a ${unit.level}-level unit needs a ${unit.level}-level region` },
    ]);
  }
  return [{ type: 'catalog.ServiceUnitRegistered', data: unit }];
}

export function evolveServiceUnit(_state: ServiceUnitState, event: ServiceUnitRegistered): ServiceUnitState {
  return { registered: true, unit: event.data };
}
