import type { Backoff } from '../backoff/backoff.ts';
import { exponentialBackoff } from '../backoff/exponential-backoff.ts';
import type { Clock } from '../clock.ts';
import type { NumberRange } from '../options/validate.ts';
import type { RandomSource } from '../random.ts';
import type { RetryBudget } from '../retry-budget/retry-budget.ts';
import type { AttemptFailure } from './retry-core.ts';

/** The retry decision's options (see RetryCore). */
export interface RetryCoreOptions {
  /** Attempts in all, the first one included (see backoff/index.ts); >= 1, may be Infinity. */
  maxAttempts: number;
  backoff: Backoff;
  /**
   * Time from the start of the first attempt within which every attempt must
   * start: a retry whose wait would end at or past it does not happen.
   * Infinity by default.
   */
  deadlineMs?: number;
  /**
   * No wait is longer than this, whether the backoff or a server's
   * Retry-After hint asked for it (`retryDefaults.maxDelayMs` by default).
   * Polly's `MaxDelay` caps its backoff but not delays from a
   * `DelayGenerator` (https://github.com/App-vNext/Polly/blob/main/src/Polly.Core/Retry/RetryStrategyOptions.TResult.cs);
   * here it caps hints too, since a hint is a number the server chooses:
   * a hint above it means the retry comes sooner than the server asked.
   * Set `deadlineMs` to give up instead.
   */
  maxDelayMs?: number;
  /** Which failures are worth another attempt; all by default. */
  retryable?: (failure: AttemptFailure) => boolean;
  /** Shared across requests; asked only when a retry would otherwise happen. */
  budget?: RetryBudget;
}

/** The retry executor's options (see RetryPolicy). */
export interface RetryOptions {
  /** Attempts in all, the first one included. `retryDefaults.maxAttempts` by default. */
  maxAttempts?: number;
  /** `retryDefaults.backoff` by default: full-jitter exponential from 100 ms, capped at 10 s. */
  backoff?: Backoff;
  /**
   * Every attempt must start within this many ms of the first one (no retry
   * whose wait would end later). It does not cut an attempt that is running:
   * put `timeout(deadlineMs)` outside the retry for that.
   */
  deadlineMs?: number;
  /** The longest wait before a retry, backoff and Retry-After hints alike; see RetryCoreOptions. */
  maxDelayMs?: number;
  /** Which errors are worth another attempt; all by default. */
  retryable?: (error: unknown) => boolean;
  /** The server's Retry-After hint carried by an error, in ms; by default an error's numeric `retryAfterMs` property. */
  retryAfterMs?: (error: unknown) => number | undefined;
  budget?: RetryBudget;
  clock?: Clock;
  random?: RandomSource;
}

/** Defaults, stated once (as Polly's RetryConstants). */
export const retryDefaults = {
  maxAttempts: 3,
  backoff: exponentialBackoff({ baseMs: 100, capMs: 10_000, jitter: 'full' }),
  deadlineMs: Infinity,
  /** A minute: far above any default backoff, far below the hour a misconfigured server may ask for. */
  maxDelayMs: 60_000,
} as const;

/** Allowed ranges. maxDelayMs goes up to a day, as Polly's MaxDelay ([Range] 0 to 1.00:00:00). */
export const retryLimits = {
  maxAttempts: { min: 1, integer: true, infinity: true },
  deadlineMs: { above: 0, infinity: true },
  maxDelayMs: { min: 0, max: 86_400_000 },
} as const satisfies Record<string, NumberRange>;
