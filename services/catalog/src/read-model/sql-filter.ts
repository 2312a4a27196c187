import { regionSubtreePrefix } from '@sangeyipi/platform';
import { CatalogRulesViolated } from '../catalog.errors';

/** A WHERE clause built from optional conditions, with numbered parameters. */
export class SqlFilter {
  private readonly conditions: string[] = [];
  readonly params: unknown[] = [];

  /** Adds `condition`, in which `?` stands for `value`; skipped when the value is undefined. */
  where(condition: string, value: unknown): this {
    if (value === undefined) return this;
    this.params.push(value);
    this.conditions.push(condition.replace('?', `$${this.params.length}`));
    return this;
  }

  /** Adds the disjunction of `alternatives` (each a condition with one `?` and its value); false when there are none. */
  whereAny(alternatives: ReadonlyArray<readonly [string, unknown]>): this {
    const parts = alternatives.map(([condition, value]) => {
      this.params.push(value);
      return condition.replace('?', `$${this.params.length}`);
    });
    this.conditions.push(parts.length > 0 ? `(${parts.join(' OR ')})` : 'false');
    return this;
  }

  /** The next parameter's placeholder after adding `value`, for LIMIT and OFFSET. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  get sql(): string {
    return this.conditions.length > 0 ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

/** The LIKE pattern selecting a region's subtree; a code the region tree does not know is refused. */
export function regionSubtreePattern(regionCode: string | undefined): string | undefined {
  if (regionCode === undefined) return undefined;
  const prefix = regionSubtreePrefix(regionCode);
  if (!prefix) throw new CatalogRulesViolated([{ field: 'regionCode', rule: 'known-region', message: `${regionCode} is not a region of Shanghai known to the platform` }]);
  return `${prefix}%`;
}

/** `%keyword%` for LIKE, with the keyword's own wildcards taken literally. */
export function containsPattern(keyword: string): string {
  return `%${keyword.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
