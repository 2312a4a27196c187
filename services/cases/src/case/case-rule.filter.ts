import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { CaseRuleViolation } from './case.errors';

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

/** The answer to a refused case command: 409 when someone acted first, 404 for an unknown case, else 422 with the rule's code. */
export function caseRuleAnswer(violation: CaseRuleViolation): { status: number; body: Record<string, unknown> } {
  const status =
    violation.code === 'case-not-found' ? HttpStatus.NOT_FOUND : violation.conflict ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
  const error = status === HttpStatus.CONFLICT ? 'Conflict' : status === HttpStatus.NOT_FOUND ? 'Not Found' : 'Unprocessable Entity';
  return { status, body: { statusCode: status, error, code: violation.code, message: violation.message } };
}

/** Renders a CaseRuleViolation as caseRuleAnswer says. */
@Catch(CaseRuleViolation)
export class CaseRuleFilter implements ExceptionFilter {
  catch(violation: CaseRuleViolation, host: ArgumentsHost): void {
    const { status, body } = caseRuleAnswer(violation);
    host.switchToHttp().getResponse<JsonResponse>().status(status).json(body);
  }
}
