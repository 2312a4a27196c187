import { planDeliveries } from './delivery-plan';
import type { MessageIntent, PersonContacts } from './notification.types';
import { parseQuietHours } from './quiet-hours.policy';

const NOON_SHANGHAI = new Date('2025-03-03T04:00:00Z');
const MIDNIGHT_SHANGHAI = new Date('2025-03-03T16:00:00Z');
const QUIET = parseQuietHours('22:00-08:00');
const received: MessageIntent = { templateId: 'case-received', recipient: { kind: 'person', id: 'p-1' }, params: { voucherNumber: 'SJ-001' } };

describe('planning the deliveries of a message', () => {
  it('a person without a directory entry gets the message in the inbox, in Chinese', () => {
    const [delivery, ...others] = planDeliveries('event-1', received, undefined, NOON_SHANGHAI, QUIET);

    expect(others).toEqual([]);
    expect(delivery).toMatchObject({ channel: 'inbox', address: 'p-1', dedupKey: 'event-1/p-1/inbox' });
    expect(delivery.message).toMatchObject({ subject: '收件凭证 SJ-001', templateVersion: 1, language: 'zh-CN' });
  });

  it('a person who chose e-mail and SMS in English gets them, besides the inbox', () => {
    const contacts: PersonContacts = { personId: 'p-1', email: 'p1@example.cn', phone: '13800000000', language: 'en', channels: ['email', 'sms'] };

    const deliveries = planDeliveries('event-1', received, contacts, NOON_SHANGHAI, QUIET);

    expect(deliveries.map((d) => [d.channel, d.address, d.message.subject])).toEqual([
      ['inbox', 'p-1', 'Receipt voucher SJ-001'],
      ['email', 'p1@example.cn', 'Receipt voucher SJ-001'],
      ['sms', '13800000000', 'Receipt voucher SJ-001'],
    ]);
  });

  it('a chosen channel without a contact point is skipped', () => {
    const contacts: PersonContacts = { personId: 'p-1', language: 'zh-CN', channels: ['sms'] };

    expect(planDeliveries('event-1', received, contacts, NOON_SHANGHAI, QUIET).map((d) => d.channel)).toEqual(['inbox']);
  });

  it('at midnight the e-mail waits until 08:00 but the inbox does not', () => {
    const contacts: PersonContacts = { personId: 'p-1', email: 'p1@example.cn', language: 'zh-CN', channels: ['email'] };

    const [inbox, email] = planDeliveries('event-1', received, contacts, MIDNIGHT_SHANGHAI, QUIET);

    expect(inbox.notBefore).toEqual(MIDNIGHT_SHANGHAI);
    expect(email.notBefore).toEqual(new Date('2025-03-04T00:00:00Z'));
  });

  it('a unit gets the message on its webhook, keyed apart from its people', () => {
    const overdue: MessageIntent = {
      templateId: 'case-overdue',
      recipient: { kind: 'unit', id: 'unit-1' },
      params: { voucherNumber: 'SJ-001', committedDeadline: '2025-03-01', pendingStep: { 'zh-CN': '审核', en: 'review' } },
    };

    const [webhook] = planDeliveries('event-2', overdue, { unitId: 'unit-1', webhookUrl: 'http://hook' }, MIDNIGHT_SHANGHAI, QUIET);

    expect(webhook).toMatchObject({ channel: 'webhook', address: 'http://hook', recipientId: 'unit:unit-1', urgent: true, dedupKey: 'event-2/unit:unit-1/webhook' });
    expect(webhook.message.body).toContain('仍停留在审核环节');
  });

  it('a scheduled reminder waits for its instant and is keyed apart from the message sent at once', () => {
    const contacts: PersonContacts = { personId: 'p-1', email: 'p1@example.cn', language: 'zh-CN', channels: ['email'] };
    const remindAt = new Date('2025-03-12T01:00:00Z');
    const reminder: MessageIntent = { ...received, notBefore: remindAt, occasion: 'reminder' };

    const [inbox, email] = planDeliveries('event-1', reminder, contacts, NOON_SHANGHAI, QUIET);

    expect(inbox).toMatchObject({ dedupKey: 'event-1/p-1/inbox/reminder', notBefore: remindAt });
    expect(email).toMatchObject({ dedupKey: 'event-1/p-1/email/reminder', notBefore: remindAt });
  });

  it('a reminder scheduled inside quiet hours waits until they end', () => {
    const contacts: PersonContacts = { personId: 'p-1', email: 'p1@example.cn', language: 'zh-CN', channels: ['email'] };
    const reminder: MessageIntent = { ...received, notBefore: new Date('2025-03-12T15:00:00Z'), occasion: 'reminder' }; // 23:00 Shanghai

    const [, email] = planDeliveries('event-1', reminder, contacts, NOON_SHANGHAI, QUIET);

    expect(email.notBefore).toEqual(new Date('2025-03-13T00:00:00Z'));
  });
});
