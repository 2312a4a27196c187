import { createHash } from 'node:crypto';
import {
  BadRequestException,
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
  UnprocessableEntityException,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { canonicalJson } from '@sangeyipi/eventstore';
import type { AuthenticatedUser } from '@sangeyipi/platform';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { caseRuleAnswer } from '../case/case-rule.filter';
import { CaseRuleViolation } from '../case/case.errors';
import { CasesConfig } from '../config/cases-config.schema';
import { commandTransaction } from './command-transaction';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

interface HttpRequest {
  method: string;
  originalUrl?: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  user?: AuthenticatedUser;
}

interface HttpResponse {
  statusCode: number;
  status(code: number): unknown;
}

interface Answer {
  status: number;
  body: unknown;
}

interface StoredKey {
  request_hash: string;
  response_status: number;
  response_body: unknown;
}

/**
 * Idempotency-Key on command endpoints (POST/PUT). The first request with a key runs in one
 * transaction with everything it appends, and its answer (status and body) is stored in that same
 * transaction, per caller and key, until it expires. A retry with the same key and the same request
 * gets that answer again, without running the command; the same key with another method, path or body
 * is refused with 422 `idempotency-key-reused`. Concurrent duplicates queue on a transaction-scoped
 * advisory lock for the key (which takes no transaction id, so it does not hold back the event log),
 * so one runs and the other replays its answer.
 *
 * Answers stored: successes and the command's deliberate refusals (400, 403, 404, 422). Not stored: a
 * conflict (409: someone acted first, nothing happened) and a server error; the key is then free and a
 * retry runs the command again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: CasesConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    const rawKey = request.headers[IDEMPOTENCY_HEADER];
    if (rawKey === undefined || request.method === 'GET') return next.handle();
    const key = Array.isArray(rawKey) ? rawKey.join(',') : rawKey;
    if (!KEY_PATTERN.test(key)) {
      const reason = 'must be 1–200 visible ASCII characters, e.g. a UUID';
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: [`Idempotency-Key ${reason}`],
        violations: [{ field: 'Idempotency-Key', reasons: [reason] }],
      });
    }
    const userId = request.user?.userId ?? '';
    const path = (request.originalUrl ?? request.url).split('?')[0];
    const requestHash = createHash('sha256').update(`${request.method} ${path}\n${canonicalJson(request.body ?? {})}`).digest('hex');
    return from(this.run(userId, key, requestHash, http.getResponse<HttpResponse>(), () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }

  private async run(userId: string, key: string, requestHash: string, response: HttpResponse, command: () => Promise<unknown>): Promise<unknown> {
    let refusal: unknown;
    const outcome = await this.dataSource.transaction(async (manager): Promise<{ replay: StoredKey } | { answer: Answer }> => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('idempotency:' || $1 || ':' || $2, 0))`, [userId, key]);
      const [stored] = (await manager.query(
        `SELECT request_hash, response_status, response_body FROM cases_idempotency_keys
          WHERE user_id = $1 AND idempotency_key = $2 AND expires_at > now()`,
        [userId, key],
      )) as StoredKey[];
      if (stored) return { replay: stored };

      let answer: Answer;
      try {
        const body = await commandTransaction.run(manager, command);
        answer = { status: response.statusCode, body: body ?? null };
      } catch (error) {
        const refused = storableRefusal(error);
        // A conflict or a server error: roll everything back; the key stays free for a retry.
        if (!refused) throw error;
        refusal = error;
        answer = refused;
      }
      await manager.query(
        `INSERT INTO cases_idempotency_keys (user_id, idempotency_key, request_hash, response_status, response_body, expires_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, now() + make_interval(hours => $6))
         ON CONFLICT (user_id, idempotency_key) DO UPDATE
           SET request_hash = EXCLUDED.request_hash, response_status = EXCLUDED.response_status,
               response_body = EXCLUDED.response_body, created_at = now(), expires_at = EXCLUDED.expires_at`,
        [userId, key, requestHash, answer.status, JSON.stringify(answer.body), this.config.CASES_IDEMPOTENCY_HOURS],
      );
      return { answer };
    });

    if ('replay' in outcome) {
      const stored = outcome.replay;
      if (stored.request_hash !== requestHash) {
        throw new UnprocessableEntityException({
          code: 'idempotency-key-reused',
          message: 'this Idempotency-Key was already used for a different request (method, path or body); use a new key for a new request',
        });
      }
      response.status(stored.response_status);
      return stored.response_body;
    }
    // The refusal was stored with what the command appended (e.g. a reported forbidden charge); the
    // exception filters now answer it exactly as stored.
    if (refusal) throw refusal;
    return outcome.answer.body;
  }
}

/** The answer to a deliberate refusal, as the exception filters render it; undefined for what is not stored. */
function storableRefusal(error: unknown): Answer | undefined {
  if (error instanceof CaseRuleViolation) {
    const answer = caseRuleAnswer(error);
    return answer.status === HttpStatus.CONFLICT ? undefined : answer;
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status >= 500 || status === HttpStatus.CONFLICT || status === HttpStatus.TOO_MANY_REQUESTS) return undefined;
    const body = error.getResponse();
    return { status, body: typeof body === 'object' ? body : { statusCode: status, message: body } };
  }
  return undefined;
}

/** Deletes expired keys every hour; a key past `expires_at` is ignored even before that. */
@Injectable()
export class IdempotencyKeyPruner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('IdempotencyKeys');
  private timer?: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.prune().catch((error) => this.logger.warn({ err: error }, 'pruning expired idempotency keys failed')), 3_600_000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async prune(): Promise<void> {
    await this.dataSource.query(`DELETE FROM cases_idempotency_keys WHERE expires_at <= now()`);
  }
}
