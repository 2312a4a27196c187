import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { SupervisionRefusal, SupervisionRulesViolated, SupervisionStateConflict } from './supervision.errors';

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

const STATUS: Record<SupervisionRefusal['outcome'], { code: number; error: string }> = {
  invalid: { code: HttpStatus.BAD_REQUEST, error: 'Bad Request' },
  'not-found': { code: HttpStatus.NOT_FOUND, error: 'Not Found' },
  conflict: { code: HttpStatus.CONFLICT, error: 'Conflict' },
  forbidden: { code: HttpStatus.FORBIDDEN, error: 'Forbidden' },
};

/**
 * Answers supervision's refusals. A rule violation is a 400 in the platform's validation shape,
 * `violations: [{ field, rule, reasons }]`; a state conflict is a 409 with a stable `code`.
 */
@Catch(SupervisionRefusal)
export class SupervisionRefusalFilter implements ExceptionFilter {
  catch(refusal: SupervisionRefusal, host: ArgumentsHost): void {
    const { code, error } = STATUS[refusal.outcome];
    const body =
      refusal instanceof SupervisionRulesViolated
        ? {
            statusCode: code,
            error,
            message: refusal.violations.map((v) => `${v.field} ${v.message}`),
            violations: refusal.violations.map(({ field, rule, message }) => ({ field, rule, reasons: [message] })),
          }
        : { statusCode: code, error, message: refusal.message, ...(refusal instanceof SupervisionStateConflict ? { code: refusal.code } : {}) };
    host.switchToHttp().getResponse<JsonResponse>().status(code).json(body);
  }
}
