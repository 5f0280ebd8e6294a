import { checkNumber } from '../options/validate.ts';
import type { RetryBudget } from './retry-budget.ts';
import { retryBudgetLimits } from './retry-budget-options.ts';

export interface TokenBucketBudgetOptions {
  /** Bucket size; the bucket starts full. gRPC allows (0, 1000]. */
  maxTokens: number;
  /** Tokens a successful attempt puts back. gRPC keeps three decimals of it. */
  tokenRatio: number;
}

/**
 * gRPC retry throttling (gRFC A6): every failed attempt takes a token, every
 * successful one returns `tokenRatio`, within [0, maxTokens]; retries are
 * allowed only while more than half the bucket is left. With tokenRatio 0.1,
 * retries stop once failures exceed about one in eleven attempts and resume
 * when successes refill the bucket.
 *
 * Tokens are counted in integer thousandths, as gRPC does, so a sequence of
 * 0.1 refunds adds up exactly instead of drifting in binary floating point.
 */
export function tokenBucketBudget({ maxTokens, tokenRatio }: TokenBucketBudgetOptions): RetryBudget & { readonly tokens: number } {
  checkNumber('maxTokens', maxTokens, retryBudgetLimits.maxTokens);
  checkNumber('tokenRatio', tokenRatio, retryBudgetLimits.tokenRatio);
  const maxMilli = Math.round(maxTokens * 1000);
  const ratioMilli = Math.round(tokenRatio * 1000);
  const thresholdMilli = maxMilli / 2;
  let milli = maxMilli;
  return {
    get tokens() {
      return milli / 1000;
    },
    onRequest() {},
    tryAcquireRetry() {
      return milli > thresholdMilli;
    },
    onAttemptEnd(_now, ok) {
      milli = ok ? Math.min(maxMilli, milli + ratioMilli) : Math.max(0, milli - 1000);
    },
    snapshot() {
      return { tokens: milli / 1000 };
    },
  };
}
