/** Exponential backoff: attempt n waits baseDelayMs·2^(n−1), at most maxDelayMs; after maxAttempts, failed. */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export type FailedAttemptVerdict = { outcome: 'retry'; nextAttemptAt: Date } | { outcome: 'failed' };

/**
 * What follows a failed delivery attempt (`attemptNumber` from 1): another attempt after the
 * backoff, or failed for good when the attempts are used up or the failure is permanent.
 */
export function afterFailedAttempt(attemptNumber: number, permanent: boolean, now: Date, policy: RetryPolicy): FailedAttemptVerdict {
  if (permanent || attemptNumber >= policy.maxAttempts) return { outcome: 'failed' };
  const delayMs = Math.min(policy.baseDelayMs * 2 ** (attemptNumber - 1), policy.maxDelayMs);
  return { outcome: 'retry', nextAttemptAt: new Date(now.getTime() + delayMs) };
}

/**
 * Whether to give up on a delivery without sending it again: every claim ends with a recorded
 * outcome unless its replica died mid-send, so claims without an outcome count replicas lost on this
 * delivery. After as many as the attempts allowed, the delivery is taken for a poison message.
 */
export function isAbandoned(claimsWithoutOutcome: number, policy: RetryPolicy): boolean {
  return claimsWithoutOutcome >= policy.maxAttempts;
}
