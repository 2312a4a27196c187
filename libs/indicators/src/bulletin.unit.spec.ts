import { bulletinDigest, canonicalBulletin, computeBulletinContent, type BulletinContent } from './bulletin';
import { assessEfficiency } from './efficiency';
import { FactFolder } from './fact-folder';
import { HistoryBuilder } from './indicator-history.fixture';
import { parsePeriod } from './period';

function content(extraRating = false): BulletinContent {
  const h = new HistoryBuilder()
    .add('rating-1', 'supervision.CaseRated', '2026-10-09', { ratingId: '1', unitId: 'U1', grade: 1 }, '310101')
    .add('rating-2', 'supervision.CaseRated', '2026-10-10', { ratingId: '2', unitId: 'U2', grade: 4 }, '310101')
    .add('unit-U1', 'catalog.ServiceUnitRegistered', '2026-01-01', { unitId: 'U1', level: 2, regionCode: '310101' })
    .add('unit-U2', 'catalog.ServiceUnitRegistered', '2026-01-01', { unitId: 'U2', level: 2, regionCode: '310101' });
  if (extraRating) h.add('rating-3', 'supervision.CaseRated', '2026-10-11', { ratingId: '3', unitId: 'U2', grade: 1 });
  const folder = new FactFolder();
  for (const event of h.events) folder.add(event);
  return computeBulletinContent(
    folder.facts.values(),
    { scope: { level: 'district', regionCode: '310101' }, period: parsePeriod('month', '2026-10'), asOf: new Date('2026-11-01T00:00:00+08:00') },
  );
}

describe('the canonical bulletin and its digest', () => {
  it('is the same text for the same figures, keys sorted, numbers as strings', () => {
    expect(canonicalBulletin(content())).toBe(canonicalBulletin(content()));
    expect(canonicalBulletin(content())).toContain('{"complement":false,"denominator":"2","indicator":"good_rating_rate","numerator":"1","regionCode":"","unitId":""}');
    expect(bulletinDigest(content())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes its digest when one figure changes', () => {
    expect(bulletinDigest(content(true))).not.toBe(bulletinDigest(content()));
  });
});

describe('the efficiency assessment', () => {
  it('scores each unit from its defined indicators with the published weights, shows the breakdown and ranks per level', () => {
    const assessment = assessEfficiency(content().values, () => 'district');
    const [district] = assessment.rankings;
    // U1: 好评率 1/1 and 差评整改率 undefined → 100; U2: 好评率 0/1 and 差评整改率 0/1 → 0.
    expect(district.units.map((u) => [u.unitId, u.score, u.rank])).toEqual([
      ['U1', 100, 1],
      ['U2', 0, 2],
    ]);
    expect(district.units[0].breakdown).toEqual([{ indicator: 'good_rating_rate', weight: 15, value: 1, points: 100 }]);
    expect(assessment.weightsVersion).toBe('2026.1');
  });
});
