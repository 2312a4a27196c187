import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { AnalyticsRefusal } from './bulletin.errors';

const STATUS = {
  invalid: { code: HttpStatus.BAD_REQUEST, error: 'Bad Request' },
  'not-found': { code: HttpStatus.NOT_FOUND, error: 'Not Found' },
  forbidden: { code: HttpStatus.FORBIDDEN, error: 'Forbidden' },
} as const;

/** Answers a refusal; a 400 names the field in the platform's validation shape. */
@Catch(AnalyticsRefusal)
export class AnalyticsRefusalFilter implements ExceptionFilter {
  catch(refusal: AnalyticsRefusal, host: ArgumentsHost): void {
    const { code, error } = STATUS[refusal.outcome];
    const body =
      refusal.outcome === 'invalid' && refusal.field
        ? { statusCode: code, error, message: [`${refusal.field} ${refusal.message}`], violations: [{ field: refusal.field, reasons: [refusal.message] }] }
        : { statusCode: code, error, message: refusal.message };
    host.switchToHttp().getResponse<{ status(code: number): { json(body: unknown): void } }>().status(code).json(body);
  }
}
