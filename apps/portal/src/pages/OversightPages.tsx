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

/** What every event-writing service answers at GET /event-log/verification (libs/messaging). */
interface ChainVerification {
  service: string;
  events: number;
  streams: number;
  sealedLog: { entries: number };
  ok: boolean;
  firstProblem?: { streamId?: string; streamVersion?: number; eventId?: string; problem: string };
}

/** The services that write events, each answering for its own chains. */
const EVENT_WRITING_SERVICES = ['catalog', 'cases', 'projects', 'supervision', 'notifications', 'analytics'] as const;

/** Auditors: the bulletins with their digests, and the verification status of every service's event chains. */
export function AuditPage() {
  const { t } = useText();
  const [bulletins] = useLoad<unknown>('/api/analytics/bulletins');
  return (
    <Page title={t('audit.heading')}>
      <h2>{t('audit.bulletins')}</h2>
      <DataState loaded={bulletins} empty={(body) => bulletinsOf(body).length === 0} render={(body) => <BulletinTable bulletins={bulletinsOf(body)} />} />
      <h2>{t('audit.chains')}</h2>
      <div className="table-wrap">
        <table data-testid="chain-status">
          <caption>{t('audit.chains')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.service')}</th>
              <th scope="col">{t('audit.events')}</th>
              <th scope="col">{t('audit.streams')}</th>
              <th scope="col">{t('audit.sealedEntries')}</th>
              <th scope="col">{t('audit.status')}</th>
              <th scope="col">{t('audit.firstProblem')}</th>
            </tr>
          </thead>
          <tbody>
            {EVENT_WRITING_SERVICES.map((service) => (
              <ChainStatusRow key={service} service={service} />
            ))}
          </tbody>
        </table>
      </div>
    </Page>
  );
}

/** One service's row: each service verifies its own history, so one slow or absent service holds up only its row. */
function ChainStatusRow({ service }: { service: (typeof EVENT_WRITING_SERVICES)[number] }) {
  const { t, tv } = useText();
  const [loaded] = useLoad<ChainVerification>(`/api/${service}/event-log/verification`);
  const name = <th scope="row">{tv('audit.service', service)}</th>;
  if (loaded.state !== 'ok') {
    const message = loaded.state === 'loading' ? t('common.loading') : loaded.state === 'missing' ? t('common.noDataYet') : `${t('common.error')}: ${loaded.status} ${loaded.message}`;
    return (
      <tr data-service={service}>
        {name}
        <td colSpan={5} aria-busy={loaded.state === 'loading'}>
          {message}
        </td>
      </tr>
    );
  }
  const { data } = loaded;
  const problem = data.firstProblem;
  return (
    <tr data-service={service} data-ok={String(data.ok)}>
      {name}
      <td>{data.events}</td>
      <td>{data.streams}</td>
      <td>{data.sealedLog.entries}</td>
      <td className={data.ok ? 'chain-ok' : 'chain-broken'}>{data.ok ? t('audit.ok') : t('audit.notOk')}</td>
      <td>{problem ? `${problem.streamId ?? ''}${problem.streamVersion === undefined ? '' : ` v${problem.streamVersion}`} ${problem.eventId ?? ''}: ${problem.problem}` : '—'}</td>
    </tr>
  );
}
