/** How delivery treats a message it could not send. */
export const MAX_SEND_ATTEMPTS = 5;
const FIRST_RETRY_MINUTES = 15;

/**
 * Minutes to wait before the next attempt (15, 30, 60, 120: the scheduler's period, then doubling), or null to
 * give up: after the last attempt, or at once when the server refused the message for good.
 */
export function retryDelayMinutes(failedAttempts: number, permanent: boolean): number | null {
  if (permanent || failedAttempts >= MAX_SEND_ATTEMPTS) return null;
  return FIRST_RETRY_MINUTES * 2 ** (failedAttempts - 1);
}
