/**
 * Backoffs: how long to wait before each retry.
 *
 * How attempts and retries are numbered, everywhere in this layer:
 * - attempts count every try, the first one included: attempt 1 is the
 *   original call, attempt 2 the first retry, and `maxAttempts: 3` means one
 *   call and at most two retries;
 * - a backoff is asked about retries, and `retry` is 1 for the first retry
 *   (the wait between attempt 1 and attempt 2), so retry = attempt - 1 of the
 *   attempt about to start.
 * With retry = 1 first, exponential backoff's first wait is base · factor
 * (2 · base), exactly as in Brooker's formula min(cap, base · 2^attempt).
 */
export type { Backoff, BackoffContext } from './backoff.ts';
export { constantBackoff } from './constant-backoff.ts';
export { linearBackoff, type LinearBackoffOptions } from './linear-backoff.ts';
export { exponentialBackoff, type ExponentialBackoffOptions, type ExponentialJitter } from './exponential-backoff.ts';
export { decorrelatedJitterBackoff, type DecorrelatedJitterBackoffOptions } from './decorrelated-jitter-backoff.ts';
export { brookerBackoff, jitterStrategies, type JitterStrategy } from './brooker-backoff.ts';
export { backoffLimits, defaultExponentialFactor } from './backoff-options.ts';
