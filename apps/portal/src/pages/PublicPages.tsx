import { useState } from 'react';
import { DataState, Field, GenericTable, Page, useLoad } from '../components';
import { CITY_AND_DISTRICTS } from '../regions';
import { useText } from '../context';

interface Commitment {
  caseId: string;
  unitId: string;
  itemId: string;
  decidedOn: string;
  revoked: boolean;
}

/** 告知承诺 cases decided on a written commitment (cases), and their verification outcomes (supervision, when it has them). */
export function CommitmentsPage() {
  const { t } = useText();
  const [commitments] = useLoad<Commitment[]>('/api/cases/public/commitments');
  const [verifications] = useLoad<unknown>('/api/supervision/public/commitment-verifications');
  return (
    <Page title={t('commitments.heading')}>
      <DataState
        loaded={commitments}
        empty={(rows) => rows.length === 0}
        render={(rows) => (
          <div className="table-wrap">
            <table data-testid="commitments">
              <thead>
                <tr>
                  <th scope="col">{t('commitments.case')}</th>
                  <th scope="col">{t('commitments.unit')}</th>
                  <th scope="col">{t('commitments.item')}</th>
                  <th scope="col">{t('commitments.decidedOn')}</th>
                  <th scope="col">{t('commitments.revoked')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.caseId}>
                    <td>{row.caseId.slice(0, 8)}</td>
                    <td>{row.unitId}</td>
                    <td>{row.itemId.slice(0, 8)}</td>
                    <td>{row.decidedOn}</td>
                    <td>{row.revoked ? t('common.yes') : t('common.no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      />
      <h2>{t('commitments.verifications')}</h2>
      <DataState loaded={verifications} render={(rows) => <GenericTable rows={rows} caption={t('commitments.verifications')} />} />
    </Page>
  );
}

/** 双随机、一公开 results and rating statistics, published by supervision. */
export function InspectionsPage() {
  const { t } = useText();
  const [results] = useLoad<unknown>('/api/supervision/public/inspection-results');
  const [ratings] = useLoad<unknown>('/api/supervision/public/rating-statistics');
  return (
    <Page title={t('inspections.heading')}>
      <DataState loaded={results} render={(rows) => <GenericTable rows={rows} caption={t('inspections.heading')} />} />
      <h2>{t('inspections.ratings')}</h2>
      <DataState loaded={ratings} render={(rows) => <GenericTable rows={rows} caption={t('inspections.ratings')} />} />
    </Page>
  );
}

interface LandingLists {
  batches: { batchId: string; title: string; batchNumber: number; publishedOn: string; projects: unknown[] }[];
}

/** 当年落地: the published same-year project lists of a year and region, and their landing rates (projects). */
export function LandingPage() {
  const { t } = useText();
  const thisYear = new Date(Date.now() + 8 * 3600_000).getUTCFullYear(); // Shanghai's year
  const [year, setYear] = useState(thisYear);
  const [regionCode, setRegionCode] = useState('310000');
  const query = `year=${year}&regionCode=${regionCode}`;
  const [rates] = useLoad<{ targets: unknown[] }>(`/api/projects/public/landing-rates?${query}`);
  const [lists] = useLoad<LandingLists>(`/api/projects/public/landing-lists?${query}`);
  return (
    <Page title={t('landing.heading')}>
      <form className="search" onSubmit={(event) => event.preventDefault()}>
        <Field label={t('landing.year')}>
          <select value={year} onChange={(event) => setYear(Number(event.target.value))}>
            {[thisYear, thisYear - 1, thisYear - 2].map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('catalog.region')}>
          <select value={regionCode} onChange={(event) => setRegionCode(event.target.value)}>
            {CITY_AND_DISTRICTS.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </Field>
      </form>
      <h2>{t('landing.rates')}</h2>
      <DataState loaded={rates} render={(body) => <GenericTable rows={body.targets} caption={t('landing.rates')} />} />
      <h2>{t('landing.lists')}</h2>
      <DataState
        loaded={lists}
        empty={(body) => !Array.isArray(body.batches) || body.batches.length === 0}
        render={(body) => (
          <>
            {body.batches.map((batch) => (
              <GenericTable key={batch.batchId} rows={batch.projects} caption={`${batch.title}（第${batch.batchNumber}批，${batch.publishedOn}）`} />
            ))}
          </>
        )}
      />
    </Page>
  );
}
