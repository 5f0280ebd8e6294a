/** Why a request wants to retry: some budgets charge more after a timeout. */
export type RetryCause = 'error' | 'timeout';

/**
 * A limit on retries shared by many requests, so that when a dependency
 * fails, retries cannot multiply the load on it. The retry core calls, per
 * request:
 *
 *   onRequest(now)                       once, before the first attempt
 *   onAttemptEnd(now, ok, isRetry, ...)  after every attempt
 *   tryAcquireRetry(now, cause)          after a failed attempt, only when a retry
 *                                        would otherwise happen (attempts, deadline
 *                                        and retryable all allow it); true charges
 *                                        the budget and the retry goes ahead
 *
 * All methods are synchronous and take the time: budgets are sans-I/O cores.
 */
export interface RetryBudget {
  onRequest(now: number): void;
  tryAcquireRetry(now: number, cause: RetryCause): boolean;
  /**
   * `retryCause` is the cause the retry was acquired for when `isRetry` (the
   * AWS quota refunds a timeout retry's higher cost); it defaults to 'error'.
   */
  onAttemptEnd(now: number, ok: boolean, isRetry: boolean, retryCause?: RetryCause): void;
  /** The budget's state, flat, for charts and tests (e.g. `{ tokens: 7.5 }`). */
  snapshot(): Record<string, number>;
}
