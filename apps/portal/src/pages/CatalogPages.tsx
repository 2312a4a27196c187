import { useState, type FormEvent, type ReactNode } from 'react';
import { call, messageOf, newIdempotencyKey } from '../api';
import { DataState, Field, Page, useLoad } from '../components';
import { usePortal, useText } from '../context';
import { CITY_AND_DISTRICTS } from '../regions';
import { navigate } from '../router';
import { hasRole } from '../session';

interface ItemSummary {
  itemId: string;
  name: string;
  kind: string;
  level: string;
  regionName: string;
  unitName: string;
  statutoryLimitDays: number | null;
  committedLimitDays: number | null;
  batchNumber: number;
  publishedOn: string;
}
interface ItemPage {
  total: number;
  page: number;
  pageSize: number;
  items: ItemSummary[];
}
interface Version {
  change: string;
  revision: number;
  decidedOn: string;
  effectiveOn: string;
  batchNumber: number | null;
  approvalReference: string | null;
  reason: string | null;
  definition: { name: string; legalBasis?: string; approvalSteps?: string[]; requiredMaterials?: { materialId: string; name: string }[]; committedLimitDays?: number | null; statutoryLimitDays?: number | null };
}
interface ItemDetail {
  itemId: string;
  status: string;
  unitName: string;
  regionName: string;
  level: string;
  current: Version;
  versions: Version[];
}

const KINDS = ['on_the_spot', 'advance_service', 'same_year'];
const LEVELS = ['city', 'district', 'town', 'village'];
const PAGE_SIZE = 20;

/** The public catalogs: search in Chinese by keyword, catalog and level. */
export function CatalogSearchPage() {
  const { t, tv } = useText();
  const [form, setForm] = useState({ q: '', kind: '', level: '', regionCode: '' });
  const [query, setQuery] = useState({ q: '', kind: '', level: '', regionCode: '', page: 1 });
  const params = new URLSearchParams({ page: String(query.page), pageSize: String(PAGE_SIZE) });
  for (const key of ['q', 'kind', 'level', 'regionCode'] as const) if (query[key]) params.set(key, query[key]);
  const [loaded] = useLoad<ItemPage>(`/api/catalog/public/items?${params}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery({ ...form, q: form.q.trim(), page: 1 });
  };

  return (
    <Page title={t('catalog.heading')}>
      <form role="search" className="search" onSubmit={submit}>
        <Field label={t('catalog.keyword')}>
          <input name="q" type="search" value={form.q} placeholder={t('catalog.keywordHint')} onChange={(event) => setForm({ ...form, q: event.target.value })} />
        </Field>
        <Field label={t('catalog.kind')}>
          <select name="kind" value={form.kind} onChange={(event) => setForm({ ...form, kind: event.target.value })}>
            <option value="">{t('catalog.all')}</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {tv('kind', kind)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('catalog.level')}>
          <select name="level" value={form.level} onChange={(event) => setForm({ ...form, level: event.target.value })}>
            <option value="">{t('catalog.all')}</option>
            {LEVELS.map((level) => (
              <option key={level} value={level}>
                {tv('level', level)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('catalog.region')}>
          <select name="regionCode" value={form.regionCode} onChange={(event) => setForm({ ...form, regionCode: event.target.value })}>
            <option value="">{t('catalog.all')}</option>
            {CITY_AND_DISTRICTS.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit">{t('common.search')}</button>
      </form>
      <DataState
        loaded={loaded}
        render={(page) => (
          <>
            <p aria-live="polite" data-testid="catalog-total">
              {t('catalog.results', { total: page.total })}
            </p>
            {page.items.length > 0 && (
              <div className="table-wrap">
                <table data-testid="catalog-results">
                  <caption className="visually-hidden">{t('catalog.heading')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('catalog.name')}</th>
                      <th scope="col">{t('catalog.kind')}</th>
                      <th scope="col">{t('catalog.unit')}</th>
                      <th scope="col">{t('catalog.region')}</th>
                      <th scope="col">{t('catalog.committed')}</th>
                      <th scope="col">{t('catalog.statutory')}</th>
                      <th scope="col">{t('catalog.batch')}</th>
                      <th scope="col">{t('catalog.published')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((item) => (
                      <tr key={item.itemId}>
                        <td>
                          <a href={`#/catalog/${item.itemId}`}>{item.name}</a>
                        </td>
                        <td>{tv('kind', item.kind)}</td>
                        <td>{item.unitName}</td>
                        <td>{item.regionName}</td>
                        <td>{item.committedLimitDays ?? '—'}</td>
                        <td>{item.statutoryLimitDays ?? '—'}</td>
                        <td>{item.batchNumber}</td>
                        <td>{item.publishedOn}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Pager page={page.page} total={page.total} pageSize={page.pageSize} onPage={(next) => setQuery({ ...query, page: next })} />
          </>
        )}
      />
    </Page>
  );
}

function Pager({ page, total, pageSize, onPage }: { page: number; total: number; pageSize: number; onPage: (page: number) => void }) {
  const { t } = useText();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('common.page', { page, pages, total })}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('common.previous')}
      </button>
      <span>{t('common.page', { page, pages, total })}</span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('common.next')}
      </button>
    </nav>
  );
}

/** One item: what is in force now and every version it has had (its history). */
export function CatalogItemPage({ itemId }: { itemId: string }) {
  const { t, tv } = useText();
  const [loaded] = useLoad<ItemDetail>(`/api/catalog/public/items/${encodeURIComponent(itemId)}`);
  return (
    <DataState
      loaded={loaded}
      render={(item) => (
        <Page title={item.current.definition.name}>
          <p>
            <a href="#/">{t('common.back')}</a>
          </p>
          {item.status === 'withdrawn' && <p className="notice">{t('catalog.withdrawn')}</p>}
          <dl className="facts">
            <dt>{t('catalog.unit')}</dt>
            <dd>{item.unitName}</dd>
            <dt>{t('catalog.region')}</dt>
            <dd>
              {item.regionName}（{tv('level', item.level)}）
            </dd>
            <dt>{t('catalog.committed')}</dt>
            <dd>{item.current.definition.committedLimitDays ?? '—'}</dd>
            <dt>{t('catalog.statutory')}</dt>
            <dd>{item.current.definition.statutoryLimitDays ?? '—'}</dd>
            <dt>{t('catalog.steps')}</dt>
            <dd>{(item.current.definition.approvalSteps ?? []).join(' → ') || '—'}</dd>
            <dt>{t('catalog.legalBasis')}</dt>
            <dd>{item.current.definition.legalBasis ?? '—'}</dd>
            <dt>{t('catalog.materials')}</dt>
            <dd>
              <ul>
                {(item.current.definition.requiredMaterials ?? []).map((material) => (
                  <li key={material.materialId}>{material.name}</li>
                ))}
              </ul>
            </dd>
          </dl>
          {item.status !== 'withdrawn' && <ApplyOnlineForm itemId={item.itemId} materials={item.current.definition.requiredMaterials ?? []} />}
          <h2>{t('catalog.history')}</h2>
          <div className="table-wrap">
            <table data-testid="item-history">
              <thead>
                <tr>
                  <th scope="col">{t('catalog.revision')}</th>
                  <th scope="col">{t('catalog.change')}</th>
                  <th scope="col">{t('catalog.name')}</th>
                  <th scope="col">{t('catalog.decidedOn')}</th>
                  <th scope="col">{t('catalog.effectiveOn')}</th>
                  <th scope="col">{t('catalog.batch')}</th>
                  <th scope="col">{t('catalog.reference')}</th>
                  <th scope="col">{t('catalog.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {item.versions.map((version) => (
                  <tr key={`${version.revision}-${version.change}`}>
                    <td>{version.revision}</td>
                    <td>{tv('change', version.change)}</td>
                    <td>{version.definition.name}</td>
                    <td>{version.decidedOn}</td>
                    <td>{version.effectiveOn}</td>
                    <td>{version.batchNumber ?? '—'}</td>
                    <td>{version.approvalReference ?? '—'}</td>
                    <td>{version.reason ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Page>
      )}
    />
  );
}

/** 网上申报 for a signed-in applicant: the materials they submit (all of the item's, unless unticked); pre-review follows at the unit. */
function ApplyOnlineForm({ itemId, materials }: { itemId: string; materials: { materialId: string; name: string }[] }) {
  const { t } = useText();
  const { session } = usePortal();
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<ReactNode>(null);
  const [key] = useState(newIdempotencyKey);
  if (!hasRole(session, 'applicant')) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const submitted = materials.filter((material) => !unticked.has(material.materialId)).map(({ materialId, name }) => ({ materialId, name, copies: 1 }));
    const answer = await call<{ caseId: string }>('POST', '/api/cases/online-applications', { itemId, materials: submitted }, { idempotencyKey: `${key}:${submitted.map((material) => material.materialId).join(',')}` });
    if (answer.ok) navigate(`/workbench/case/${answer.body.caseId}`);
    else setOutcome(<span role="alert">{messageOf(answer.body)}</span>);
  };
  const toggle = (materialId: string) => {
    const next = new Set(unticked);
    if (!next.delete(materialId)) next.add(materialId);
    setUnticked(next);
  };

  return (
    <form className="panel" onSubmit={submit} data-testid="apply-online" aria-label={t('catalog.applyOnline')}>
      <h2>{t('catalog.applyOnline')}</h2>
      <fieldset>
        <legend>{t('catalog.materialsSubmitted')}</legend>
        {materials.map((material) => (
          <label key={material.materialId}>
            <input type="checkbox" checked={!unticked.has(material.materialId)} onChange={() => toggle(material.materialId)} /> {material.name}
          </label>
        ))}
      </fieldset>
      <button type="submit">{t('catalog.applyOnline')}</button>
      <p aria-live="polite">{outcome}</p>
    </form>
  );
}
