import { requireNonNegative, type Backoff } from './backoff.ts';

/** The same delay before every retry. */
export function constantBackoff(delayMs: number): Backoff {
  requireNonNegative('delayMs', delayMs);
  return () => delayMs;
}
