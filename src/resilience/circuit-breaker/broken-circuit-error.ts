import { ResilienceError } from '../errors.ts';
import type { RejectingState } from './breaker-events.ts';

/**
 * The breaker turned the call away; the operation did not run. Like Polly's
 * BrokenCircuitException it says when to come back: `retryAfterMs` (a
 * numeric property, so this project's retry honours it as a Retry-After
 * hint). Infinity while the breaker is forced open.
 */
export class BrokenCircuitError extends ResilienceError {
  override name = 'BrokenCircuitError';
  constructor(
    readonly retryAfterMs: number,
    readonly state: RejectingState,
  ) {
    super(state === 'forced-open' ? 'circuit forced open (isolated)' : `circuit ${state}; retry after ${Math.ceil(retryAfterMs)} ms`);
  }
}
