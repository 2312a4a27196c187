import { bulletinFigures, seriesByIndicator } from './bulletin-figures';

describe('reading a bulletin’s figures for the charts', () => {
  it('takes rows of indicator, scope and value, trends and rankings as they come', () => {
    const figures = bulletinFigures({
      figures: [
        { indicator: '当场办结率', scopeName: '黄浦区', scope: '310101', value: 92.5 },
        { indicator: '当场办结率', regionCode: '310104', value: 88 },
        { indicator: '当场办结率', scopeName: '无数值' },
      ],
      trend: [{ period: '2026-09', indicator: '办件量', value: 11020 }],
      scores: [{ unitName: '黄浦区市场监督管理局', score: 90.4 }],
    });

    expect(figures).toEqual({
      byScope: [
        { indicator: '当场办结率', scope: '黄浦区', value: 92.5 },
        { indicator: '当场办结率', scope: '310104', value: 88 },
      ],
      trend: [{ period: '2026-09', indicator: '办件量', value: 11020 }],
      ranking: [{ name: '黄浦区市场监督管理局', score: 90.4 }],
    });
  });

  it('reads figures under `content` too, and finds nothing in an answer of another shape', () => {
    expect(bulletinFigures({ content: { indicators: [{ name: '压缩率', unitId: 'u1', value: 61 }] } }).byScope).toEqual([{ indicator: '压缩率', scope: 'u1', value: 61 }]);
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
