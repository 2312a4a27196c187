import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { StreamVersionConflictError } from '@sangeyipi/eventstore';
import { type Observable, retry, throwError, timer } from 'rxjs';

/** Attempts after the first: a consumer of another context's events rarely writes the same record twice in a row. */
const RETRIES = 3;

/**
 * Runs a command again when its append lost the race to another writer of the same stream. For a service
 * whose clients never name the version they acted on, the race is not theirs: a consumer of another
 * context's events (a case's progress reaching its project, say) appended in between, and the command,
 * loaded and decided again, usually still holds. Safe because a lost append writes nothing: the command's
 * transaction rolled back. After the retries the 409 stands (StreamVersionConflictFilter).
 */
@Injectable()
export class RetryOnStreamConflictInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || context.switchToHttp().getRequest<{ method: string }>().method === 'GET') return next.handle();
    return next.handle().pipe(
      retry({
        count: RETRIES,
        delay: (error: unknown, attempt) => (error instanceof StreamVersionConflictError ? timer(attempt * 10 + Math.random() * 20) : throwError(() => error)),
      }),
    );
  }
}
