import { DataState, GenericTable, Light, Page, useLoad } from '../components';
import { useText } from '../context';
import { BulletinTable, bulletinsOf } from './BulletinPages';

interface CaseSummary {
  caseId: string;
  receiptVoucherNumber: string;
  unitId: string;
  committedDeadline: string | null;
  light: string;
  overdue: boolean;
}

/**
 * Supervisors: overdue cases of their region (cases); findings with their rectifications, the random
 * draws with their published seeds, and ratings (supervision).
 */
export function SupervisionPage() {
  const { t } = useText();
  const [cases] = useLoad<CaseSummary[]>('/api/cases/cases/mine');
  const [findings] = useLoad<unknown>('/api/supervision/findings');
  const [draws] = useLoad<unknown>('/api/supervision/public/plans');
  const [ratings] = useLoad<unknown>('/api/supervision/ratings');
  return (
    <Page title={t('supervision.heading')}>
      <h2>{t('supervision.overdue')}</h2>
      <DataState
        loaded={cases}
        empty={(rows) => !rows.some((row) => row.overdue || row.light === 'red')}
        render={(rows) => (
          <div className="table-wrap">
            <table data-testid="overdue-cases">
              <thead>
                <tr>
                  <th scope="col">{t('workbench.voucher')}</th>
                  <th scope="col">{t('catalog.unit')}</th>
                  <th scope="col">{t('workbench.deadline')}</th>
                  <th scope="col">{t('workbench.light')}</th>
                </tr>
              </thead>
              <tbody>
                {rows
                  .filter((row) => row.overdue || row.light === 'red')
                  .map((row) => (
                    <tr key={row.caseId}>
                      <td>{row.receiptVoucherNumber}</td>
                      <td>{row.unitId}</td>
                      <td>{row.committedDeadline ?? '—'}</td>
                      <td>
                        <Light light={row.light} />
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        )}
      />
      <h2>{t('supervision.findings')}</h2>
      <DataState loaded={findings} render={(rows) => <GenericTable rows={rows} caption={t('supervision.findings')} />} />
      <h2>{t('supervision.draws')}</h2>
      <DataState loaded={draws} render={(rows) => <GenericTable rows={rows} caption={t('supervision.draws')} />} />
      <h2>{t('supervision.ratings')}</h2>
      <DataState loaded={ratings} render={(rows) => <GenericTable rows={rows} caption={t('supervision.ratings')} />} />
    </Page>
  );
}

/**
 * Auditors: the bulletins with their digests, and the verification status of the event chains — which
 * no service answers over HTTP yet (the auditor's command-line tool verifies them), so "no data yet".
 */
export function AuditPage() {
  const { t } = useText();
  const [bulletins] = useLoad<unknown>('/api/analytics/bulletins');
  const [chains] = useLoad<unknown>('/api/analytics/chain-verifications');
  return (
    <Page title={t('audit.heading')}>
      <h2>{t('audit.bulletins')}</h2>
      <DataState loaded={bulletins} empty={(body) => bulletinsOf(body).length === 0} render={(body) => <BulletinTable bulletins={bulletinsOf(body)} />} />
      <h2>{t('audit.chains')}</h2>
      <DataState loaded={chains} render={(rows) => <GenericTable rows={rows} caption={t('audit.chains')} />} />
    </Page>
  );
}
