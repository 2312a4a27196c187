import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { CaseRuleViolation } from './case.errors';

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

/** A refused case command: 409 when someone acted first, 404 for an unknown case, else 422 with the rule's code. */
@Catch(CaseRuleViolation)
export class CaseRuleFilter implements ExceptionFilter {
  catch(violation: CaseRuleViolation, host: ArgumentsHost): void {
    const statusCode =
      violation.code === 'case-not-found' ? HttpStatus.NOT_FOUND : violation.conflict ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
    const error = statusCode === HttpStatus.CONFLICT ? 'Conflict' : statusCode === HttpStatus.NOT_FOUND ? 'Not Found' : 'Unprocessable Entity';
    host.switchToHttp().getResponse<JsonResponse>().status(statusCode).json({ statusCode, error, code: violation.code, message: violation.message });
  }
}
