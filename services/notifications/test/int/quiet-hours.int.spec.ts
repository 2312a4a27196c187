import { common } from '@sangeyipi/contracts';
import { eventually, signTestToken, type ServiceUnderTest } from '@sangeyipi/testing';
import { DataSource } from 'typeorm';
import { startNotifications, startSmtpReceiver, type ContextEventSource } from './notifications.fixture';

/** A quiet-hours window around the current Shanghai time: from an hour ago to two hours ahead. */
function quietHoursAroundNow(): string {
  const minute = Math.floor(Date.now() / 60_000 + 480) % 1440;
  const hhmm = (m: number) => {
    const wrapped = (m + 1440) % 1440;
    return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
  };
  return `${hhmm(minute - 60)}-${hhmm(minute + 120)}`;
}

describe('quiet hours', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let service: ServiceUnderTest;
  let source: ContextEventSource;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    ({ service, cases: source } = await startNotifications({ SMTP_URL: smtp.url, QUIET_HOURS: quietHoursAroundNow() }));
  });
  afterAll(async () => {
    await source?.close();
    await service?.close();
    await smtp?.close();
  });

  const put = async (path: string, user: { userId: string; roles: string[] }, body: object) => {
    const response = await fetch(`${service.url}${path}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await signTestToken(user)}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
  };

  it('hold back non-urgent messages but not overdue alerts', async () => {
    await put('/preferences', { userId: 'applicant-q', roles: ['applicant'] }, { email: 'wang@example.cn', language: 'zh-CN', channels: ['email'] });
    await put('/preferences', { userId: 'clerk-q', roles: ['clerk'] }, { email: 'clerk@example.cn', language: 'zh-CN', channels: ['email'] });
    await put('/units/unit-q/contacts', { userId: 'ops-1', roles: ['operations_admin'] }, { handlerId: 'clerk-q' });

    await source.publish(
      source.event('case-q', 'cases.CaseReceived', { caseId: 'case-q', receiptVoucherNumber: 'SJ-Q', unitId: 'unit-q', applicant: { applicantId: 'applicant-q' } }),
      source.event('case-q', 'cases.CaseOverdue', { caseId: 'case-q', unitId: 'unit-q', committedDeadline: '2025-03-14', pendingStep: common.ApprovalStep.HANDLE }),
    );

    await eventually(() => smtp.mails.some((mail) => mail.subject === '【超期】SJ-Q'));
    const [held] = await service.app
      .get(DataSource)
      .query(`SELECT status, not_before FROM deliveries WHERE recipient_id = 'applicant-q' AND channel = 'email'`);
    expect(held.status).toBe('pending');
    expect(held.not_before.getTime()).toBeGreaterThan(Date.now() + 60 * 60_000);
    expect(smtp.mails.map((mail) => mail.to)).toEqual(['clerk@example.cn']);
  });
});
