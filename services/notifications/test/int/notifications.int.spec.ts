import { cases, common } from '@sangeyipi/contracts';
import { eventually, signTestToken, type ServiceUnderTest } from '@sangeyipi/testing';
import { DataSource } from 'typeorm';
import { startHttpReceiver, startNotifications, startSmtpReceiver, type ContextEventSource } from './notifications.fixture';

const FAILING_PHONE = '13900009999';

interface InboxPage {
  messages: { id: string; subject: string }[];
}

describe('notifications: the right message to the right person, once', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let http: Awaited<ReturnType<typeof startHttpReceiver>>;
  let service: ServiceUnderTest;
  let source: ContextEventSource;

  const call = async (path: string, user: { userId: string; roles: string[]; unitId?: string }, init: RequestInit = {}) =>
    fetch(`${service.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${await signTestToken(user)}`, 'content-type': 'application/json', ...init.headers },
    });
  const applicant = (userId: string) => ({ userId, roles: ['applicant'] });
  const setPreferences = async (userId: string, body: object) => {
    const response = await call('/preferences', applicant(userId), { method: 'PUT', body: JSON.stringify(body) });
    expect(response.status).toBe(200);
  };
  const mailsTo = (address: string) => smtp.mails.filter((mail) => mail.to === address);
  const smsTo = (phone: string) => http.requests.filter((request) => request.path === '/sms' && request.body.to === phone);

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    http = await startHttpReceiver([FAILING_PHONE]);
    ({ service, cases: source } = await startNotifications({
      SMTP_URL: smtp.url,
      SMS_GATEWAY_URL: `${http.url}/sms`,
      QUIET_HOURS: 'off',
      DELIVERY_MAX_ATTEMPTS: '3',
      DELIVERY_RETRY_BASE_MS: '100',
      RATE_LIMIT_PER_HOUR: '50',
    }));
    const operator = { userId: 'ops-1', roles: ['operations_admin'] };
    const unit = await call('/units/unit-1/contacts', operator, {
      method: 'PUT',
      body: JSON.stringify({ webhookUrl: `${http.url}/unit-1-hook`, handlerId: 'clerk-1', backupId: 'clerk-2', supervisorId: 'boss-1' }),
    });
    expect(unit.status).toBe(200);
  });
  afterAll(async () => {
    await source?.close();
    await service?.close();
    await smtp?.close();
    await http?.close();
  });

  it("a case's life sends the applicant each message in order, by e-mail, SMS and inbox, and tells the unit", async () => {
    await setPreferences('applicant-1', { email: 'zhang@example.cn', phone: '13800001111', language: 'zh-CN', channels: ['email', 'sms'] });
    const caseId = 'case-life';
    await source.publish(
      source.event(caseId, 'cases.CaseReceived', {
        caseId,
        receiptVoucherNumber: 'SJ-001',
        itemId: 'item-1',
        unitId: 'unit-1',
        applicant: { applicantId: 'applicant-1' },
        handlerBadge: 'HP-07',
      }),
      source.event(caseId, 'cases.MaterialsSupplementRequested', {
        caseId,
        noticeNumber: 'BZ-1',
        missingMaterials: [{ name: '营业执照', reason: '缺少原件' }],
        requestNumber: 1,
      }),
      source.event(caseId, 'cases.CaseAccepted', { caseId, noticeNumber: 'SL-1', acceptedOn: '2025-03-03', committedDeadline: '2025-03-14' }),
      source.event(caseId, 'cases.ClockSuspended', { caseId, reason: cases.SuspensionReason.TESTING, description: '样品送检' }),
      source.event(caseId, 'cases.ClockResumed', { caseId, suspendedWorkingDays: 2, committedDeadline: '2025-03-18' }),
      source.event(caseId, 'cases.StepCompleted', { caseId, step: common.ApprovalStep.HANDLE, actorUserId: 'clerk-1' }),
      source.event(caseId, 'cases.CaseDecided', { caseId, decision: cases.Decision.APPROVED, legalBasis: '《行政许可法》第三十八条' }),
      source.event(caseId, 'cases.DocumentIssued', { caseId, documentId: 'doc-1', documentNumber: 'ZZ-1' }),
      source.event(caseId, 'cases.DocumentDelivered', { caseId, documentId: 'doc-1' }),
    );

    const expectedSubjects = ['收件凭证 SJ-001', '补正材料通知 BZ-1', '受理通知 SL-1', '办理时限暂停计算', '办理时限恢复计算', '审批结果：准予许可', '证照已制发 ZZ-1', '请评价本次服务'];
    await eventually(() => mailsTo('zhang@example.cn').length === expectedSubjects.length && smsTo('13800001111').length === expectedSubjects.length);
    expect(mailsTo('zhang@example.cn').map((mail) => mail.subject)).toEqual(expectedSubjects);
    expect(mailsTo('zhang@example.cn')[1].text).toBe('请一次性补正以下材料：营业执照（缺少原件）。通知书编号 BZ-1。');
    expect(smsTo('13800001111').map((request) => request.body.text)).toEqual(expectedSubjects.map((subject) => expect.stringContaining(`【${subject}】`)));

    const inbox = (await (await call('/inbox', applicant('applicant-1'))).json()) as InboxPage;
    expect(inbox.messages.map((message) => message.subject).reverse()).toEqual(expectedSubjects);

    const unitHook = http.requests.filter((request) => request.path === '/unit-1-hook').map((request) => request.body.subject);
    expect(unitHook).toEqual(['新收件 SJ-001', '待办：审核']);
    const handlerInbox = (await (await call('/inbox', applicant('clerk-1'))).json()) as InboxPage;
    expect(handlerInbox.messages.map((message) => message.subject)).toEqual(['新收件 SJ-001']);

    const read = await call(`/inbox/${inbox.messages[0].id}/read`, applicant('applicant-1'), { method: 'POST' });
    expect(read.status).toBe(204);
    const unread = (await (await call('/inbox?unread=true', applicant('applicant-1'))).json()) as InboxPage;
    expect(unread.messages).toHaveLength(expectedSubjects.length - 1);
    const notMine = await call(`/inbox/${inbox.messages[1].id}/read`, applicant('someone-else'), { method: 'POST' });
    expect(notMine.status).toBe(404);
  });

  it('the same event delivered three times sends one message; a failing SMS gateway is retried, then recorded as failed while other messages flow', async () => {
    await setPreferences('applicant-2', { email: 'li@example.cn', phone: FAILING_PHONE, language: 'en', channels: ['email', 'sms'] });
    const receipt = source.event('case-dup', 'cases.CaseReceived', {
      caseId: 'case-dup',
      receiptVoucherNumber: 'SJ-002',
      unitId: 'unit-1',
      applicant: { applicantId: 'applicant-2' },
    });
    await source.publish(receipt);
    await source.publish(receipt);
    await source.publish(receipt);

    const operator = { userId: 'ops-1', roles: ['operations_admin'] };
    const failed = await eventually(async () => {
      const body = (await (await call('/deliveries/failed', operator)).json()) as { deliveries: { id: string; recipientId: string }[] };
      const delivery = body.deliveries.find((candidate) => candidate.recipientId === 'applicant-2');
      if (!delivery) throw new Error('no failed delivery for applicant-2 yet');
      return delivery;
    });
    expect(failed).toMatchObject({ channel: 'sms', templateId: 'case-received', attempts: 3, lastError: expect.stringContaining('503') });
    expect(failed).not.toHaveProperty('address');
    expect(smsTo(FAILING_PHONE)).toHaveLength(3);
    expect(mailsTo('li@example.cn').map((mail) => mail.subject)).toEqual(['Receipt voucher SJ-002']);
    await eventually(() => http.requests.filter((request) => request.body.subject === '新收件 SJ-002').length === 1);

    const events = await service.app
      .get(DataSource)
      .query(`SELECT data FROM events WHERE stream_id = $1 ORDER BY stream_version`, [failed.id]);
    expect(events.map((event: { data: { outcome: string; attemptNumber: number } }) => [event.data.attemptNumber, event.data.outcome])).toEqual([
      [1, 'DELIVERY_OUTCOME_FAILED_RETRYING'],
      [2, 'DELIVERY_OUTCOME_FAILED_RETRYING'],
      [3, 'DELIVERY_OUTCOME_FAILED_PERMANENTLY'],
    ]);
    expect(JSON.stringify(events)).not.toContain(FAILING_PHONE);

    const forbidden = await call('/deliveries/failed', applicant('applicant-2'));
    expect(forbidden.status).toBe(403);
  });

  it('the inbox live stream delivers a new message to a connected client', async () => {
    const token = await signTestToken(applicant('applicant-3'));
    const abort = new AbortController();
    const response = await fetch(`${service.url}/inbox/stream`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    if (!response.body) throw new Error('the stream has no body');
    const reader = response.body.getReader();
    let received = '';
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        received += Buffer.from(value).toString('utf8');
      }
    })().catch(() => undefined);

    await source.publish(
      source.event('case-live', 'cases.CaseReceived', { caseId: 'case-live', receiptVoucherNumber: 'SJ-003', unitId: 'unit-9', applicant: { applicantId: 'applicant-3' } }),
    );

    await eventually(() => received.includes('收件凭证 SJ-003'));
    expect(received).toMatch(/^event: message$/m);
    abort.abort();
    await reading;
  });
});
