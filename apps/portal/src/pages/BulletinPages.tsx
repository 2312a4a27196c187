import { useEffect, useRef } from 'react';
import { DataState, Page, useLoad } from '../components';
import { useText } from '../context';
import { bulletinFigures, seriesByIndicator } from '../bulletin-figures';
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

const periodOf = (bulletin: BulletinSummary): string => {
  const period = bulletin.period ?? bulletin.content?.period;
  return (typeof period === 'string' ? period : period?.key) ?? '—';
};

const listOf = (body: unknown): BulletinSummary[] => {
  const rows = Array.isArray(body) ? body : body && typeof body === 'object' && Array.isArray((body as { items?: unknown }).items) ? (body as { items: unknown[] }).items : [];
  return rows.filter((row): row is BulletinSummary => typeof row === 'object' && row !== null && typeof (row as BulletinSummary).bulletinId === 'string');
};

/** The published bulletins with their digests (analytics: `GET /bulletins`, public). */
export function BulletinListPage() {
  const { t } = useText();
  const [loaded] = useLoad<unknown>('/api/analytics/bulletins');
  return (
    <Page title={t('bulletins.heading')}>
      <DataState loaded={loaded} empty={(body) => listOf(body).length === 0} render={(body) => <BulletinTable bulletins={listOf(body)} />} />
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
  const { t } = useText();
  const [loaded] = useLoad<BulletinSummary & Record<string, unknown>>(`/api/analytics/bulletins/${encodeURIComponent(bulletinId)}`);
  return (
    <DataState
      loaded={loaded}
      render={(bulletin) => {
        const figures = bulletinFigures(bulletin, regionNameOf);
        const byScope = seriesByIndicator(figures.byScope, (row) => row.scope);
        const trend = seriesByIndicator(figures.trend, (row) => row.period);
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
            {figures.byScope.length > 0 && (
              <ChartSection id="by-region" title={t('bulletins.byRegion')} categories={byScope.categories} series={byScope.series} kind="bar" />
            )}
            {figures.trend.length > 0 && <ChartSection id="trend" title={t('bulletins.trend')} categories={trend.categories} series={trend.series} kind="line" />}
            {figures.ranking.length > 0 && (
              <ChartSection
                id="ranking"
                title={t('bulletins.ranking')}
                categories={figures.ranking.map((row) => row.name)}
                series={[{ name: t('bulletins.ranking'), data: figures.ranking.map((row) => row.score) }]}
                kind="bar"
              />
            )}
            {figures.byScope.length + figures.trend.length + figures.ranking.length === 0 && <p className="no-data">{t('common.noData')}</p>}
          </Page>
        );
      }}
    />
  );
}

interface ChartProps {
  id: string;
  title: string;
  categories: string[];
  series: { name: string; data: (number | null)[] }[];
  kind: 'bar' | 'line';
}

function ChartSection({ id, title, categories, series, kind }: ChartProps) {
  const { t } = useText();
  const element = useRef<HTMLDivElement>(null);
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
  }, [categories, series, kind]);
  return (
    <section aria-labelledby={`${id}-heading`} className="chart-section">
      <h2 id={`${id}-heading`}>{title}</h2>
      <div ref={element} className="chart" data-testid={`chart-${id}`} role="img" aria-label={title} />
      <div className="table-wrap">
        <table data-testid={`table-${id}`}>
          <thead>
            <tr>
              <th scope="col">{t('bulletins.scope')}</th>
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
                  <td key={entry.name}>{entry.data[index] ?? '—'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
