import { CatalogRulesViolated } from '../catalog.errors';
import { containsPattern, regionSubtreePattern, SqlFilter } from './sql-filter';

describe('building public catalog queries', () => {
  it('numbers the parameters of the conditions that apply, skipping absent values', () => {
    const filter = new SqlFilter().where('level = ?', 'district').where('kind = ?', undefined).whereAny([['unit_id = ?', 'u1'], ['region_code LIKE ?', '31%']]);

    expect(filter.sql).toBe('WHERE level = $1 AND (unit_id = $2 OR region_code LIKE $3)');
    expect(filter.param(20)).toBe('$4');
    expect(filter.params).toEqual(['district', 'u1', '31%', 20]);
  });

  it('matches nothing when no alternative applies', () => {
    expect(new SqlFilter().whereAny([]).sql).toBe('WHERE false');
  });

  it("takes a keyword's LIKE wildcards literally", () => {
    expect(containsPattern('营业执照')).toBe('%营业执照%');
    expect(containsPattern('100%_\\')).toBe('%100\\%\\_\\\\%');
  });

  it('selects a region subtree by prefix and refuses a region it does not know', () => {
    expect(regionSubtreePattern('310000')).toBe('31%');
    expect(regionSubtreePattern('310101')).toBe('310101%');
    expect(regionSubtreePattern(undefined)).toBeUndefined();
    expect(() => regionSubtreePattern('310102')).toThrow(CatalogRulesViolated);
  });
});
