import { createServer } from 'node:net';
import { create } from '@bufbuild/protobuf';
import { cases } from '@sangeyipi/contracts';
import type { IntegrationEvent } from '@sangeyipi/messaging';
import { eventually, signTestToken, type ServiceUnderTest } from '@sangeyipi/testing';
import { DataSource } from 'typeorm';
import { CaseEventsConsumer } from '../../src/delivery/case-events.consumer';
import { startNotifications, startSmtpReceiver, type ContextEventSource } from './notifications.fixture';

/** A port nothing listens on: Redis is "down" for the service under test. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('with Redis down, PostgreSQL decides', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let service: ServiceUnderTest;
  let source: ContextEventSource;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    ({ service, cases: source } = await startNotifications({
      REDIS_URL: `redis://127.0.0.1:${await closedPort()}`,
      SMTP_URL: smtp.url,
      QUIET_HOURS: 'off',
      RATE_LIMIT_PER_HOUR: '2',
    }));
    const response = await fetch(`${service.url}/preferences`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await signTestToken({ userId: 'applicant-r', roles: ['applicant'] })}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'zhao@example.cn', language: 'zh-CN', channels: ['email'] }),
    });
    expect(response.status).toBe(200);
  });
  afterAll(async () => {
    await source?.close();
    await service?.close();
    await smtp?.close();
  });

  const mailsTo = (address: string) => smtp.mails.filter((mail) => mail.to === address);

  it('an event handled again (its processed record bypassed) adds no second delivery: the outbox key decides', async () => {
    const data = create(cases.CaseReceivedSchema, { caseId: 'case-r', receiptVoucherNumber: 'SJ-R', unitId: 'unit-r', applicant: { applicantId: 'applicant-r' } });
    const message = source.event('case-r', 'cases.CaseReceived', data);
    await source.publish(message, message, message);
    await eventually(() => mailsTo('zhao@example.cn').length === 1);

    const database = service.app.get(DataSource);
    const [{ trigger_event_id: eventId }] = await database.query(`SELECT trigger_event_id FROM deliveries WHERE recipient_id = 'applicant-r' LIMIT 1`);
    const again = { eventId, type: 'cases.CaseReceived', data, correlationId: 'again' } as IntegrationEvent;
    await database.transaction((manager) => service.app.get(CaseEventsConsumer).handle(again, manager));

    const rows = await database.query(`SELECT channel FROM deliveries WHERE trigger_event_id = $1 ORDER BY channel`, [eventId]);
    expect(rows.map((row: { channel: string }) => row.channel)).toEqual(['email', 'inbox']);
    expect(mailsTo('zhao@example.cn')).toHaveLength(1);
  });

  it('the rate limit counts from the outbox: the third e-mail in the hour waits for the next', async () => {
    await source.publish(
      source.event('case-r', 'cases.CaseAccepted', { caseId: 'case-r', noticeNumber: 'SL-R', acceptedOn: '2026-03-02', committedDeadline: '2026-03-13' }),
      source.event('case-r', 'cases.DocumentIssued', { caseId: 'case-r', documentId: 'doc-r', documentNumber: 'ZZ-R' }),
    );

    const database = service.app.get(DataSource);
    const held = await eventually(async () => {
      const [row] = await database.query(`SELECT status, not_before FROM deliveries WHERE recipient_id = 'applicant-r' AND channel = 'email' AND template_id = 'document-ready'`);
      return row?.not_before > new Date() && row;
    });
    expect(held.status).toBe('pending');
    expect(held.not_before.getTime() % 3_600_000).toBe(0); // the start of the next hour
    expect(mailsTo('zhao@example.cn').map((mail) => mail.subject)).toEqual(['收件凭证 SJ-R', '受理通知 SL-R']);
  });
});

describe("with the embedded mode's in-memory Redis (REDIS_URL=memory://local)", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let service: ServiceUnderTest;
  let source: ContextEventSource;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    ({ service, cases: source } = await startNotifications({ REDIS_URL: 'memory://local', SMTP_URL: smtp.url, QUIET_HOURS: 'off', RATE_LIMIT_PER_HOUR: '1' }));
  });
  afterAll(async () => {
    await source?.close();
    await service?.close();
    await smtp?.close();
  });

  it('streams the inbox live and counts the rate limit in the process', async () => {
    const token = await signTestToken({ userId: 'applicant-m', roles: ['applicant'] });
    const preferences = await fetch(`${service.url}/preferences`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'qian@example.cn', language: 'zh-CN', channels: ['email'] }),
    });
    expect(preferences.status).toBe(200);
    const abort = new AbortController();
    const stream = await fetch(`${service.url}/inbox/stream`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
    let received = '';
    const reading = (async () => {
      const reader = stream.body?.getReader();
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return;
        received += Buffer.from(chunk.value).toString('utf8');
      }
    })().catch(() => undefined);

    await source.publish(
      source.event('case-m', 'cases.CaseReceived', { caseId: 'case-m', receiptVoucherNumber: 'SJ-M', unitId: 'unit-m', applicant: { applicantId: 'applicant-m' } }),
      source.event('case-m', 'cases.CaseAccepted', { caseId: 'case-m', noticeNumber: 'SL-M', acceptedOn: '2026-03-02', committedDeadline: '2026-03-13' }),
    );

    await eventually(() => received.includes('受理通知 SL-M'));
    const [held] = await eventually(async () => {
      const rows = await service.app.get(DataSource).query(`SELECT not_before FROM deliveries WHERE recipient_id = 'applicant-m' AND channel = 'email' AND template_id = 'case-accepted' AND not_before > now()`);
      return rows.length === 1 && rows;
    });
    expect(held.not_before.getTime() % 3_600_000).toBe(0);
    expect(mailsTo(smtp, 'qian@example.cn').map((mail) => mail.subject)).toEqual(['收件凭证 SJ-M']);
    abort.abort();
    await reading;
  });
});

function mailsTo(smtp: Awaited<ReturnType<typeof startSmtpReceiver>>, address: string) {
  return smtp.mails.filter((mail) => mail.to === address);
}
