import { DataState, GenericTable, Page, useLoad } from '../components';
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
