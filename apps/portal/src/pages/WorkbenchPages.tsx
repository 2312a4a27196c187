import { useState, type FormEvent, type ReactNode } from 'react';
import { call, messageOf, newIdempotencyKey } from '../api';
import { DataState, Field, Light, Page, useLoad } from '../components';
import { useText, usePortal } from '../context';
import { navigate } from '../router';
import { hasRole } from '../session';

interface CaseSummary {
  caseId: string;
  itemId: string;
  receiptVoucherNumber: string;
  status: string;
  pendingStep: string | null;
  committedDeadline: string | null;
  workingDaysLeft: number | null;
  light: string;
}

/** Staff's open cases with their deadline lights; clerks receive new applications here. */
export function WorkbenchPage() {
  const { t, tv } = useText();
  const { session } = usePortal();
  const [loaded, reload] = useLoad<CaseSummary[]>('/api/cases/cases/mine');
  return (
    <Page title={t('workbench.heading')}>
      {hasRole(session, 'clerk') && <ReceiveForm onReceived={reload} />}
      <DataState
        loaded={loaded}
        empty={(rows) => rows.length === 0}
        render={(rows) => (
          <div className="table-wrap">
            <table data-testid="my-cases">
              <thead>
                <tr>
                  <th scope="col">{t('workbench.voucher')}</th>
                  <th scope="col">{t('workbench.status')}</th>
                  <th scope="col">{t('workbench.step')}</th>
                  <th scope="col">{t('workbench.deadline')}</th>
                  <th scope="col">{t('workbench.daysLeft')}</th>
                  <th scope="col">{t('workbench.light')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.caseId} data-case-id={row.caseId}>
                    <td>
                      <a href={`#/workbench/case/${row.caseId}`}>{row.receiptVoucherNumber || row.caseId.slice(0, 8)}</a>
                    </td>
                    <td>{tv('status', row.status)}</td>
                    <td>{row.pendingStep ? tv('step', row.pendingStep) : '—'}</td>
                    <td>{row.committedDeadline ?? '—'}</td>
                    <td>{row.workingDaysLeft ?? '—'}</td>
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
      {hasRole(session, 'clerk', 'reviewer', 'decider', 'unit_admin') && <AssistanceInbox />}
    </Page>
  );
}

interface IncomingAssistanceRequest {
  requestId: string;
  caseId: string;
  fromUnitId: string;
  question: string;
  dueOn: string;
  overdue: boolean;
}

/** 行政协助: the requests the staff member's unit was asked and has not answered yet; each opens its case to answer it. */
function AssistanceInbox() {
  const { t } = useText();
  const [loaded] = useLoad<IncomingAssistanceRequest[]>('/api/cases/assistance-requests');
  return (
    <>
      <h2>{t('workbench.assistanceInbox')}</h2>
      <DataState
        loaded={loaded}
        empty={(rows) => rows.length === 0}
        render={(rows) => (
          <div className="table-wrap">
            <table data-testid="assistance-inbox">
              <thead>
                <tr>
                  <th scope="col">{t('workbench.assistanceCase')}</th>
                  <th scope="col">{t('workbench.assistanceFrom')}</th>
                  <th scope="col">{t('case.question')}</th>
                  <th scope="col">{t('case.dueOn')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.requestId} data-request-id={row.requestId}>
                    <td>
                      <a href={`#/workbench/case/${row.caseId}`}>{row.caseId.slice(0, 8)}</a>
                    </td>
                    <td>{row.fromUnitId}</td>
                    <td>{row.question}</td>
                    <td>
                      {row.dueOn}
                      {row.overdue && <strong className="overdue"> {t('workbench.assistanceOverdue')}</strong>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      />
    </>
  );
}

interface PublishedItem {
  itemId: string;
  name: string;
}

/** Receipt at the window: an item of the clerk's unit, the applicant, the badge; the materials of the item are listed on the voucher. */
function ReceiveForm({ onReceived }: { onReceived: () => void }) {
  const { t } = useText();
  const { session } = usePortal();
  const unitId = session?.user.unitId ?? '';
  const [items] = useLoad<{ items: PublishedItem[] }>(`/api/catalog/public/items?unitId=${encodeURIComponent(unitId)}&pageSize=100`);
  const [form, setForm] = useState({ itemId: '', applicantId: '', badge: '' });
  const [outcome, setOutcome] = useState<ReactNode>(null);
  const [key] = useState(newIdempotencyKey);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const itemId = form.itemId || (items.state === 'ok' ? items.data.items[0]?.itemId : '') || '';
    const detail = await call<{ current: { definition: { requiredMaterials: { materialId: string; name: string }[] } } }>('GET', `/api/catalog/public/items/${itemId}`);
    const materials = detail.ok ? detail.body.current.definition.requiredMaterials.map((material) => ({ materialId: material.materialId, name: material.name, copies: 1 })) : [];
    const answer = await call<{ caseId: string; receiptVoucher: { number: string } }>(
      'POST',
      '/api/cases/cases',
      { itemId, applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId: form.applicantId.trim() }, channel: 'CHANNEL_WINDOW', materials, badge: form.badge.trim() },
      { idempotencyKey: `${key}:${itemId}:${form.applicantId}` },
    );
    if (answer.ok) {
      setOutcome(<span role="status">{t('workbench.received', { voucher: answer.body.receiptVoucher.number })}</span>);
      onReceived();
      navigate(`/workbench/case/${answer.body.caseId}`);
    } else setOutcome(<span role="alert">{messageOf(answer.body)}</span>);
  };

  return (
    <details className="panel">
      <summary>{t('workbench.receive')}</summary>
      <form onSubmit={submit} data-testid="receive-form">
        <Field label={t('workbench.item')}>
          <select name="itemId" value={form.itemId} onChange={(event) => setForm({ ...form, itemId: event.target.value })} required={false}>
            {items.state === 'ok' &&
              items.data.items.map((item) => (
                <option key={item.itemId} value={item.itemId}>
                  {item.name}
                </option>
              ))}
          </select>
        </Field>
        <Field label={t('workbench.applicant')}>
          <input name="applicantId" required value={form.applicantId} onChange={(event) => setForm({ ...form, applicantId: event.target.value })} />
        </Field>
        <Field label={t('workbench.badge')}>
          <input name="badge" required value={form.badge} onChange={(event) => setForm({ ...form, badge: event.target.value })} />
        </Field>
        <button type="submit">{t('common.submit')}</button>
        <p aria-live="polite">{outcome}</p>
      </form>
    </details>
  );
}

interface CaseState {
  caseId: string;
  status: string;
  itemId: string;
  unitId: string;
  applicantId: string;
  receivedOn: string;
  acceptedOn: string;
  committedDeadline: string;
  statutoryDeadline: string;
  responsibleUserId: string;
  firstAskedUserId: string;
  approvalSteps: string[];
  completedSteps: { step: string; userId?: string }[];
  supplementRequests: number;
  suspensions: { reason: string; start: string; end?: string }[];
  openSuspension?: { reason: string; start: string };
  documents: { documentId: string; delivered: boolean }[];
  assistance: { requestId: string; toUnitId: string; question: string; dueOn: string; answered: boolean; opinion: string }[];
  decision?: string;
  version: number;
  pendingStep: string | null;
  allowedActions: string[];
}

const SUSPENSION_REASONS = ['HEARING', 'TENDER', 'AUCTION', 'INSPECTION', 'TESTING', 'QUARANTINE', 'APPRAISAL', 'EXPERT_REVIEW'].map((reason) => `SUSPENSION_REASON_${reason}`);
const DELIVERY_METHODS = ['DELIVERY_METHOD_IN_PERSON', 'DELIVERY_METHOD_POST', 'DELIVERY_METHOD_ELECTRONIC'];

/** One case: where it stands, and a form for each action the case and the person's role allow. */
export function CasePage({ caseId }: { caseId: string }) {
  const { t, tv } = useText();
  const { session } = usePortal();
  const [loaded, reload] = useLoad<CaseState>(`/api/cases/cases/${encodeURIComponent(caseId)}`);
  const [message, setMessage] = useState<ReactNode>(null);

  const send = async (url: string, body: Record<string, unknown>, expectedVersion: number) => {
    const answer = await call('POST', url, { ...body, expectedVersion }, { idempotencyKey: newIdempotencyKey() });
    if (answer.ok) setMessage(<span role="status">{t('common.done')}</span>);
    else setMessage(<span role="alert">{answer.status === 409 ? t('case.conflict') : messageOf(answer.body)}</span>);
    reload();
  };
  const act = (path: string, body: Record<string, unknown>, expectedVersion: number) => send(`/api/cases/cases/${caseId}/${path}`, body, expectedVersion);
  /** The steps of an application submitted online, before it becomes an ordinary case at the window. */
  const actOnline = (path: string, body: Record<string, unknown>, expectedVersion: number) =>
    send(`/api/cases/online-applications/${caseId}/${path}`, body, expectedVersion);

  return (
    <DataState
      loaded={loaded}
      render={(state) => {
        const can = (action: string, ...roles: string[]) => state.allowedActions.includes(action) && hasRole(session, ...roles);
        const lastStep = state.pendingStep !== null && state.approvalSteps[state.approvalSteps.length - 1] === state.pendingStep;
        const stepRole = { APPROVAL_STEP_HANDLE: 'clerk', APPROVAL_STEP_REVIEW: 'reviewer', APPROVAL_STEP_DECIDE: 'decider' }[state.pendingStep ?? ''] ?? '';
        const mine = session?.user.unitId === state.unitId;
        const askedOfMyUnit = state.assistance.filter((request) => request.toUnitId === session?.user.unitId && !request.answered);
        return (
          <Page title={`${t('case.heading')} ${state.caseId.slice(0, 8)}`}>
            <p>
              <a href="#/workbench">{t('common.back')}</a>
            </p>
            <dl className="facts" data-testid="case-facts">
              <dt>{t('case.status')}</dt>
              <dd data-testid="case-status" data-status={state.status}>
                {tv('status', state.status)}
              </dd>
              <dt>{t('case.pendingStep')}</dt>
              <dd>{state.pendingStep ? tv('step', state.pendingStep) : '—'}</dd>
              <dt>{t('case.steps')}</dt>
              <dd>{state.completedSteps.map((step) => tv('step', step.step)).join(' → ') || '—'}</dd>
              <dt>{t('case.decision')}</dt>
              <dd data-testid="case-decision">{state.decision ?? '—'}</dd>
              <dt>{t('case.applicant')}</dt>
              <dd>{state.applicantId}</dd>
              <dt>{t('case.receivedOn')}</dt>
              <dd>{state.receivedOn || '—'}</dd>
              <dt>{t('case.acceptedOn')}</dt>
              <dd>{state.acceptedOn || '—'}</dd>
              <dt>{t('case.committedDeadline')}</dt>
              <dd>{state.committedDeadline || '—'}</dd>
              <dt>{t('case.statutoryDeadline')}</dt>
              <dd>{state.statutoryDeadline || '—'}</dd>
              <dt>{t('case.responsible')}</dt>
              <dd>
                {state.firstAskedUserId} / {state.responsibleUserId}
              </dd>
            </dl>
            <p aria-live="polite" className="outcome">
              {message}
            </p>
            <h2>{t('case.actions')}</h2>
            {mine && can('pre-review', 'clerk') && (
              <ActionForm title={t('case.preReviewComplete')} testId="pre-review" onSubmit={() => actOnline('pre-review', { outcome: 'complete' }, state.version)} />
            )}
            {mine && can('accept-at-window', 'clerk') && (
              <ActionForm
                title={t('case.acceptAtWindow')}
                testId="accept-at-window"
                fields={{ badge: t('workbench.badge') }}
                onSubmit={(values) => actOnline('window-acceptance', values, state.version)}
              />
            )}
            {mine && can('accept', 'clerk') && (
              <ActionForm title={t('case.accept')} testId="accept" onSubmit={() => act('acceptance', {}, state.version)} />
            )}
            {mine && can('refuse-acceptance', 'clerk') && (
              <ActionForm title={t('case.refuse')} testId="refuse" fields={{ reason: t('case.reason'), legalBasis: t('case.legalBasis') }} onSubmit={(values) => act('acceptance-refusal', values, state.version)} />
            )}
            {mine && can('request-supplement', 'clerk') && <SupplementForm onSubmit={(missing) => act('supplement-requests', { missingMaterials: missing }, state.version)} />}
            {mine && can('complete-step', stepRole) && (
              <StepForm step={state.pendingStep ?? ''} decides={lastStep} onSubmit={(body) => act('steps', { ...body, step: state.pendingStep }, state.version)} />
            )}
            {mine && can('suspend-clock', 'clerk') && (
              <ActionForm
                title={t('case.suspend')}
                testId="suspend"
                fields={{ description: t('case.description') }}
                choice={{ name: 'reason', label: t('case.suspendReason'), options: SUSPENSION_REASONS.map((reason) => [reason, tv('reason', reason)]) }}
                onSubmit={(values) => act('suspensions', { ...values, applicantNotified: true }, state.version)}
              />
            )}
            {mine && can('resume-clock', 'clerk') && <ActionForm title={t('case.resume')} testId="resume" onSubmit={() => act('resumption', {}, state.version)} />}
            {mine && can('issue-document', 'clerk') && (
              <ActionForm title={t('case.issue')} testId="issue" fields={{ documentNumber: t('case.documentNumber') }} onSubmit={(values) => act('documents', values, state.version)} />
            )}
            {mine && can('deliver-document', 'clerk') && (
              <ActionForm
                title={t('case.deliver')}
                testId="deliver"
                choice={{ name: 'method', label: t('case.deliveryMethod'), options: DELIVERY_METHODS.map((method) => [method, tv('delivery', method)]) }}
                onSubmit={(values) => act('deliveries', { ...values, documentId: state.documents.find((document) => !document.delivered)?.documentId }, state.version)}
              />
            )}
            {state.suspensions.length > 0 && (
              <>
                <h2>{t('case.suspensions')}</h2>
                <ul>
                  {state.suspensions.map((suspension, index) => (
                    <li key={index}>
                      {tv('reason', suspension.reason)}: {suspension.start} – {suspension.end ?? '…'}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h2>{t('case.assistance')}</h2>
            <ul data-testid="assistance">
              {state.assistance.map((request) => (
                <li key={request.requestId}>
                  {request.toUnitId}: {request.question} — {t('case.dueOn')} {request.dueOn} — {request.answered ? `${t('case.answered')}: ${request.opinion}` : t('case.pending')}
                </li>
              ))}
            </ul>
            {mine && hasRole(session, 'clerk') && !state.decision && ['received', 'awaiting-supplement', 'in-progress'].includes(state.status) && (
              <ActionForm
                title={t('case.askAssistance')}
                testId="ask-assistance"
                fields={{ toUnitId: t('case.toUnit'), question: t('case.question'), limitDays: t('case.limitDays') }}
                onSubmit={(values) => act('assistance-requests', { ...values, limitDays: Number(values.limitDays) }, state.version)}
              />
            )}
            {askedOfMyUnit.map((request) => (
              <ActionForm
                key={request.requestId}
                title={`${t('case.answer')}: ${request.question}`}
                testId="answer-assistance"
                fields={{ opinion: t('case.opinion') }}
                onSubmit={(values) => act(`assistance-requests/${request.requestId}/answer`, values, state.version)}
              />
            ))}
          </Page>
        );
      }}
    />
  );
}

/** A small form for one action: text fields, at most one choice, one submit button. */
function ActionForm({
  title,
  testId,
  fields = {},
  choice,
  onSubmit,
}: {
  title: string;
  testId: string;
  fields?: Record<string, string>;
  choice?: { name: string; label: string; options: string[][] };
  onSubmit: (values: Record<string, string>) => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values = Object.fromEntries([...data.entries()].map(([name, value]) => [name, String(value)]));
    setBusy(true);
    await onSubmit(values).finally(() => setBusy(false));
  };
  return (
    <form className="panel action" onSubmit={submit} data-testid={`action-${testId}`} aria-label={title}>
      <h3>{title}</h3>
      {Object.entries(fields).map(([name, label]) => (
        <Field key={name} label={label}>
          <input name={name} required />
        </Field>
      ))}
      {choice && (
        <Field label={choice.label}>
          <select name={choice.name}>
            {choice.options.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
      )}
      <button type="submit" disabled={busy}>
        {title}
      </button>
    </form>
  );
}

/** 一次告知: every missing material in one notice. */
function SupplementForm({ onSubmit }: { onSubmit: (missing: { materialId: string; name: string; reason: string }[]) => Promise<void> }) {
  const { t } = useText();
  const [rows, setRows] = useState([{ materialId: '', name: '', reason: '' }]);
  const update = (index: number, field: 'materialId' | 'name' | 'reason', value: string) => setRows(rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
  return (
    <form
      className="panel action"
      data-testid="action-supplement"
      aria-label={t('case.supplement')}
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit(rows);
      }}
    >
      <h3>{t('case.supplement')}</h3>
      <p>{t('case.supplementHint')}</p>
      {rows.map((row, index) => (
        <fieldset key={index}>
          <legend>#{index + 1}</legend>
          <Field label={t('case.materialId')}>
            <input required value={row.materialId} onChange={(event) => update(index, 'materialId', event.target.value)} />
          </Field>
          <Field label={t('case.materialName')}>
            <input required value={row.name} onChange={(event) => update(index, 'name', event.target.value)} />
          </Field>
          <Field label={t('case.reason')}>
            <input required value={row.reason} onChange={(event) => update(index, 'reason', event.target.value)} />
          </Field>
        </fieldset>
      ))}
      <button type="button" onClick={() => setRows([...rows, { materialId: '', name: '', reason: '' }])}>
        {t('case.addMaterial')}
      </button>
      <button type="submit">{t('case.supplement')}</button>
    </form>
  );
}

/** 承办 / 审核 / 决定: the opinion and badge; the last step carries the decision. */
function StepForm({ step, decides, onSubmit }: { step: string; decides: boolean; onSubmit: (body: Record<string, unknown>) => Promise<void> }) {
  const { t, tv } = useText();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => String(data.get(name) ?? '');
    const body: Record<string, unknown> = { badge: value('badge'), opinion: value('opinion') };
    if (decides) {
      body.decision = {
        outcome: value('outcome'),
        reasons: value('reasons')
          .split(/[\n;；]/)
          .map((reason) => reason.trim())
          .filter(Boolean),
        legalBasis: value('legalBasis'),
      };
    }
    await onSubmit(body);
  };
  return (
    <form className="panel action" onSubmit={submit} data-testid="action-step" aria-label={`${t('case.completeStep')}: ${tv('step', step)}`}>
      <h3>
        {t('case.completeStep')}: {tv('step', step)}
      </h3>
      <Field label={t('workbench.badge')}>
        <input name="badge" required />
      </Field>
      <Field label={t('case.opinion')}>
        <textarea name="opinion" rows={2} />
      </Field>
      {decides && (
        <>
          <Field label={t('case.decision')}>
            <select name="outcome">
              <option value="DECISION_APPROVED">{t('case.approve')}</option>
              <option value="DECISION_DENIED">{t('case.deny')}</option>
            </select>
          </Field>
          <Field label={t('case.reasons')}>
            <textarea name="reasons" rows={2} required />
          </Field>
          <Field label={t('case.legalBasis')}>
            <input name="legalBasis" required />
          </Field>
        </>
      )}
      <button type="submit">{t('case.completeStep')}</button>
    </form>
  );
}

/** AB角: a unit admin names a handler's backup, or marks the handler absent. */
export function BackupPage() {
  const { t } = useText();
  const { session } = usePortal();
  const unitId = encodeURIComponent(session?.user.unitId ?? '');
  const [message, setMessage] = useState<ReactNode>(null);
  const send = async (method: string, path: string, body?: unknown) => {
    const answer = await call(method, path, body, { idempotencyKey: newIdempotencyKey() });
    setMessage(answer.ok ? <span role="status">{t('common.done')}</span> : <span role="alert">{messageOf(answer.body)}</span>);
  };
  return (
    <Page title={t('backup.heading')}>
      <ActionForm
        title={t('backup.name')}
        testId="name-backup"
        fields={{ handler: t('backup.handler'), backupUserId: t('backup.backup') }}
        onSubmit={({ handler, backupUserId }) => send('PUT', `/api/cases/units/${unitId}/handlers/${encodeURIComponent(handler)}/backup`, { backupUserId })}
      />
      <ActionForm title={t('backup.absent')} testId="mark-absent" fields={{ handler: t('backup.handler') }} onSubmit={({ handler }) => send('POST', `/api/cases/units/${unitId}/handlers/${encodeURIComponent(handler)}/absence`)} />
      <p aria-live="polite">{message}</p>
    </Page>
  );
}
