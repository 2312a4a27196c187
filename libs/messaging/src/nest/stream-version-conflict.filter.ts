import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { StreamVersionConflictError } from '@sangeyipi/eventstore';

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

/** A lost append race is the client's conflict, not a server error: 409 with what was expected. */
@Catch(StreamVersionConflictError)
export class StreamVersionConflictFilter implements ExceptionFilter {
  catch(error: StreamVersionConflictError, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<JsonResponse>()
      .status(HttpStatus.CONFLICT)
      .json({
        statusCode: HttpStatus.CONFLICT,
        error: 'Conflict',
        message: 'someone else changed this record first; reload it and try again',
        streamId: error.streamId,
        expectedVersion: error.expectedVersion,
        actualVersion: error.actualVersion ?? null,
      });
  }
}
