import { checkNumber } from '../options/validate.ts';
import type { RetryBudget, RetryCause } from './retry-budget.ts';
import { retryBudgetDefaults, retryBudgetLimits } from './retry-budget-options.ts';

export interface RetryQuotaOptions {
  /** Capacity at the start, and its ceiling. AWS: 500. */
  initial?: number;
  /** Taken from the quota for a retry after an error. AWS: 5. */
  retryCost?: number;
  /** Taken for a retry after a timeout, which suggests overload more strongly. AWS: 10. */
  timeoutCost?: number;
  /** Added when a request succeeds on its first attempt. AWS: 1. */
  noRetryIncrement?: number;
}

const defaults = retryBudgetDefaults.quota;

/**
 * The costs of the AWS SDKs' updated standard mode (announced in 2026, opt-in
 * with AWS_NEW_RETRIES_2026=true until it is an SDK's default): a retry after
 * a non-throttling error costs 14, and timeouts cost the same as other
 * errors. Its discount for throttling errors (5) is not modelled: a
 * RetryCause does not tell throttling apart. 35 failed retries empty the
 * default quota of 500, against 100 with the long-standing costs.
 */
export const retryQuotaCosts2026: Pick<RetryQuotaOptions, 'retryCost' | 'timeoutCost'> = { retryCost: 14, timeoutCost: 14 };

/**
 * The retry quota of the AWS SDKs' "standard" retry mode: a retry takes its
 * cost from a shared capacity and is refused when the capacity is short; a
 * request that then succeeds gives back what its last retry took, one that
 * succeeds at once adds noRetryIncrement. With the defaults, 100 failing
 * retries in a row (50 after timeouts) empty the quota, and it refills only
 * as calls succeed again.
 */
export function retryQuota({
  initial = defaults.initial,
  retryCost = defaults.retryCost,
  timeoutCost = defaults.timeoutCost,
  noRetryIncrement = defaults.noRetryIncrement,
}: RetryQuotaOptions = {}): RetryBudget & {
  readonly capacity: number;
} {
  for (const [name, value] of Object.entries({ initial, retryCost, timeoutCost, noRetryIncrement })) checkNumber(name, value, retryBudgetLimits.amount);
  const cost = (cause: RetryCause) => (cause === 'timeout' ? timeoutCost : retryCost);
  let capacity = initial;
  return {
    get capacity() {
      return capacity;
    },
    onRequest() {},
    tryAcquireRetry(_now, cause) {
      const c = cost(cause);
      if (capacity < c) return false;
      capacity -= c;
      return true;
    },
    onAttemptEnd(_now, ok, isRetry, retryCause = 'error') {
      if (!ok) return;
      capacity = Math.min(initial, capacity + (isRetry ? cost(retryCause) : noRetryIncrement));
    },
    snapshot() {
      return { capacity };
    },
  };
}
