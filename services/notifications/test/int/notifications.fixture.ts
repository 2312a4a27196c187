import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventToJson, type EventInit, type EventType } from '@sangeyipi/contracts';
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

/** A real SMTP server on a free port that keeps every message it is given. */
export async function startSmtpReceiver(): Promise<{ url: string; mails: ReceivedMail[]; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
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
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
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

/** The notifications service under test, its topic prefix, and a publisher of cases events into it. */
export async function startNotifications(env: Record<string, string>): Promise<{ service: ServiceUnderTest; cases: CasesEventSource }> {
  const prefix = `${uniqueName('notifications')}.`;
  const service = await startServiceUnderTest((appEnv) => createServiceApp(NotificationsModule, { env: appEnv }), 'notifications', {
    KAFKA_TOPIC_PREFIX: prefix,
    DELIVERY_POLL_MS: '50',
    ...env,
  });
  return { service, cases: new CasesEventSource(eventTopic('cases', prefix)) };
}

/** Publishes events as the cases service's relay would: sealed, enveloped, keyed by case. */
export class CasesEventSource {
  private readonly publisher = new KafkaPublisher(createKafka({ clientId: 'cases-test-source', brokers: testInfrastructure().kafkaBrokers }));
  private readonly versions = new Map<string, number>();
  private sequence = 0n;

  constructor(readonly topic: string) {}

  /** An encoded event of the next version of the case's stream; publish it once or many times. */
  event<T extends EventType>(caseId: string, type: T, data: EventInit<T>): TransportMessage {
    const streamVersion = (this.versions.get(caseId) ?? 0) + 1;
    this.versions.set(caseId, streamVersion);
    this.sequence += 1n;
    const sealed: SealedEvent = {
      eventId: randomUUID(),
      streamId: caseId,
      streamVersion,
      position: this.sequence,
      transactionId: 1n,
      type,
      schemaVersion: 1,
      data: eventToJson(type, data),
      metadata: { correlationId: `test-${caseId}` },
      recordedAt: new Date(),
      contentDigest: '',
      previousHash: '',
      hash: '',
      logSequence: this.sequence,
      chainHash: '',
    };
    return encodeSealedEvent(sealed, 'cases', this.topic);
  }

  async publish(...messages: TransportMessage[]): Promise<void> {
    await this.publisher.publish(messages);
  }

  close(): Promise<void> {
    return this.publisher.close();
  }
}
