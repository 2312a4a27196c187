/**
 * Reads the figures a bulletin carries into the series the charts draw, tolerating the shapes an
 * analytics answer may take: `figures` or `indicators` (rows of indicator, scope and value),
 * `trend` (rows of period, indicator and value) and `ranking` or `scores` (rows of a name and a
 * score). What the charts draw is exactly these numbers; nothing is recomputed in the browser.
 */
export interface FigureRow {
  indicator: string;
  scope: string;
  value: number;
}

export interface TrendRow {
  period: string;
  indicator: string;
  value: number;
}

export interface RankingRow {
  name: string;
  score: number;
}

export interface BulletinFigures {
  byScope: FigureRow[];
  trend: TrendRow[];
  ranking: RankingRow[];
}

type Row = Record<string, unknown>;

const text = (row: Row, ...keys: string[]): string | undefined => {
  for (const key of keys) if (typeof row[key] === 'string' || typeof row[key] === 'number') return String(row[key]);
  return undefined;
};
const number = (row: Row, ...keys: string[]): number | undefined => {
  for (const key of keys) if (typeof row[key] === 'number' && Number.isFinite(row[key])) return row[key] as number;
  return undefined;
};
const rows = (value: unknown): Row[] => (Array.isArray(value) ? value.filter((row): row is Row => typeof row === 'object' && row !== null) : []);

export function bulletinFigures(bulletin: unknown): BulletinFigures {
  const source = (typeof bulletin === 'object' && bulletin !== null ? bulletin : {}) as Row;
  const content = (typeof source.content === 'object' && source.content !== null ? source.content : source) as Row;
  const byScope = rows(content.figures ?? content.indicators).flatMap((row) => {
    const indicator = text(row, 'indicator', 'indicatorName', 'name', 'code');
    const scope = text(row, 'scopeName', 'regionName', 'unitName', 'scope', 'regionCode', 'unitId', 'level');
    const value = number(row, 'value');
    return indicator !== undefined && scope !== undefined && value !== undefined ? [{ indicator, scope, value }] : [];
  });
  const trend = rows(content.trend ?? content.trends).flatMap((row) => {
    const period = text(row, 'period', 'month', 'date');
    const indicator = text(row, 'indicator', 'indicatorName', 'name') ?? '';
    const value = number(row, 'value');
    return period !== undefined && value !== undefined ? [{ period, indicator, value }] : [];
  });
  const ranking = rows(content.ranking ?? content.rankings ?? content.scores).flatMap((row) => {
    const name = text(row, 'name', 'unitName', 'regionName', 'unitId', 'regionCode');
    const score = number(row, 'score', 'value');
    return name !== undefined && score !== undefined ? [{ name, score }] : [];
  });
  return { byScope, trend, ranking };
}

/** The categories (x axis) and one series per indicator, in the order the rows came. */
export function seriesByIndicator<T extends { indicator: string; value: number }>(list: readonly T[], category: (row: T) => string): { categories: string[]; series: { name: string; data: (number | null)[] }[] } {
  const categories = [...new Set(list.map(category))];
  const indicators = [...new Set(list.map((row) => row.indicator))];
  const series = indicators.map((name) => ({
    name,
    data: categories.map((cat) => list.find((row) => row.indicator === name && category(row) === cat)?.value ?? null),
  }));
  return { categories, series };
}
