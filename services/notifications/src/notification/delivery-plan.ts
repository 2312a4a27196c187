import { MESSAGE_TEMPLATES, renderMessage, type RenderedMessage } from './message-templates';
import type { Channel, Language, MessageIntent, PersonContacts, UnitContacts } from './notification.types';
import { earliestDelivery, type QuietHours } from './quiet-hours.policy';

/** One message on one channel to one recipient, ready for the outbox. */
export interface PlannedDelivery {
  /**
   * Event id + recipient + channel (+ occasion): the same event never reaches the same person twice
   * on a channel, except for a second message it schedules on purpose (a reminder).
   */
  dedupKey: string;
  recipientId: string;
  channel: Channel;
  /** Where to send: e-mail address, phone number or webhook URL; the person id for the inbox. */
  address: string;
  message: RenderedMessage;
  urgent: boolean;
  /** Not before this instant (a scheduled message, quiet hours). */
  notBefore: Date;
  /** Withdrawn unsent when the matter under this key is settled (see MessageIntent). */
  withdrawKey?: string;
}

/** The de-duplication key of a delivery. */
export function deliveryKey(triggerEventId: string, recipientId: string, channel: Channel, occasion?: string): string {
  const key = `${triggerEventId}/${recipientId}/${channel}`;
  return occasion ? `${key}/${occasion}` : key;
}

/** The directory entry of an intent's recipient, if it has one. */
export type RecipientContacts = PersonContacts | UnitContacts | undefined;

/**
 * Turns a message intent into deliveries. A person always gets the message in the inbox, plus each
 * channel they chose for which they left a contact point, in their language (Chinese by default).
 * A unit gets it on its webhook, in Chinese, if it registered one. A scheduled message waits until
 * its instant; non-urgent messages on intrusive channels also wait out quiet hours.
 */
export function planDeliveries(
  triggerEventId: string,
  intent: MessageIntent,
  contacts: RecipientContacts,
  now: Date,
  quietHours: QuietHours | undefined,
): PlannedDelivery[] {
  const { urgent } = MESSAGE_TEMPLATES[intent.templateId];
  const routes = intent.recipient.kind === 'person' ? personRoutes(intent.recipient.id, contacts as PersonContacts | undefined) : unitRoutes(contacts as UnitContacts | undefined);
  const recipientId = intent.recipient.kind === 'person' ? intent.recipient.id : `unit:${intent.recipient.id}`;
  const sendFrom = intent.notBefore && intent.notBefore > now ? intent.notBefore : now;
  return routes.map(({ channel, address, language }) => ({
    dedupKey: deliveryKey(triggerEventId, recipientId, channel, intent.occasion),
    recipientId,
    channel,
    address,
    message: renderMessage(intent.templateId, language, intent.params),
    urgent,
    notBefore: earliestDelivery(sendFrom, channel, urgent, quietHours),
    withdrawKey: intent.withdrawKey,
  }));
}

interface Route {
  channel: Channel;
  address: string;
  language: Language;
}

function personRoutes(personId: string, contacts: PersonContacts | undefined): Route[] {
  const language = contacts?.language ?? 'zh-CN';
  const routes: Route[] = [{ channel: 'inbox', address: personId, language }];
  if (contacts?.channels.includes('email') && contacts.email) routes.push({ channel: 'email', address: contacts.email, language });
  if (contacts?.channels.includes('sms') && contacts.phone) routes.push({ channel: 'sms', address: contacts.phone, language });
  return routes;
}

function unitRoutes(contacts: UnitContacts | undefined): Route[] {
  return contacts?.webhookUrl ? [{ channel: 'webhook', address: contacts.webhookUrl, language: 'zh-CN' }] : [];
}
