import { TimeoutError, type ResponseOutcome } from '../../src/resilience/index.ts';
import { HttpError } from './http-error.ts';

/**
 * How an HTTP call ended, in outlier detection's terms (Envoy's): 502, 503,
 * 504, a timeout and a connection that failed are gateway errors; any other
 * 5xx is a server error; a 4xx says the server is up and did its job.
 * `undefined` means the call succeeded. Any other error (the caller's own
 * abort, say) is not held against the server either.
 */
export function classifyHttpOutcome(error?: unknown): ResponseOutcome {
  if (error === undefined) return 'success';
  if (error instanceof HttpError) {
    if (error.status === 502 || error.status === 503 || error.status === 504) return 'gateway-error';
    return error.status >= 500 ? 'server-error' : 'success';
  }
  // fetch rejects with a TypeError for a reset or refused connection.
  if (error instanceof TimeoutError || error instanceof TypeError) return 'gateway-error';
  return 'success';
}

/**
 * Whether an error says the dependency is failing, for a circuit breaker's
 * `isFailure`: 5xx, timeouts and broken connections count; a 4xx (the
 * caller's own mistake) does not.
 */
export function isDependencyFailure(error: unknown): boolean {
  return classifyHttpOutcome(error) !== 'success';
}
