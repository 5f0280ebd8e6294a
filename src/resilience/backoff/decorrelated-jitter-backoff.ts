import { requireNonNegative, type Backoff } from './backoff.ts';

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
  requireNonNegative('baseMs', baseMs);
  if (!(capMs >= baseMs)) throw new RangeError(`capMs must be >= baseMs (${baseMs}), got ${capMs}`);
  return ({ previousDelay, random }) => {
    const previous = previousDelay ?? baseMs;
    return Math.min(capMs, baseMs + (3 * previous - baseMs) * random());
  };
}
