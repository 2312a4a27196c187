import { loadSession, saveSession } from './session';

/** What a read gives a page: data, "no data yet" (the endpoint or its service is not there), or an error. */
export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'ok'; data: T }
  | { state: 'missing' }
  | { state: 'error'; status: number; message: string };

export interface ApiAnswer<T = unknown> {
  status: number;
  ok: boolean;
  body: T;
}

/** Answers that mean "this service or endpoint is not (yet) there", not "you did something wrong". */
export const MISSING_STATUSES = new Set([404, 501, 502, 503, 504]);

/** Listeners told when the session ends because a call answered 401. */
const signedOutListeners = new Set<() => void>();
export const onSignedOut = (listener: () => void) => {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
};

/** Calls the gateway with the session's token; a command carries an Idempotency-Key so a retry never acts twice. */
export async function call<T = unknown>(method: string, path: string, body?: unknown, { idempotencyKey }: { idempotencyKey?: string } = {}): Promise<ApiAnswer<T>> {
  const session = loadSession();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (session) headers.authorization = `Bearer ${session.accessToken}`;
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    return { status: 503, ok: false, body: { message: 'network error' } as T };
  }
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  if (response.status === 401 && session) {
    saveSession(undefined);
    signedOutListeners.forEach((listener) => listener());
  }
  return { status: response.status, ok: response.ok, body: parsed as T };
}

/** A read for a page: a missing endpoint or service becomes "no data yet" instead of an error. */
export async function load<T>(path: string): Promise<Loaded<T>> {
  const answer = await call<T>('GET', path);
  if (answer.ok) return { state: 'ok', data: answer.body };
  if (MISSING_STATUSES.has(answer.status)) return { state: 'missing' };
  return { state: 'error', status: answer.status, message: messageOf(answer.body) };
}

/** The `message` of an error answer (a string, or the list the validation pipe gives). */
export function messageOf(body: unknown): string {
  if (body && typeof body === 'object' && 'message' in body) {
    const message = (body as { message: unknown }).message;
    return Array.isArray(message) ? message.join('; ') : String(message);
  }
  return typeof body === 'string' ? body : '';
}

/** A fresh Idempotency-Key for one command the person submits. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
