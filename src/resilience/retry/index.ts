export {
  RetryCore,
  RetryState,
  attemptSucceeded,
  type AttemptOutcome,
  type AttemptFailure,
  type RetryDecision,
  type GiveUpDecisionReason,
} from './retry-core.ts';
export { RetryPolicy, retry, retryAfterFromError } from './retry-policy.ts';
export { retryDefaults, retryLimits, type RetryCoreOptions, type RetryOptions } from './retry-options.ts';
