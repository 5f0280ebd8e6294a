import { TimeoutError } from '../../src/resilience/index.ts';

/**
 * A non-2xx response as an error the retry policy understands: it carries
 * the status and the server's Retry-After hint as `retryAfterMs`, the
 * convention `retry()` reads by default.
 */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`HTTP ${status}`);
  }
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110, 10.2.3). */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * Which failures are worth retrying, for idempotent requests: 429, 502, 503,
 * 504, network errors and attempts that timed out; never other 4xx.
 */
export function isRetryableHttpFailure(error: unknown): boolean {
  if (error instanceof TimeoutError) return true;
  if (error instanceof HttpError) return error.status === 429 || error.status === 502 || error.status === 503 || error.status === 504;
  // fetch rejects with a TypeError for a reset or refused connection.
  return error instanceof TypeError;
}
