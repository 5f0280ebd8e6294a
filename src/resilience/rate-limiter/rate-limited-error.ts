import { ResilienceError } from '../errors.ts';

/**
 * The rate limit was reached; the operation did not run. `retryAfterMs` says
 * when a token will be there (a numeric property, so this project's retry
 * honours it as a Retry-After hint).
 */
export class RateLimitedError extends ResilienceError {
  override name = 'RateLimitedError';
  constructor(readonly retryAfterMs: number) {
    super(`rate limited; retry after ${Math.ceil(retryAfterMs)} ms`);
  }
}
