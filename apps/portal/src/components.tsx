import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { load, type Loaded } from './api';
import { useText } from './context';

/** Loads `path` (again when it changes, or on `reload()`); undefined path = nothing to load. */
export function useLoad<T>(path: string | undefined): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (!path) return;
    let current = true;
    setLoaded({ state: 'loading' });
    void load<T>(path).then((result) => current && setLoaded(result));
    return () => {
      current = false;
    };
  }, [path, generation]);
  return [loaded, useCallback(() => setGeneration((value) => value + 1), [])];
}

/** A page: its heading takes the focus when the page opens, so keyboard and screen-reader users start there. */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    document.title = title;
  }, [title]);
  return (
    <section aria-labelledby="page-heading">
      <h1 id="page-heading" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </section>
  );
}

/** Shows loading, "no data yet", an error, or the data through `render`. */
export function DataState<T>({ loaded, render, empty }: { loaded: Loaded<T>; render: (data: T) => ReactNode; empty?: (data: T) => boolean }) {
  const { t } = useText();
  if (loaded.state === 'loading') return <p aria-busy="true">{t('common.loading')}</p>;
  if (loaded.state === 'missing') return <p className="no-data" data-testid="no-data">{t('common.noDataYet')}</p>;
  if (loaded.state === 'error')
    return (
      <p role="alert" className="error">
        {t('common.error')}: {loaded.status} {loaded.message}
      </p>
    );
  if (empty?.(loaded.data)) return <p className="no-data">{t('common.noData')}</p>;
  return <>{render(loaded.data)}</>;
}

/** A table of whatever rows an endpoint answers: its plain fields as columns. For services whose answers the portal does not know in detail. */
export function GenericTable({ rows, caption }: { rows: unknown; caption: string }) {
  const { t } = useText();
  const list = Array.isArray(rows) ? rows : rows && typeof rows === 'object' && Array.isArray((rows as { items?: unknown }).items) ? (rows as { items: unknown[] }).items : [];
  const records = list.filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null);
  if (records.length === 0) return <p className="no-data">{t('common.noData')}</p>;
  const columns = [...new Set(records.flatMap((row) => Object.keys(row).filter((key) => ['string', 'number', 'boolean'].includes(typeof row[key]))))].slice(0, 8);
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {records.slice(0, 200).map((row, index) => (
            <tr key={index}>
              {columns.map((column) => (
                <td key={column}>{typeof row[column] === 'boolean' ? (row[column] ? t('common.yes') : t('common.no')) : String(row[column] ?? '')}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A deadline light: a coloured dot with its meaning in words (colour is never the only signal). */
export function Light({ light }: { light: string }) {
  const { tv } = useText();
  return (
    <span className={`light light-${light}`} data-light={light}>
      <span className="dot" aria-hidden="true" />
      {tv('light', light)}
    </span>
  );
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field">
      <span>{label}</span>
      {children}
    </label>
  );
}
