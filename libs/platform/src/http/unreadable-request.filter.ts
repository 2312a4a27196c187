import { Catch, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpError } from 'http-errors';
import { noteRefusalReason } from '../logging/request-log.middleware';

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

/** What body-parser and raw-body set on the errors they raise (see their READMEs, "Errors"). */
interface BodyReadError extends HttpError {
  type?: string;
  limit?: number;
}

/**
 * Requests the body parser could not read — a body over the size limit, an unsupported charset or
 * encoding, an aborted upload — are the client's mistake: answered with their 4xx status and a
 * sentence saying what was wrong, which the request's log line (a `warn`) carries as its `reason`.
 * Nest's default handler would log each one as an error with a stack trace, paging operators for
 * clients' mistakes. (Malformed JSON does not come here: Nest answers it itself, 400 with the
 * parser's message.)
 */
@Catch(HttpError)
export class UnreadableRequestFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpRequest');

  catch(error: BodyReadError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<JsonResponse>();
    if (error.status >= 500) {
      this.logger.error(error, 'the request could not be read');
      response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ statusCode: HttpStatus.INTERNAL_SERVER_ERROR, message: 'Internal server error' });
      return;
    }
    const message = describe(error);
    noteRefusalReason(response, message);
    response.status(error.status).json({ statusCode: error.status, error: error.name.replace(/Error$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'), message });
  }
}

function describe(error: BodyReadError): string {
  switch (error.type) {
    case 'entity.too.large':
      return `the request body is larger than the limit of ${error.limit} bytes`;
    default:
      return error.message;
  }
}
