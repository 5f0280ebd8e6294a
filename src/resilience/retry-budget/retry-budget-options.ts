import type { NumberRange } from '../options/validate.ts';

/**
 * Defaults and limits of the retry budgets and of client-side adaptive
 * throttling, stated once.
 */
export const retryBudgetDefaults = {
  /** BucketedWindow slices when a caller does not say. */
  windowBuckets: 10,
  ratio: { minRetriesPerWindow: 0, buckets: 10 },
  /** The AWS SDKs' standard retry mode. */
  quota: { initial: 500, retryCost: 5, timeoutCost: 10, noRetryIncrement: 1 },
  /** Google SRE book, ch. 21: K = 2 over two minutes, kept in 10 s slices. */
  adaptive: { k: 2, windowMs: 120_000, buckets: 12, minRequests: 20, padding: 1 },
} as const;

export const retryBudgetLimits = {
  windowMs: { above: 0 },
  buckets: { min: 1, integer: true },
  /** ratio, minRetriesPerWindow, and the quota's capacities and costs. */
  amount: { min: 0 },
  maxTokens: { above: 0 },
  /** gRPC keeps three decimals of tokenRatio (gRFC A6): anything below 0.0005 would round to 0 and never refill. */
  tokenRatio: { min: 0.0005 },
  k: { above: 0 },
  minRequests: { min: 0 },
  padding: { above: 0 },
} as const satisfies Record<string, NumberRange>;
