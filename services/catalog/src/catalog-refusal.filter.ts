import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { CatalogRefusal, CatalogRulesViolated } from './catalog.errors';

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

const STATUS: Record<CatalogRefusal['outcome'], { code: number; error: string }> = {
  invalid: { code: HttpStatus.BAD_REQUEST, error: 'Bad Request' },
  'not-found': { code: HttpStatus.NOT_FOUND, error: 'Not Found' },
  conflict: { code: HttpStatus.CONFLICT, error: 'Conflict' },
  forbidden: { code: HttpStatus.FORBIDDEN, error: 'Forbidden' },
};

/**
 * Answers the catalog's refusals. A rule violation is a 400 in the platform's validation shape,
 * `violations: [{ field, reasons }]`, with the rule's name added to each entry, so that clients
 * handle both the same way.
 */
@Catch(CatalogRefusal)
export class CatalogRefusalFilter implements ExceptionFilter {
  catch(refusal: CatalogRefusal, host: ArgumentsHost): void {
    const { code, error } = STATUS[refusal.outcome];
    const body =
      refusal instanceof CatalogRulesViolated
        ? {
            statusCode: code,
            error,
            message: refusal.violations.map((violation) => `${violation.field} ${violation.message}`),
            violations: refusal.violations.map(({ field, rule, message }) => ({ field, rule, reasons: [message] })),
          }
        : { statusCode: code, error, message: refusal.message };
    host.switchToHttp().getResponse<JsonResponse>().status(code).json(body);
  }
}
