import { SignJWT } from 'jose';
import type { DemoPerson } from './world/demo-people';

/** Where the demo acts: the services' URLs, the key they verify tokens with, and a log. */
export interface DemoTarget {
  urlOf(service: string): string;
  signingKey: string;
  log(line: string): void;
}

/** A refusal or failure answered by a service, with its status and body for the caller to judge. */
export class DemoApiError extends Error {
  constructor(
    readonly service: string,
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${service}${path} answered ${status}: ${JSON.stringify(body)?.slice(0, 500)}`);
    this.name = 'DemoApiError';
  }

  /** The `code` of a 422 domain refusal (e.g. `no-holiday-service`), if any. */
  get code(): string | undefined {
    return typeof this.body === 'object' && this.body !== null && 'code' in this.body ? String((this.body as { code: unknown }).code) : undefined;
  }
}

/** Tokens live 12 hours and are re-signed an hour before they expire. */
const TOKEN_LIFETIME_SECONDS = 12 * 3600;
const TOKEN_RENEWAL_SECONDS = 3600;

/**
 * The services' HTTP APIs as the demo people call them: bearer tokens signed with the platform's key
 * exactly as the gateway would issue them (HS256, issuer `sangeyipi`, claims roles, unit_id,
 * region_code, sub), and at most `concurrency` requests in flight so the seeder cannot swamp the
 * services it seeds.
 */
export class DemoApi {
  private readonly tokens = new Map<string, { token: string; renewAt: number }>();
  private readonly key: Uint8Array;
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];
  /** Requests made, by service. */
  readonly requests = new Map<string, number>();

  constructor(
    private readonly target: DemoTarget,
    private readonly concurrency = 8,
  ) {
    this.key = new TextEncoder().encode(target.signingKey);
  }

  get<T = unknown>(service: string, path: string, as?: DemoPerson): Promise<T> {
    return this.call<T>(service, 'GET', path, as);
  }

  post<T = unknown>(service: string, path: string, as: DemoPerson, body: unknown = {}): Promise<T> {
    return this.call<T>(service, 'POST', path, as, body);
  }

  put<T = unknown>(service: string, path: string, as: DemoPerson, body: unknown = {}): Promise<T> {
    return this.call<T>(service, 'PUT', path, as, body);
  }

  async call<T>(service: string, method: string, path: string, as: DemoPerson | undefined, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (as) headers.authorization = `Bearer ${await this.tokenOf(as)}`;
    await this.slot();
    try {
      this.requests.set(service, (this.requests.get(service) ?? 0) + 1);
      const response = await fetch(`${this.target.urlOf(service)}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      const parsed: unknown = text ? parseJson(text) : undefined;
      if (!response.ok) throw new DemoApiError(service, method, path, response.status, parsed);
      return parsed as T;
    } finally {
      this.release();
    }
  }

  /** True when the service's API (its OpenAPI document) has the route: a context not built yet has none. */
  async offers(service: string, route: string): Promise<boolean> {
    try {
      const document = await this.get<{ paths?: Record<string, unknown> }>(service, '/docs-json');
      return Object.hasOwn(document.paths ?? {}, route);
    } catch {
      return false;
    }
  }

  private async tokenOf(person: DemoPerson): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const cached = this.tokens.get(person.userId);
    if (cached && cached.renewAt > now) return cached.token;
    const token = await new SignJWT({ roles: person.roles, unit_id: person.unitId, region_code: person.regionCode })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(person.userId)
      .setIssuer('sangeyipi')
      .setIssuedAt(now)
      .setExpirationTime(now + TOKEN_LIFETIME_SECONDS)
      .sign(this.key);
    this.tokens.set(person.userId, { token, renewAt: now + TOKEN_LIFETIME_SECONDS - TOKEN_RENEWAL_SECONDS });
    return token;
  }

  private slot(): Promise<void> {
    if (this.inFlight < this.concurrency) {
      this.inFlight += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.inFlight -= 1;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Runs `work` over every element with at most `limit` running at once; rejects with the first failure. */
export async function forEachLimited<T>(elements: readonly T[], limit: number, work: (element: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const workers = Array.from({ length: Math.min(limit, elements.length) }, async () => {
    while (next < elements.length && !failed) {
      const index = next++;
      try {
        await work(elements[index] as T, index);
      } catch (error) {
        failed = true; // the other workers take no new elements
        throw error;
      }
    }
  });
  await Promise.all(workers);
}
