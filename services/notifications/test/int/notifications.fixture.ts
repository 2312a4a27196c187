import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventToJson, type Context, type EventInit, type EventType } from '@sangeyipi/contracts';
import type { SealedEvent } from '@sangeyipi/eventstore';
import { createKafka, encodeSealedEvent, eventTopic, KafkaPublisher, type TransportMessage } from '@sangeyipi/messaging';
import { createServiceApp } from '@sangeyipi/platform';
import { startServiceUnderTest, testInfrastructure, uniqueName, type ServiceUnderTest } from '@sangeyipi/testing';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { NotificationsModule } from '../../src/notifications.module';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
}

/** A held recipient: the first session that names it waits at RCPT TO until released (or its client dies). */
export interface HeldRecipient {
  /** Resolves when a sender is stuck on this recipient. */
  stalled: Promise<void>;
  /** When the sender got stuck (ms since the epoch); undefined before. */
  stalledAt(): number | undefined;
  /** Lets the stuck sender go on. */
  release(): void;
}

export interface SmtpReceiver {
  url: string;
  /** Every message accepted, in order: a message counts only once its sender has sent all of it. */
  mails: ReceivedMail[];
  /** Makes the next sender to this address wait, as a slow or hung mail server would. */
  hold(address: string): HeldRecipient;
  close(): Promise<void>;
}

/** A real SMTP server on a free port that keeps every message it is given. */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  const holds = new Map<string, { reached(): void; waitForRelease: Promise<void>; release(): void }>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const held = holds.get(address.address);
      if (!held) return callback();
      holds.delete(address.address); // only the first sender waits
      held.reached();
      void held.waitForRelease.then(() => callback());
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = session.envelope.rcptTo.map((rcpt) => rcpt.address).join(',');
          mails.push({ to, subject: mail.subject ?? '', text: (mail.text ?? '').trim() });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    hold(address) {
      let stalledAt: number | undefined;
      let reached!: () => void;
      let release!: () => void;
      const stalled = new Promise<void>((resolve) => (reached = resolve));
      const waitForRelease = new Promise<void>((resolve) => (release = resolve));
      holds.set(address, {
        reached: () => {
          stalledAt = Date.now();
          reached();
        },
        waitForRelease,
        release,
      });
      return { stalled, stalledAt: () => stalledAt, release };
    },
    close: () => {
      for (const held of holds.values()) held.release();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface ReceivedRequest {
  path: string;
  body: Record<string, unknown>;
}

/**
 * A real HTTP server standing in for the SMS gateway (`/sms`) and unit webhooks (any other path).
 * It answers 503 to SMS for numbers listed in `failingNumbers`.
 */
export async function startHttpReceiver(failingNumbers: readonly string[] = []): Promise<{ url: string; requests: ReceivedRequest[]; close(): Promise<void> }> {
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      requests.push({ path: request.url ?? '', body });
      const failing = request.url === '/sms' && failingNumbers.includes(String(body.to));
      response.writeHead(failing ? 503 : 200, { 'content-type': 'application/json' }).end(failing ? '{"error":"gateway down"}' : '{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface StartedNotifications {
  service: ServiceUnderTest;
  /** What a second replica needs to share the first one's database, topics and Redis keys. */
  sharedEnv: Record<string, string>;
  cases: ContextEventSource;
  source(context: Context): ContextEventSource;
}

const startApp = (appEnv: Record<string, string>) => createServiceApp(NotificationsModule, { env: appEnv });

/** The notifications service under test, and publishers of other contexts' events into it. */
export async function startNotifications(env: Record<string, string>): Promise<StartedNotifications> {
  const prefix = `${uniqueName('notifications')}.`;
  const service = await startServiceUnderTest(startApp, 'notifications', {
    KAFKA_TOPIC_PREFIX: prefix,
    REDIS_KEY_PREFIX: prefix,
    DELIVERY_POLL_MS: '50',
    ...env,
  });
  const sharedEnv = { DATABASE_URL: service.database.url, KAFKA_TOPIC_PREFIX: prefix, REDIS_KEY_PREFIX: prefix, DELIVERY_POLL_MS: '50', ...env };
  const source = (context: Context) => new ContextEventSource(context, eventTopic(context, prefix));
  return { service, sharedEnv, cases: source('cases'), source };
}

/**
 * Another replica of a service already started: the same database, topics and Redis keys (it also
 * gets a database of its own from the harness, unused and dropped on close).
 */
export function startReplica(sharedEnv: Record<string, string>): Promise<ServiceUnderTest> {
  return startServiceUnderTest(startApp, 'notifications-replica', sharedEnv);
}

/** Publishes events as a context's relay would: sealed, enveloped, keyed by stream. */
export class ContextEventSource {
  private readonly publisher: KafkaPublisher;
  private readonly versions = new Map<string, number>();
  private sequence = 0n;

  constructor(
    private readonly context: Context,
    readonly topic: string,
  ) {
    this.publisher = new KafkaPublisher(createKafka({ clientId: `${context}-test-source`, brokers: testInfrastructure().kafkaBrokers }));
  }

  /** An encoded event of the next version of the stream; publish it once or many times. */
  event<T extends EventType>(streamId: string, type: T, data: EventInit<T>): TransportMessage {
    const streamVersion = (this.versions.get(streamId) ?? 0) + 1;
    this.versions.set(streamId, streamVersion);
    this.sequence += 1n;
    const sealed: SealedEvent = {
      eventId: randomUUID(),
      streamId,
      streamVersion,
      position: this.sequence,
      transactionId: 1n,
      type,
      schemaVersion: 1,
      data: eventToJson(type, data),
      metadata: { correlationId: `test-${streamId}` },
      recordedAt: new Date(),
      contentDigest: '',
      previousHash: '',
      hash: '',
      logSequence: this.sequence,
      chainHash: '',
    };
    return encodeSealedEvent(sealed, this.context, this.topic);
  }

  async publish(...messages: TransportMessage[]): Promise<void> {
    await this.publisher.publish(messages);
  }

  close(): Promise<void> {
    return this.publisher.close();
  }
}
