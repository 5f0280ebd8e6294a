import { checkNumber } from '../options/validate.ts';
import { BucketedWindow } from './bucketed-window.ts';
import { retryBudgetDefaults, retryBudgetLimits } from './retry-budget-options.ts';
import type { RetryBudget } from './retry-budget.ts';

export interface RatioBudgetOptions {
  /** Retries allowed per request, e.g. 0.1 for the SRE book's 10%. */
  ratio: number;
  windowMs: number;
  /**
   * Retries allowed in a window on top of the ratio, so that a client with
   * little traffic can still retry at all (Finagle's minRetriesPerSec). 0 by default.
   */
  minRetriesPerWindow?: number;
  /** Slices the window is kept in (see BucketedWindow). 10 by default. */
  buckets?: number;
}

/**
 * The SRE book's per-client retry budget (ch. 21 and 22): over a sliding
 * window, retries may be at most `ratio` × requests (+ minRetriesPerWindow).
 * Unlike a per-request cap, this bounds the extra load retries add to a
 * failing backend at 1 + ratio, whatever the failure rate.
 * Requests are counted when they start (first attempts only), retries when granted.
 */
export function ratioBudget({
  ratio,
  windowMs,
  minRetriesPerWindow = retryBudgetDefaults.ratio.minRetriesPerWindow,
  buckets = retryBudgetDefaults.ratio.buckets,
}: RatioBudgetOptions): RetryBudget {
  checkNumber('ratio', ratio, retryBudgetLimits.amount);
  checkNumber('minRetriesPerWindow', minRetriesPerWindow, retryBudgetLimits.amount);
  const requests = new BucketedWindow(windowMs, buckets);
  const retries = new BucketedWindow(windowMs, buckets);
  return {
    onRequest(now) {
      requests.add(now);
    },
    tryAcquireRetry(now) {
      // The epsilon keeps 0.29 × 100 (28.999999999999996 in binary) allowing its 29th retry.
      if (retries.total(now) + 1 > ratio * requests.total(now) + minRetriesPerWindow + 1e-9) return false;
      retries.add(now);
      return true;
    },
    onAttemptEnd() {},
    snapshot() {
      return { requests: requests.peek(), retries: retries.peek() };
    },
  };
}
