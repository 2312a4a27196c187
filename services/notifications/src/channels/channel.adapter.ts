import type { Channel, TemplateId } from '../notification/notification.types';

/** A rendered message on its way to one address. */
export interface OutgoingMessage {
  deliveryId: string;
  triggerEventId: string;
  recipientId: string;
  address: string;
  templateId: TemplateId;
  subject: string;
  body: string;
  caseId?: string;
}

/**
 * One medium (inbox, e-mail, SMS, webhook); throws DeliveryFailedError when it could not deliver.
 * Called outside any transaction. A delivery whose worker died mid-send is sent again by another
 * replica, so a send must tolerate repetition: the delivery id goes along as an idempotency key.
 */
export interface ChannelAdapter {
  readonly channel: Channel;
  send(message: OutgoingMessage): Promise<void>;
}

/** The channel did not take the message. `permanent` failures are not retried (a refused address). */
export class DeliveryFailedError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
    this.name = 'DeliveryFailedError';
  }
}

/** Injection token of the list of every channel adapter. */
export const CHANNEL_ADAPTERS = Symbol('notifications:channel-adapters');

/** Posts JSON and turns the answer into a DeliveryFailedError: 4xx (but 408 and 429) is permanent, the rest is retried. */
export async function postJson(url: string, payload: unknown, timeoutMs: number, headers: Record<string, string> = {}): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new DeliveryFailedError(`no answer: ${(error as Error).message}`);
  }
  if (response.ok) return;
  const permanent = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
  throw new DeliveryFailedError(`answered ${response.status} ${(await response.text()).slice(0, 200)}`, permanent);
}
