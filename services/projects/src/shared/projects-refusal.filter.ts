import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ProjectsRefusal, RulesViolated, StateConflict, DirectChangeOfListedProjectRefused } from './projects.errors';

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

const STATUS: Record<ProjectsRefusal['outcome'], { code: number; error: string }> = {
  invalid: { code: HttpStatus.BAD_REQUEST, error: 'Bad Request' },
  'not-found': { code: HttpStatus.NOT_FOUND, error: 'Not Found' },
  conflict: { code: HttpStatus.CONFLICT, error: 'Conflict' },
  forbidden: { code: HttpStatus.FORBIDDEN, error: 'Forbidden' },
};

/**
 * Answers the projects domain's refusals. A rule violation is a 400 in the platform's validation shape,
 * `violations: [{ field, reasons }]` with the rule's name added; a conflict carries its stable `code`.
 */
@Catch(ProjectsRefusal)
export class ProjectsRefusalFilter implements ExceptionFilter {
  catch(refusal: ProjectsRefusal, host: ArgumentsHost): void {
    const { code, error } = STATUS[refusal.outcome];
    let body: Record<string, unknown> = { statusCode: code, error, message: refusal.message };
    if (refusal instanceof RulesViolated) {
      body = {
        statusCode: code,
        error,
        message: refusal.violations.map((violation) => `${violation.field} ${violation.message}`),
        violations: refusal.violations.map(({ field, rule, message }) => ({ field, rule, reasons: [message] })),
      };
    } else if (refusal instanceof StateConflict || refusal instanceof DirectChangeOfListedProjectRefused) {
      body = { ...body, code: refusal.code };
    }
    host.switchToHttp().getResponse<JsonResponse>().status(code).json(body);
  }
}
