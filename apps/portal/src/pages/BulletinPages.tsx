import { useEffect, useRef, useState } from 'react';
import { load } from '../api';
import { DataState, Page, useLoad } from '../components';
import { useText } from '../context';
import { bulletinFigures, periodKeyOf, scopeRegionOf, seriesByIndicator, trendOver, type TrendRow } from '../bulletin-figures';
import { regionNameOf } from '../regions';
import type { ChartOption } from '../charts';

interface BulletinSummary {
  bulletinId: string;
  title?: string;
  /** The analytics service sends `{ kind, key, startOn, endOn }`; a plain text is read as well. */
  period?: string | { key?: string };
  publishedAt?: string;
  digest?: string;
  content?: { period?: { key?: string } };
}

const periodOf = (bulletin: BulletinSummary): string => periodKeyOf(bulletin) ?? '—';

/** Bulletins kept for a trend: the latest of the same scope and kind of period. */
const TREND_BULLETINS = 12;

/** The trend of a bulletin's scope over the published bulletins of the same scope and kind of period. */
function useTrend(bulletin: unknown): TrendRow[] {
  const [trend, setTrend] = useState<TrendRow[]>([]);
  useEffect(() => {
    if (!bulletin) return;
    let current = true;
    const kindOf = (entry: unknown) => {
      const source = (entry ?? {}) as { period?: { kind?: string }; content?: { period?: { kind?: string } } };
      return (source.period ?? source.content?.period)?.kind;
    };
    void (async () => {
      const list = await load<unknown[]>('/api/analytics/bulletins?limit=200');
      if (list.state !== 'ok' || !Array.isArray(list.data)) return;
      const peers = bulletinsOf(list.data)
        .filter((entry) => scopeRegionOf(entry) === scopeRegionOf(bulletin) && kindOf(entry) === kindOf(bulletin))
        .slice(0, TREND_BULLETINS);
      const details = await Promise.all(peers.map((entry) => load<unknown>(`/api/analytics/bulletins/${encodeURIComponent(entry.bulletinId)}`)));
      if (current) setTrend(trendOver(details.flatMap((detail) => (detail.state === 'ok' ? [detail.data] : []))));
    })();
    return () => {
      current = false;
    };
  }, [bulletin]);
  return trend;
}

/** The bulletins of a list answer (an array, or `{ items }`). */
export const bulletinsOf = (body: unknown): BulletinSummary[] => {
  const rows = Array.isArray(body) ? body : body && typeof body === 'object' && Array.isArray((body as { items?: unknown }).items) ? (body as { items: unknown[] }).items : [];
  return rows.filter((row): row is BulletinSummary => typeof row === 'object' && row !== null && typeof (row as BulletinSummary).bulletinId === 'string');
};

/** The published bulletins with their digests (analytics: `GET /bulletins`, public). */
export function BulletinListPage() {
  const { t } = useText();
  const [loaded] = useLoad<unknown>('/api/analytics/bulletins');
  return (
    <Page title={t('bulletins.heading')}>
      <DataState loaded={loaded} empty={(body) => bulletinsOf(body).length === 0} render={(body) => <BulletinTable bulletins={bulletinsOf(body)} />} />
    </Page>
  );
}

export function BulletinTable({ bulletins }: { bulletins: BulletinSummary[] }) {
  const { t } = useText();
  return (
    <div className="table-wrap">
      <table data-testid="bulletins">
        <thead>
          <tr>
            <th scope="col">{t('bulletins.title')}</th>
            <th scope="col">{t('bulletins.period')}</th>
            <th scope="col">{t('bulletins.published')}</th>
            <th scope="col">{t('bulletins.digest')}</th>
          </tr>
        </thead>
        <tbody>
          {bulletins.map((bulletin) => (
            <tr key={bulletin.bulletinId}>
              <td>
                <a href={`#/bulletins/${encodeURIComponent(bulletin.bulletinId)}`}>{bulletin.title ?? bulletin.bulletinId}</a>
              </td>
              <td>{periodOf(bulletin)}</td>
              <td>{bulletin.publishedAt ?? '—'}</td>
              <td>
                <code className="digest">{bulletin.digest ?? '—'}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One bulletin: its digest, and its figures as charts, each with the same numbers in a table beneath. */
export function BulletinPage({ bulletinId }: { bulletinId: string }) {
  const [loaded] = useLoad<BulletinSummary & Record<string, unknown>>(`/api/analytics/bulletins/${encodeURIComponent(bulletinId)}`);
  const trend = useTrend(loaded.state === 'ok' ? loaded.data : undefined);
  return <DataState loaded={loaded} render={(bulletin) => <BulletinView bulletin={bulletin} bulletinId={bulletinId} trendRows={trend} />} />;
}

function BulletinView({ bulletin, bulletinId, trendRows }: { bulletin: BulletinSummary & Record<string, unknown>; bulletinId: string; trendRows: TrendRow[] }) {
  const { t, tv } = useText();
  // Units and the regions they serve are named in the public catalog (towns and villages too).
  const [units] = useLoad<{ unitId: string; name: string; regionCode: string; regionName: string }[]>('/api/catalog/public/units');
  const unitList = units.state === 'ok' && Array.isArray(units.data) ? units.data : [];
  const unitNames = new Map(unitList.map((unit) => [unit.unitId, unit.name]));
  const regionNames = new Map(unitList.map((unit) => [unit.regionCode, unit.regionName]));
  const figures = bulletinFigures(bulletin, (code) => regionNames.get(code) ?? regionNameOf(code));
  const byScope = seriesByIndicator(figures.byScope, (row) => row.scope);
  const trendSource = trendRows.length > 0 ? trendRows : figures.trend;
  const trend = seriesByIndicator(trendSource, (row) => row.period);
  const levels = [...new Set(figures.ranking.map((row) => row.level))];
  return (
    <Page title={bulletin.title ?? bulletinId}>
      <p>
        <a href="#/bulletins">{t('common.back')}</a>
      </p>
      <dl className="facts">
        <dt>{t('bulletins.period')}</dt>
        <dd>{periodOf(bulletin)}</dd>
        <dt>{t('bulletins.published')}</dt>
        <dd>{bulletin.publishedAt ?? '—'}</dd>
        <dt>{t('bulletins.digest')}</dt>
        <dd>
          <code className="digest" data-testid="bulletin-digest">
            {bulletin.digest ?? '—'}
          </code>
        </dd>
      </dl>
      {figures.byScope.length > 0 && <ChartSection id="by-region" title={t('bulletins.byRegion')} categories={byScope.categories} series={byScope.series} kind="bar" />}
      {trendSource.length > 0 && (
        <ChartSection id="trend" title={t('bulletins.trend')} categories={trend.categories} series={trend.series} kind="line" categoryLabel={t('bulletins.period')} />
      )}
      {levels.map((level) => {
        const rows = figures.ranking.filter((row) => row.level === level);
        return (
          <ChartSection
            key={level}
            id={`ranking${level ? `-${level}` : ''}`}
            title={level ? `${t('bulletins.ranking')}（${tv('level', level)}）` : t('bulletins.ranking')}
            categories={rows.map((row) => unitNames.get(row.name) ?? row.name)}
            categoryLabel={t('catalog.unit')}
            series={[{ name: t('bulletins.ranking'), data: rows.map((row) => row.score) }]}
            kind="bar"
          />
        );
      })}
      {figures.byScope.length + trendSource.length + figures.ranking.length === 0 && <p className="no-data">{t('common.noData')}</p>}
    </Page>
  );
}

/** A figure for reading: at most four decimals (the chart and the API keep every digit). */
const formatFigure = (value: number | null | undefined): string => (typeof value === 'number' ? String(Number(value.toFixed(4))) : '—');

interface ChartProps {
  id: string;
  title: string;
  /** The heading of the table's first column: what the categories are. */
  categoryLabel?: string;
  categories: string[];
  series: { name: string; data: (number | null)[] }[];
  kind: 'bar' | 'line';
}

function ChartSection({ id, title, categories, series, kind, categoryLabel }: ChartProps) {
  const { t } = useText();
  const element = useRef<HTMLDivElement>(null);
  // Redraw only when the numbers change, not on every render of the page.
  const drawn = JSON.stringify({ categories, series, kind });
  useEffect(() => {
    let dispose: (() => void) | undefined;
    let cancelled = false;
    const option: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 48 },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value' },
      series: series.map((entry) => ({ name: entry.name, type: kind, data: entry.data })),
    };
    void import('../charts').then(({ drawChart }) => {
      if (!cancelled && element.current) dispose = drawChart(element.current, option);
    });
    return () => {
      cancelled = true;
      dispose?.();
    };
  }, [drawn]); // `drawn` stands for categories, series and kind
  return (
    <section aria-labelledby={`${id}-heading`} className="chart-section">
      <h2 id={`${id}-heading`}>{title}</h2>
      <div ref={element} className="chart" data-testid={`chart-${id}`} role="img" aria-label={title} />
      <div className="table-wrap">
        <table data-testid={`table-${id}`}>
          <thead>
            <tr>
              <th scope="col">{categoryLabel ?? t('bulletins.scope')}</th>
              {series.map((entry) => (
                <th key={entry.name} scope="col">
                  {entry.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((category, index) => (
              <tr key={category}>
                <th scope="row">{category}</th>
                {series.map((entry) => (
                  <td key={entry.name}>{formatFigure(entry.data[index])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
