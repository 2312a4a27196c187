/**
 * Reads the figures a bulletin carries into the series the charts draw. It reads the analytics
 * service's bulletin (`figures` rows of `{ indicator, label, unitId, regionCode, value }`, and
 * `assessment.rankings[].units[]` of `{ unitId, score }`), and tolerates other shapes: rows under
 * `content`, `indicators` for `figures`, `scopeName`/`regionName`/`unitName` labels, `trend` rows of
 * `{ period, indicator, value }`, `ranking` or `scores` rows of `{ name, score }`. What the charts
 * draw is exactly these numbers; nothing is recomputed in the browser.
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

export function bulletinFigures(bulletin: unknown, nameOfRegion: (code: string) => string = (code) => code): BulletinFigures {
  const source = (typeof bulletin === 'object' && bulletin !== null ? bulletin : {}) as Row;
  const content = (typeof source.content === 'object' && source.content !== null ? source.content : {}) as Row;
  const pick = (key: string) => source[key] ?? content[key];

  const figures = rows(pick('figures') ?? pick('indicators')).flatMap((row) => {
    const indicator = text(row, 'label', 'indicatorName', 'indicator', 'name', 'code');
    const unit = text(row, 'unitName') ?? (typeof row.unitId === 'string' && row.unitId !== '' ? row.unitId : undefined);
    const regionCode = text(row, 'regionCode');
    const scope = text(row, 'scopeName', 'regionName') ?? unit ?? (regionCode !== undefined ? nameOfRegion(regionCode) : text(row, 'scope', 'level'));
    const value = number(row, 'value');
    return indicator !== undefined && scope !== undefined && value !== undefined ? [{ indicator, scope, value, ofUnit: unit !== undefined }] : [];
  });
  // Regions (and the roll-up of units into them) when the bulletin has them; otherwise its units.
  const regional = figures.filter((row) => !row.ofUnit);
  const byScope = (regional.length > 0 ? regional : figures).map(({ indicator, scope, value }) => ({ indicator, scope, value }));

  const trend = rows(pick('trend') ?? pick('trends')).flatMap((row) => {
    const period = text(row, 'period', 'month', 'date');
    const indicator = text(row, 'label', 'indicator', 'indicatorName', 'name') ?? '';
    const value = number(row, 'value');
    return period !== undefined && value !== undefined ? [{ period, indicator, value }] : [];
  });

  const assessment = (typeof source.assessment === 'object' && source.assessment !== null ? source.assessment : {}) as Row;
  const assessed = rows(assessment.rankings).flatMap((level) => rows(level.units));
  const ranking = (assessed.length > 0 ? assessed : rows(pick('ranking') ?? pick('rankings') ?? pick('scores'))).flatMap((row) => {
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
