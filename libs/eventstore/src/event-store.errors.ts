/**
 * Another writer appended to the stream first. The HTTP layer answers 409; the caller may
 * reload the stream and decide again.
 */
export class StreamVersionConflictError extends Error {
  override readonly name = 'StreamVersionConflictError';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number | 'any',
    readonly actualVersion: number | undefined,
  ) {
    super(`stream ${streamId} is at version ${actualVersion ?? 'unknown'}, expected ${expectedVersion}`);
  }
}

/** The append itself is malformed (no events, a bad stream id or type): a programming error. */
export class InvalidAppendError extends Error {
  override readonly name = 'InvalidAppendError';
}
