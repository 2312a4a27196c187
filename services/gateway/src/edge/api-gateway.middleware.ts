import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import { CORRELATION_ID_HEADER, MetricsRegistry, type AuthenticatedUser } from '@sangeyipi/platform';
import type { Counter, Histogram } from 'prom-client';
import { createProxyMiddleware, fixRequestBody, type RequestHandler } from 'http-proxy-middleware';
import { GatewayConfig } from '../config/gateway-config.schema';
import { AccessTokenIssuer } from '../sign-in/access-token.issuer';
import { EdgeTokenVerifier, RefusedTokenError } from './edge-token.verifier';
import { IdempotencyStore, IdempotencyStoreUnavailable, type StoredAnswer } from './idempotency.store';
import { RateLimiter } from './rate-limiter';
import { UpstreamAgents } from './upstream-agents';
import { decideAtEdge } from './route-policy';

const COMMANDS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
/** Headers of a first answer that a replay repeats; the rest (dates, connection) belong to the moment. */
const REPLAYED_HEADERS = ['content-type', 'location', 'etag'];
/** Lifetime of the platform token the gateway signs for a caller verified against an OIDC issuer. */
const TRANSLATED_TOKEN_SECONDS = 300;

/** What Express adds to a request that the gateway reads, and what the gateway adds for the proxy. */
type GatewayRequest = IncomingMessage & {
  originalUrl: string;
  ip?: string;
  body?: unknown;
  gatewayForwardToken?: string;
};
type Response = ServerResponse;

/**
 * `/api/<service>/<path>` → `<service's URL>/<path>`, after the edge's checks, in this order:
 * the caller's token (401 for a bad one on a route that is not public), the rate limit per caller
 * (429), the route's roles and the caller's scope (403), then `Idempotency-Key` on commands.
 * The request then streams to the service and its answer streams back (server-sent events too).
 */
@Injectable()
export class ApiGatewayMiddleware implements NestMiddleware {
  private readonly logger = new Logger('Gateway');
  private readonly proxies = new Map<string, RequestHandler>();
  private readonly duration: Histogram<'target' | 'status'>;
  private readonly replays: Counter<'target'>;

  constructor(
    private readonly config: GatewayConfig,
    private readonly verifier: EdgeTokenVerifier,
    private readonly issuer: AccessTokenIssuer,
    private readonly rateLimiter: RateLimiter,
    private readonly idempotency: IdempotencyStore,
    private readonly agents: UpstreamAgents,
    metrics: MetricsRegistry,
  ) {
    // The platform's request metric sees these requests as "unmatched" (no controller): these say which service and how.
    this.duration = metrics.histogram({
      name: 'gateway_api_request_duration_seconds',
      help: 'Time to answer /api/<target>/… requests, by target service and status (401, 403, 429 answered at the edge)',
      labelNames: ['target', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    });
    this.replays = metrics.counter({ name: 'gateway_idempotent_replays_total', help: 'Commands answered from the Idempotency-Key store instead of reaching the service', labelNames: ['target'] as const });
    for (const [service, target] of config.upstreams()) this.proxies.set(service, this.proxyTo(service, target));
  }

  use(request: GatewayRequest, response: Response, next: (error?: unknown) => void): void {
    this.handle(request, response, next).catch(next);
  }

  private async handle(request: GatewayRequest, response: Response, next: (error?: unknown) => void): Promise<void> {
    const url = new URL(request.originalUrl, 'http://gateway');
    const [, , service = '', ...rest] = url.pathname.split('/');
    const proxy = this.proxies.get(service);
    if (!proxy) return next(); // not a routed service: the gateway's own routes, or Nest's 404
    const path = `/${rest.join('/')}`;
    const method = (request.method ?? 'GET').toUpperCase();
    const stopTimer = this.duration.startTimer({ target: service });
    response.once('finish', () => stopTimer({ status: String(response.statusCode) }));

    const token = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    let caller: AuthenticatedUser | undefined;
    let tokenProblem: string | undefined;
    if (token) {
      try {
        caller = await this.verifier.verify(token);
      } catch (error) {
        if (!(error instanceof RefusedTokenError)) return next(error);
        tokenProblem = error.message;
      }
    }

    const client = caller ? `user:${caller.userId}` : `address:${request.ip ?? request.socket.remoteAddress ?? 'unknown'}`;
    const verdict = await this.rateLimiter.take('api', client, this.config.GATEWAY_RATE_LIMIT_PER_MINUTE);
    response.setHeader('ratelimit-limit', verdict.limit);
    response.setHeader('ratelimit-remaining', verdict.remaining);
    response.setHeader('ratelimit-reset', verdict.resetSeconds);
    if (!verdict.allowed) {
      response.setHeader('retry-after', verdict.resetSeconds);
      return answer(response, 429, 'Too Many Requests', `at most ${verdict.limit} requests a minute; try again in ${verdict.resetSeconds} s`);
    }

    const decision = decideAtEdge({ service, method, path, query: Object.fromEntries(url.searchParams), body: request.body, caller, tokenProblem });
    if (decision.outcome === 'unauthenticated') return answer(response, 401, 'Unauthorized', decision.message);
    if (decision.outcome === 'forbidden') return answer(response, 403, 'Forbidden', decision.message);

    // What the service receives: no token on a public route when the one sent was refused (the
    // services would ignore it too); in OIDC mode a platform token for the verified caller.
    request.gatewayForwardToken =
      caller && this.verifier.translatesTokens ? (await this.issuer.issue(caller, TRANSLATED_TOKEN_SECONDS)).accessToken : caller ? token : undefined;
    request.url = `${path}${url.search}`;

    const key = request.headers['idempotency-key'];
    if (typeof key === 'string' && COMMANDS.has(method) && decision.access !== 'public') {
      return this.runOnce(request, response, service, key, client, () => proxy(request, response, next));
    }
    await proxy(request, response, next);
  }

  /** Runs the command at most once per (caller, key); a retry gets the stored first answer. */
  private async runOnce(request: GatewayRequest, response: Response, service: string, key: string, client: string, run: () => Promise<void>): Promise<void> {
    if (!IDEMPOTENCY_KEY.test(key)) return answer(response, 400, 'Bad Request', 'Idempotency-Key must be 1 to 255 visible ASCII characters');
    const fingerprint = IdempotencyStore.fingerprint(request.method ?? '', `/${service}${request.url}`, request.body);
    try {
      const reservation = await this.idempotency.reserve(client, key, fingerprint);
      if (reservation.outcome === 'key-reused') return answer(response, 422, 'Unprocessable Entity', 'this Idempotency-Key was already used for a different request');
      if (reservation.outcome === 'in-progress') return answer(response, 409, 'Conflict', 'a request with this Idempotency-Key is still being handled; retry shortly');
      if (reservation.outcome === 'answered') {
        this.replays.inc({ target: service });
        return replay(response, reservation.answer);
      }
    } catch (error) {
      if (error instanceof IdempotencyStoreUnavailable) return answer(response, 503, 'Service Unavailable', 'Idempotency-Key cannot be honoured right now (its store is down); retry shortly');
      throw error;
    }

    const body = captureBody(response);
    response.once('finish', () => {
      const stored: StoredAnswer = { status: response.statusCode, headers: pickHeaders(response), body: Buffer.concat(body).toString('base64') };
      // A 5xx means the service reached no decision (or could not be reached): let a retry run it.
      const settle = response.statusCode >= 500 ? this.idempotency.release(client, key) : this.idempotency.complete(client, key, fingerprint, stored);
      settle.catch((error: unknown) => this.logger.error(`Idempotency-Key answer not stored: ${error instanceof Error ? error.message : String(error)}`));
    });
    await run();
  }

  private proxyTo(service: string, target: string): RequestHandler {
    return createProxyMiddleware<IncomingMessage, ServerResponse>({
      target,
      agent: this.agents.for(target),
      changeOrigin: true,
      xfwd: true,
      proxyTimeout: this.config.GATEWAY_UPSTREAM_TIMEOUT_MS,
      on: {
        proxyReq: (proxyRequest, incoming, outgoing) => {
          const request = incoming as GatewayRequest;
          const forwardToken = request.gatewayForwardToken;
          if (forwardToken) proxyRequest.setHeader('authorization', `Bearer ${forwardToken}`);
          else proxyRequest.removeHeader('authorization');
          proxyRequest.removeHeader('idempotency-key');
          const correlationId = outgoing.getHeader(CORRELATION_ID_HEADER);
          if (typeof correlationId === 'string') proxyRequest.setHeader(CORRELATION_ID_HEADER, correlationId);
          fixRequestBody(proxyRequest, incoming); // Nest parsed the JSON body already: send it on
        },
        // Given an error handler, http-proxy-middleware leaves out its plain-text error answer.
        error: (error, _request, outgoing) => {
          const code = (error as NodeJS.ErrnoException).code ?? '';
          this.logger.warn(`${service} did not answer: ${code} ${error.message}`);
          if (!('setHeader' in outgoing) || outgoing.headersSent) {
            outgoing.end();
            return;
          }
          const refused = ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN'].includes(code);
          if (refused) answer(outgoing, 503, 'Service Unavailable', `the ${service} service is not reachable`);
          else answer(outgoing, 502, 'Bad Gateway', `the ${service} service did not answer`);
        },
      },
    });
  }
}

function answer(response: ServerResponse, statusCode: number, error: string, message: string): void {
  response.statusCode = statusCode;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify({ statusCode, error, message }));
}

function replay(response: ServerResponse, stored: StoredAnswer): void {
  response.statusCode = stored.status;
  for (const [name, value] of Object.entries(stored.headers)) response.setHeader(name, value);
  response.setHeader('idempotent-replayed', 'true');
  response.end(Buffer.from(stored.body, 'base64'));
}

/** Collects what is written to the response while it streams to the caller. */
function captureBody(response: ServerResponse): Buffer[] {
  const chunks: Buffer[] = [];
  const write = response.write.bind(response);
  const end = response.end.bind(response);
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
  };
  response.write = ((chunk: unknown, ...args: unknown[]) => {
    keep(chunk, args[0]);
    return (write as (...all: unknown[]) => boolean)(chunk, ...args);
  }) as typeof response.write;
  response.end = ((chunk?: unknown, ...args: unknown[]) => {
    keep(chunk, args[0]);
    return (end as (...all: unknown[]) => ServerResponse)(chunk, ...args);
  }) as typeof response.end;
  return chunks;
}

function pickHeaders(response: ServerResponse): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = response.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return headers;
}
