import { eventTopic } from '@sangeyipi/messaging';
import {
  createTestDatabase,
  eventually,
  signTestToken,
  spawnTypeScript,
  testInfrastructure,
  TEST_JWT_SECRET,
  uniqueName,
  type ServiceUnderTest,
  type TestDatabase,
  type TypeScriptProcess,
} from '@sangeyipi/testing';
import { DataSource } from 'typeorm';
import { ContextEventSource, startHttpReceiver, startNotifications, startReplica, startSmtpReceiver, type ReceivedRequest } from './notifications.fixture';

/** Short enough that a lost claim is taken over within the test, long enough for every real send. */
const LEASE = { CHANNEL_TIMEOUT_MS: '4000', DELIVERY_LEASE_MS: '8000' };

type Smtp = Awaited<ReturnType<typeof startSmtpReceiver>>;
type Http = Awaited<ReturnType<typeof startHttpReceiver>>;

const receipt = (source: ContextEventSource, caseId: string, applicantId: string) =>
  source.event(caseId, 'cases.CaseReceived', { caseId, receiptVoucherNumber: `SJ-${caseId}`, unitId: 'unit-lease', applicant: { applicantId } });

async function putPreferences(url: string, userId: string, body: object): Promise<void> {
  const response = await fetch(`${url}/preferences`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${await signTestToken({ userId, roles: ['applicant'] })}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

describe('delivery leases: nothing is sent inside a transaction, and a lost replica is taken over', () => {
  let smtp: Smtp;
  let http: Http;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    http = await startHttpReceiver();
  });
  afterAll(async () => {
    await smtp?.close();
    await http?.close();
  });

  const mailsTo = (address: string) => smtp.mails.filter((mail) => mail.to === address);
  const smsTo = (phone: string) => http.requests.filter((request: ReceivedRequest) => request.path === '/sms' && request.body.to === phone);

  describe('a hung SMTP send', () => {
    let first: ServiceUnderTest;
    let second: ServiceUnderTest | undefined;
    let cases: ContextEventSource;
    let sharedEnv: Record<string, string>;

    beforeAll(async () => {
      // Timeouts long enough for the hang to outlast a second replica's start.
      const started = await startNotifications({
        SMTP_URL: smtp.url,
        SMS_GATEWAY_URL: `${http.url}/sms`,
        QUIET_HOURS: 'off',
        DELIVERY_CONCURRENCY: '2',
        CHANNEL_TIMEOUT_MS: '20000',
        DELIVERY_LEASE_MS: '40000',
      });
      ({ service: first, cases, sharedEnv } = started);
    });
    afterAll(async () => {
      await cases?.close();
      await second?.close();
      await first?.close();
    });

    it('holds up neither other messages nor the transaction horizon, and a second replica leaves the leased delivery alone', async () => {
      await putPreferences(first.url, 'slow-1', { email: 'slow@example.cn', phone: '13800002222', language: 'zh-CN', channels: ['email', 'sms'] });
      await putPreferences(first.url, 'fast-1', { email: 'fast@example.cn', language: 'zh-CN', channels: ['email'] });
      const held = smtp.hold('slow@example.cn');

      await cases.publish(receipt(cases, 'lease-slow', 'slow-1'));
      await held.stalled;
      await cases.publish(receipt(cases, 'lease-fast', 'fast-1'));

      // One replica, one e-mail hanging: another e-mail, the same person's SMS and inbox all go through.
      await eventually(() => mailsTo('fast@example.cn').length === 1 && smsTo('13800002222').length === 1);
      const database = first.app.get(DataSource);
      await eventually(async () => (await database.query(`SELECT count(*)::int AS n FROM inbox_messages WHERE person_id = 'slow-1'`))[0].n === 1);

      // Two seconds into the hang, no session of the service's database has had a transaction open for a second.
      await eventually(() => Date.now() - (held.stalledAt() ?? Date.now()) > 2_000, { timeoutMs: 5_000 });
      const longTransactions = await database.query(
        `SELECT pid, state, query FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start < now() - interval '1 second'`,
      );
      expect(longTransactions).toEqual([]);

      // A second replica polls for a while and does not take the leased delivery.
      second = await startReplica(sharedEnv);
      const secondUpAt = Date.now();
      await eventually(() => Date.now() - secondUpAt > 1_500, { timeoutMs: 5_000 });
      const [claim] = await database.query(`SELECT status, claim_count, claimed_by FROM deliveries WHERE recipient_id = 'slow-1' AND channel = 'email'`);
      expect(claim).toMatchObject({ status: 'pending', claim_count: 1, claimed_by: expect.any(String) });

      held.release();
      await eventually(async () => (await database.query(`SELECT status FROM deliveries WHERE recipient_id = 'slow-1' AND channel = 'email'`))[0].status === 'delivered');
      expect(mailsTo('slow@example.cn').map((mail) => mail.subject)).toEqual(['收件凭证 SJ-lease-slow']);
    });
  });

  describe('when a replica dies mid-send', () => {
    let database: TestDatabase;
    let sharedEnv: Record<string, string>;
    let dying: TypeScriptProcess | undefined;
    let survivor: ServiceUnderTest | undefined;
    let cases: ContextEventSource;

    beforeAll(async () => {
      const infra = testInfrastructure();
      const prefix = `${uniqueName('notifications-kill')}.`;
      database = await createTestDatabase('notifications_kill');
      sharedEnv = {
        DATABASE_URL: database.url,
        KAFKA_BROKERS: infra.kafkaBrokers.join(','),
        KAFKA_TOPIC_PREFIX: prefix,
        KAFKA_TOPIC_PARTITIONS: '2',
        REDIS_URL: infra.redisUrl,
        REDIS_KEY_PREFIX: prefix,
        AUTH_JWT_SECRET: TEST_JWT_SECRET,
        SMTP_URL: smtp.url,
        QUIET_HOURS: 'off',
        DELIVERY_POLL_MS: '50',
        ...LEASE,
      };
      cases = new ContextEventSource('cases', eventTopic('cases', prefix));
    });
    afterAll(async () => {
      dying?.kill('SIGKILL');
      await cases?.close();
      await survivor?.close();
      await database?.drop();
    });

    it('its delivery is sent exactly once, by another replica, when the lease runs out', async () => {
      dying = spawnTypeScript('services/notifications/src/main.ts', { env: { ...sharedEnv, PORT: '0', LOG_LEVEL: 'info' }, inheritEnv: false });
      const port = await eventually(
        () => {
          const match = /listening on port (\d+)/.exec(dying?.stdout() ?? '');
          if (!match) throw new Error(`the replica has not said it listens:\n${dying?.stderr()}`);
          return Number(match[1]);
        },
        { timeoutMs: 90_000, intervalMs: 200 },
      );
      await putPreferences(`http://127.0.0.1:${port}`, 'kill-1', { email: 'kill@example.cn', language: 'zh-CN', channels: ['email'] });
      const held = smtp.hold('kill@example.cn');

      await cases.publish(receipt(cases, 'lease-kill', 'kill-1'));
      await held.stalled;
      const watcher = new DataSource({ type: 'postgres', url: database.url });
      await watcher.initialize();
      try {
        const [claimed] = await watcher.query(`SELECT claimed_by FROM deliveries WHERE recipient_id = 'kill-1' AND channel = 'email'`);
        expect(claimed.claimed_by).toContain(`/${dying.pid}/`);
        dying.kill('SIGKILL');
        await dying.exited;

        survivor = await startReplica(sharedEnv);

        const delivered = await eventually(
          async () => {
            const [row] = await watcher.query(`SELECT id, status, claim_count, claimed_by FROM deliveries WHERE recipient_id = 'kill-1' AND channel = 'email'`);
            return row.status === 'delivered' && row;
          },
          { timeoutMs: 30_000 },
        );
        expect(delivered).toMatchObject({ claim_count: 2, claimed_by: null });
        expect(mailsTo('kill@example.cn').map((mail) => mail.subject)).toEqual(['收件凭证 SJ-lease-kill']);
        const attempts = await watcher.query(`SELECT data FROM events WHERE stream_id = $1 ORDER BY stream_version`, [delivered.id]);
        expect(attempts.map((event: { data: { attemptNumber: number; outcome: string } }) => [event.data.attemptNumber, event.data.outcome])).toEqual([
          [1, 'DELIVERY_OUTCOME_DELIVERED'],
        ]);
        const [inbox] = await watcher.query(`SELECT count(*)::int AS n FROM inbox_messages WHERE person_id = 'kill-1'`);
        expect(inbox.n).toBe(1);
      } finally {
        await watcher.destroy();
      }
    });
  });
});
