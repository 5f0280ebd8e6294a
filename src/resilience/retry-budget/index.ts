export type { RetryBudget, RetryCause } from './retry-budget.ts';
export { BucketedWindow } from './bucketed-window.ts';
export { tokenBucketBudget, type TokenBucketBudgetOptions } from './token-bucket-budget.ts';
export { ratioBudget, type RatioBudgetOptions } from './ratio-budget.ts';
export { retryQuota, retryQuotaCosts2026, type RetryQuotaOptions } from './retry-quota.ts';
export { AdaptiveThrottle, adaptiveThrottle, type AdaptiveThrottleOptions } from './adaptive-throttle.ts';
export { retryBudgetDefaults, retryBudgetLimits } from './retry-budget-options.ts';
