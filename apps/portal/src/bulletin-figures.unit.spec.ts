import { bulletinFigures, periodKeyOf, seriesByIndicator, trendOver } from './bulletin-figures';
import { regionNameOf } from './regions';

const cityBulletin = (month: string, onTheSpot: number) => ({
  bulletinId: `b-${month}`,
  content: { scope: { level: 'city', regionCode: '310000' }, period: { kind: 'month', key: month } },
  figures: [
    { indicator: 'on_the_spot_completion_rate', label: '当场办结率', unitId: '', regionCode: '', value: onTheSpot },
    { indicator: 'on_the_spot_completion_rate', label: '当场办结率', unitId: '', regionCode: '310101', value: 0.925 },
    { indicator: 'on_the_spot_completion_rate', label: '当场办结率', unitId: 'd310101-scjg', regionCode: '310101', value: 0.9 },
    { indicator: 'overdue_cases', label: '超期件数', unitId: '', regionCode: '310104', value: 3 },
    { indicator: 'overdue_cases', label: '超期件数', unitId: '', regionCode: '310115', value: null },
  ],
  assessment: {
    weightsVersion: 'v1',
    weights: {},
    rankings: [
      { level: 'district', units: [{ unitId: 'd310101-scjg', score: 90.4, rank: 1, breakdown: [] }] },
      { level: 'town', units: [{ unitId: 't310101002-sqzx', score: 80, rank: 1, breakdown: [] }] },
    ],
  },
});

describe('reading bulletins for the charts', () => {
  it('reads an analytics bulletin: its sub-regions by label (not the whole scope), the assessment’s scores per level', () => {
    expect(bulletinFigures(cityBulletin('2026-10', 0.93), regionNameOf)).toEqual({
      byScope: [
        { indicator: '当场办结率', scope: '黄浦区', value: 0.925 },
        { indicator: '超期件数', scope: '徐汇区', value: 3 },
      ],
      trend: [],
      ranking: [
        { level: 'district', name: 'd310101-scjg', score: 90.4 },
        { level: 'town', name: 't310101002-sqzx', score: 80 },
      ],
    });
  });

  it('follows the whole scope’s figures over bulletins, oldest period first', () => {
    expect(trendOver([cityBulletin('2026-10', 0.93), cityBulletin('2026-09', 0.91)])).toEqual([
      { period: '2026-09', indicator: '当场办结率', value: 0.91 },
      { period: '2026-10', indicator: '当场办结率', value: 0.93 },
    ]);
    expect(periodKeyOf({ period: '2026-Q3' })).toBe('2026-Q3');
  });

  it('takes units when there are no regional figures, and other shapes as they come', () => {
    const figures = bulletinFigures({
      content: { indicators: [{ name: '压缩率', unitId: 'u1', regionCode: '310101', value: 61 }] },
      trend: [{ period: '2026-09', indicator: '办件量', value: 11020 }],
      scores: [{ unitName: '黄浦区市场监督管理局', score: 90.4 }],
    });

    expect(figures).toEqual({
      byScope: [{ indicator: '压缩率', scope: 'u1', value: 61 }],
      trend: [{ period: '2026-09', indicator: '办件量', value: 11020 }],
      ranking: [{ level: '', name: '黄浦区市场监督管理局', score: 90.4 }],
    });
    expect(bulletinFigures({ summary: 'no figures' })).toEqual({ byScope: [], trend: [], ranking: [] });
    expect(bulletinFigures(null)).toEqual({ byScope: [], trend: [], ranking: [] });
  });

  it('makes one series per indicator over the categories in the order they came, with gaps as null', () => {
    const rows = [
      { indicator: 'A', scope: '黄浦区', value: 1 },
      { indicator: 'B', scope: '徐汇区', value: 2 },
      { indicator: 'A', scope: '徐汇区', value: 3 },
    ];

    expect(seriesByIndicator(rows, (row) => row.scope)).toEqual({
      categories: ['黄浦区', '徐汇区'],
      series: [
        { name: 'A', data: [1, 3] },
        { name: 'B', data: [null, 2] },
      ],
    });
  });
});
