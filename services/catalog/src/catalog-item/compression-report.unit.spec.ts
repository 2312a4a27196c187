import { compressionByUnit, type CompressionInput } from './compression-report';

const item = (unitId: string, completionMode: CompressionInput['completionMode'], statutoryLimitDays: number | null, committedLimitDays: number | null): CompressionInput => ({
  unitId,
  level: 'district',
  completionMode,
  statutoryLimitDays,
  committedLimitDays,
});

describe('the compression report of committed time limits', () => {
  it('computes (Σstatutory − Σcommitted) / Σstatutory per unit over items with both limits', () => {
    const [report] = compressionByUnit([
      item('unit-a', 'early', 20, 7),
      item('unit-a', 'time_limited', 10, 9),
      item('unit-a', 'time_limited', null, 5), // no statutory limit: cannot be counted
      item('unit-a', 'immediate', 15, 0),
    ]);

    expect(report.overall).toEqual({ itemsCounted: 3, statutoryDays: 45, committedDays: 16, ratio: 0.6444 });
    expect(report.early).toEqual({ itemsCounted: 1, statutoryDays: 20, committedDays: 7, ratio: 0.65 });
    expect(report.flagged).toBe(false);
  });

  it('does not flag a unit whose early items cut exactly 30% together', () => {
    const [report] = compressionByUnit([item('unit-a', 'early', 60, 40), item('unit-a', 'early', 40, 30)]);

    expect(report.early.ratio).toBe(0.3);
    expect(report.flagged).toBe(false);
  });

  it('flags a unit whose early items cut 29% together', () => {
    const [report] = compressionByUnit([item('unit-a', 'early', 60, 41), item('unit-a', 'early', 40, 30)]);

    expect(report.early.ratio).toBe(0.29);
    expect(report.flagged).toBe(true);
  });

  it('does not flag a unit without early items, whatever its overall ratio', () => {
    const [report] = compressionByUnit([item('unit-b', 'time_limited', 20, 19)]);

    expect(report.early).toEqual({ itemsCounted: 0, statutoryDays: 0, committedDays: 0, ratio: null });
    expect(report.flagged).toBe(false);
  });

  it('reports every unit, in unit order', () => {
    expect(compressionByUnit([item('unit-b', 'early', 10, 7), item('unit-a', 'early', 10, 7)]).map((report) => report.unitId)).toEqual(['unit-a', 'unit-b']);
  });
});
