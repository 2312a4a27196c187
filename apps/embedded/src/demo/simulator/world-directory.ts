import type { DemoApi } from '../demo-api';
import type { Draw } from '../seeded-random';
import type { CatalogKind, DemoItemDefinition } from '../world/demo-world';

export interface DirectoryUnit {
  unitId: string;
  name: string;
  level: string;
  regionCode: string;
}

export interface DirectoryItem {
  itemId: string;
  name: string;
  kind: CatalogKind;
  unitId: string;
  level: string;
  regionCode: string;
  committedLimitDays: number | null;
}

const PAGE_SIZE = 100;

/**
 * What the simulator knows of the world: read from the public catalog at start (so it works on any
 * seeded world, this run's or an earlier one's), item definitions fetched when first needed.
 */
export class WorldDirectory {
  private readonly details = new Map<string, Promise<DemoItemDefinition>>();
  private readonly withdrawn = new Set<string>();

  private constructor(
    private readonly api: DemoApi,
    readonly units: DirectoryUnit[],
    readonly items: DirectoryItem[],
  ) {}

  static async load(api: DemoApi): Promise<WorldDirectory> {
    const units = await api.get<DirectoryUnit[]>('catalog', '/public/units');
    const items: DirectoryItem[] = [];
    for (const kind of ['on_the_spot', 'same_year_landing', 'advance_service'] as const) {
      for (let page = 1; ; page++) {
        const answer = await api.get<{ total: number; items: DirectoryItem[] }>('catalog', `/public/items?kind=${kind}&page=${page}&pageSize=${PAGE_SIZE}`);
        items.push(...answer.items);
        if (page * PAGE_SIZE >= answer.total) break;
      }
    }
    return new WorldDirectory(api, units, items);
  }

  /** Items that take applications (cases), not withdrawn. */
  applicable(): DirectoryItem[] {
    return this.items.filter((item) => item.kind !== 'advance_service' && !this.withdrawn.has(item.itemId));
  }

  unit(unitId: string): DirectoryUnit | undefined {
    return this.units.find((unit) => unit.unitId === unitId);
  }

  /**
   * A random item that takes applications and whose definition passes `accept`: candidates in random
   * order, at most `tries` of them looked at (definitions are fetched once, then kept).
   */
  async pickItem(draw: Draw, accept: (definition: DemoItemDefinition) => boolean = () => true, tries = 60): Promise<{ item: DirectoryItem; definition: DemoItemDefinition } | undefined> {
    for (const item of draw.sample(this.applicable(), tries)) {
      const definition = await this.definition(item.itemId);
      if (accept(definition)) return { item, definition };
    }
    return undefined;
  }

  /** The item's definition in force, as the public catalog shows it. */
  definition(itemId: string): Promise<DemoItemDefinition> {
    let found = this.details.get(itemId);
    if (!found) {
      found = this.api.get<{ current: { definition: DemoItemDefinition } }>('catalog', `/public/items/${itemId}`).then((detail) => detail.current.definition);
      found.catch(() => this.details.delete(itemId)); // fetched again next time
      this.details.set(itemId, found);
    }
    return found;
  }

  /** A revision changed the item: read its definition again when next needed. */
  revised(itemId: string): void {
    this.details.delete(itemId);
  }

  markWithdrawn(itemId: string): void {
    this.withdrawn.add(itemId);
  }
}
