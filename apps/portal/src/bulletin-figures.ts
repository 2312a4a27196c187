/**
 * Reads what bulletins carry into the series the charts draw. It reads the analytics service's
 * bulletin (`figures` rows of `{ indicator, label, unitId, regionCode, value }` — the whole scope with
 * `unitId` and `regionCode` empty, a sub-region with only `regionCode`, a unit with `unitId` —, `content.scope` and
 * `content.period`, `assessment.rankings[]` of `{ level, units: [{ unitId, score }] }`), and
 * tolerates other shapes: rows under `content`, `indicators` for `figures`, `scopeName`/`regionName`/
 * `unitName` labels, `trend` rows of `{ period, indicator, value }`, `ranking` or `scores` rows of
 * `{ name, score }`. What the charts draw is exactly these numbers; nothing is recomputed here.
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
  /** The administrative level the units are ranked within ('' when the bulletin does not say). */
  level: string;
  name: string;
  score: number;
}

export interface BulletinFigures {
  /** The regions (or units) inside the bulletin's scope, by indicator. */
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
const record = (value: unknown): Row => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Row) : {});

interface ParsedFigure {
  indicator: string;
  value: number;
  unit: string | undefined;
  regionCode: string | undefined;
  label: string | undefined;
}

function parseFigures(bulletin: Row): ParsedFigure[] {
  const content = record(bulletin.content);
  return rows(bulletin.figures ?? content.figures ?? bulletin.indicators ?? content.indicators).flatMap((row) => {
    const indicator = text(row, 'label', 'indicatorName', 'indicator', 'name', 'code');
    const value = number(row, 'value');
    if (indicator === undefined || value === undefined) return [];
    const unit = text(row, 'unitName') ?? (typeof row.unitId === 'string' && row.unitId !== '' ? row.unitId : undefined);
    return [{ indicator, value, unit, regionCode: text(row, 'regionCode'), label: text(row, 'scopeName', 'regionName') ?? text(row, 'scope', 'level') }];
  });
}

/** A figure of the whole scope: analytics leaves its region (and unit) empty; other shapes name the scope's region. */
const isWholeScope = (row: ParsedFigure, scopeRegion: string | undefined) => row.regionCode === '' || (row.regionCode !== undefined && row.regionCode === scopeRegion);

/** The region code of a bulletin's scope, e.g. 310000 for a city bulletin. */
export function scopeRegionOf(bulletin: unknown): string | undefined {
  const source = record(bulletin);
  return text(record(source.scope ?? record(source.content).scope), 'regionCode');
}

/** The period key of a bulletin (`2026-10`), from `period` or `content.period`, text or `{ key }`. */
export function periodKeyOf(bulletin: unknown): string | undefined {
  const source = record(bulletin);
  const period = source.period ?? record(source.content).period;
  return typeof period === 'string' ? period : text(record(period), 'key');
}

export function bulletinFigures(bulletin: unknown, nameOfRegion: (code: string) => string = (code) => code): BulletinFigures {
  const source = record(bulletin);
  const content = record(source.content);
  const scopeRegion = scopeRegionOf(bulletin);

  const figures = parseFigures(source);
  // The sub-regions of the scope when the bulletin has them (the whole scope's figures belong to the trend);
  // otherwise its units; otherwise whatever rows it has.
  const regional = figures.filter((row) => row.unit === undefined && !isWholeScope(row, scopeRegion));
  const chosen = regional.length > 0 ? regional : figures.some((row) => row.unit) ? figures.filter((row) => row.unit) : figures;
  const byScope = chosen.flatMap((row) => {
    const scope = row.label ?? row.unit ?? (row.regionCode !== undefined ? nameOfRegion(row.regionCode) : undefined);
    return scope === undefined ? [] : [{ indicator: row.indicator, scope, value: row.value }];
  });

  const trend = rows(source.trend ?? content.trend ?? source.trends).flatMap((row) => {
    const period = text(row, 'period', 'month', 'date');
    const indicator = text(row, 'label', 'indicator', 'indicatorName', 'name') ?? '';
    const value = number(row, 'value');
    return period !== undefined && value !== undefined ? [{ period, indicator, value }] : [];
  });

  const assessed = rows(record(source.assessment).rankings).flatMap((level) => rows(level.units).map((unit) => ({ ...unit, level: text(level, 'level') ?? '' })));
  const ranking = (assessed.length > 0 ? assessed : rows(source.ranking ?? source.rankings ?? source.scores ?? content.ranking)).flatMap((row) => {
    const name = text(row, 'name', 'unitName', 'regionName', 'unitId', 'regionCode');
    const score = number(row, 'score', 'value');
    return name !== undefined && score !== undefined ? [{ level: text(row, 'level') ?? '', name, score }] : [];
  });
  return { byScope, trend, ranking };
}

/**
 * The trend of a scope over published bulletins: for each bulletin (oldest period first), the figures
 * of the whole scope, by indicator.
 */
export function trendOver(bulletins: readonly unknown[]): TrendRow[] {
  return bulletins
    .map((bulletin) => ({ bulletin, period: periodKeyOf(bulletin), scope: scopeRegionOf(bulletin) }))
    .filter((entry): entry is { bulletin: unknown; period: string; scope: string | undefined } => entry.period !== undefined)
    .sort((a, b) => a.period.localeCompare(b.period))
    .flatMap(({ bulletin, period, scope }) =>
      parseFigures(record(bulletin))
        .filter((row) => row.unit === undefined && isWholeScope(row, scope))
        .map((row) => ({ period, indicator: row.indicator, value: row.value })),
    );
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
