export {
  HedgingCore,
  HedgingState,
  checkHedgingCoreOptions,
  type HedgeAttemptOutcome,
  type HedgingCoreOptions,
  type HedgingDecision,
  type HedgingFailureReason,
} from './hedging-core.ts';
export { PercentileHedgingDelay, fixedHedgingDelay, type HedgingDelay, type PercentileHedgingDelayOptions } from './hedging-delay.ts';
export { HedgeBudgetExhaustedError, HedgeLostError } from './hedging-errors.ts';
export { HedgingPolicy, hedging, type HedgeEvent } from './hedging-policy.ts';
export { hedgingDefaults, hedgingLimits, type HedgingOptions } from './hedging-options.ts';
