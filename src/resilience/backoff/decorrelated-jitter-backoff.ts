import { checkNumber } from '../options/validate.ts';
import type { Backoff } from './backoff.ts';
import { backoffLimits } from './backoff-options.ts';

export interface DecorrelatedJitterBackoffOptions {
  baseMs: number;
  capMs: number;
}

/**
 * Brooker's decorrelated jitter: sleep = min(cap, U(base, 3 · previous sleep)),
 * the previous sleep starting at base. Each delay grows from the last one
 * rather than from the retry number, so clients that collided once drift
 * apart instead of colliding again in lockstep.
 */
export function decorrelatedJitterBackoff({ baseMs, capMs }: DecorrelatedJitterBackoffOptions): Backoff {
  checkNumber('baseMs', baseMs, backoffLimits.delayMs);
  checkNumber('capMs', capMs, { ...backoffLimits.delayMs, min: baseMs });
  return ({ previousDelay, random }) => {
    const previous = previousDelay ?? baseMs;
    return Math.min(capMs, baseMs + (3 * previous - baseMs) * random());
  };
}
