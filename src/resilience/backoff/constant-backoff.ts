import { checkNumber } from '../options/validate.ts';
import type { Backoff } from './backoff.ts';
import { backoffLimits } from './backoff-options.ts';

/** The same delay before every retry. */
export function constantBackoff(delayMs: number): Backoff {
  checkNumber('delayMs', delayMs, backoffLimits.delayMs);
  return () => delayMs;
}
