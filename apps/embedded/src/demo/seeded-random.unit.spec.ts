import { Draw, seededRandom } from './seeded-random';

describe('seeded randomness', () => {
  it('repeats its draws for the same seed and differs for another', () => {
    const first = seededRandom(5);
    const again = seededRandom(5);
    const other = seededRandom(6);
    const a = Array.from({ length: 50 }, () => first());
    expect(Array.from({ length: 50 }, () => again())).toEqual(a);
    expect(Array.from({ length: 50 }, () => other())).not.toEqual(a);
  });

  it('draws in [0, 1), spread evenly over ten bins within a point', () => {
    const random = seededRandom(123);
    const bins = new Array(10).fill(0);
    for (let index = 0; index < 100_000; index++) {
      const value = random();
      expect(value >= 0 && value < 1).toBe(true);
      bins[Math.floor(value * 10)] += 1;
    }
    for (const count of bins) expect(Math.abs(count / 100_000 - 0.1)).toBeLessThan(0.01);
  });

  it('picks keys in proportion to their weights, never a zero weight', () => {
    const draw = new Draw(seededRandom(77));
    const counts = { a: 0, b: 0, never: 0 };
    for (let index = 0; index < 40_000; index++) counts[draw.weighted({ a: 3, b: 1, never: 0 })] += 1;
    expect(counts.never).toBe(0);
    expect(Math.abs(counts.a / 40_000 - 0.75)).toBeLessThan(0.01);
  });

  it('draws integers within both bounds and samples distinct elements', () => {
    const draw = new Draw(seededRandom(3));
    const seen = new Set<number>();
    for (let index = 0; index < 1_000; index++) seen.add(draw.int(2, 4));
    expect([...seen].sort()).toEqual([2, 3, 4]);
    const sample = draw.sample(['a', 'b', 'c', 'd'], 3);
    expect(new Set(sample).size).toBe(3);
    expect(draw.sample(['a'], 5)).toEqual(['a']);
  });

  it('spaces arrivals with the asked mean', () => {
    const draw = new Draw(seededRandom(11));
    const gaps = Array.from({ length: 50_000 }, () => draw.exponential(1_000));
    const mean = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
    expect(Math.abs(mean - 1_000)).toBeLessThan(25);
  });
});
