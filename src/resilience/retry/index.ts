export {
  RetryCore,
  RetryState,
  attemptSucceeded,
  type AttemptOutcome,
  type AttemptFailure,
  type RetryDecision,
  type GiveUpDecisionReason,
  type RetryCoreOptions,
} from './retry-core.ts';
export { RetryPolicy, retry, retryAfterFromError, type RetryOptions } from './retry-policy.ts';
