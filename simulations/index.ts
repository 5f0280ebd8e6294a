/**
 * The public face of simulations/: parameter declarations, the scenario
 * contract and registry, every scenario with its result type, batch runs, and
 * the engine pieces a new scenario or a chart needs. Layers above (widgets,
 * pages) import from here or, to keep a bundle small, from one scenario's file.
 */
export * from '../src/params/params.ts';
export { defineScenario, type RunOptions, type Scenario, type ScenarioResult, type ScenarioSpec, type Summary } from './scenario.ts';
export { batchSeed, meanSummary, runMany } from './run-many.ts';
export { getScenario, scenarioNames, scenarios, type ScenarioName, type ScenarioRegistry } from './scenarios/index.ts';

export { jitterContention, type JitterContentionResult, type JitterContentionSeries } from './scenarios/jitter-contention.ts';
export { expectedAmplification, retryAmplification, type RetryAmplificationResult } from './scenarios/retry-amplification.ts';
export { retryBudget, retryPolicies, type RetryBudgetPolicy, type RetryBudgetResult } from './scenarios/retry-budget.ts';
export { retryStorm, type RetryStormParams, type RetryStormResult } from './scenarios/retry-storm.ts';
export { queueScenario, type QueueResult } from './scenarios/queue.ts';
export { breakerOutage, breakerOptions, type BreakerOutageParams, type BreakerOutageResult } from './scenarios/breaker-outage.ts';
export { cascadingFailure, type CascadingFailureParams, type CascadingFailureResult } from './scenarios/cascading-failure.ts';
export { ballsIntoBins, type BallsIntoBinsParams, type BallsIntoBinsResult, type LoadAfter } from './scenarios/balls-into-bins.ts';
export { supermarket, type SupermarketParams, type SupermarketResult } from './scenarios/supermarket.ts';
export {
  heterogeneousAlgorithms,
  heterogeneousHealthCheck,
  heterogeneousOutlierDetection,
  lbHeterogeneous,
  type BackendStats,
  type HeterogeneousAlgorithm,
  type LbHeterogeneousParams,
  type LbHeterogeneousResult,
  type LbHeterogeneousSeries,
  type RotationEvent,
} from './scenarios/lb-heterogeneous.ts';
export { consistentHashing, type BackendKeys, type ConsistentHashingParams, type ConsistentHashingResult, type KeyMove } from './scenarios/consistent-hashing.ts';
export { healthDetection, type HealthDetectionParams, type HealthDetectionResult, type HealthTimeline, type RotationKind } from './scenarios/health-detection.ts';
export { failover, type FailoverParams, type FailoverResult, type FailoverSwitch, type FailoverTimeline } from './scenarios/failover.ts';
export { hedgingScenario, type HedgingParams, type HedgingResult } from './scenarios/hedging.ts';
export { availabilityScenario, type AvailabilityParams, type AvailabilityResult, type AvailabilityTimeline } from './scenarios/availability.ts';
export { hiccupHedgedLatency, hiccupQuantile, type HiccupHedging, type HiccupLatency } from './theory/hedging-hiccup.ts';
export { faultInjection, type FaultInjectionParams, type FaultInjectionResult, type CallEnding } from './scenarios/fault-injection.ts';
export { chaosExperiment, chaosExperimentFor, type ChaosExperimentParams, type ChaosExperimentResult, type ChaosProbeColumn, type ChaosProbeSeries } from './scenarios/chaos-experiment.ts';
export { metastability, cellParams, type MetastabilityParams, type MetastabilityResult, type MetastabilityCell } from './scenarios/metastability.ts';
export { metastabilityCell, type MetastabilityCellParams, type MetastabilityCellResult } from './scenarios/metastability-cell.ts';
export { runOnSimulator, type SimulatorRun, type SimulatorRunOptions, type RollbackRun } from './chaos/run-on-simulator.ts';
export { simulatedTargets, noDefences, type SimulatedTarget, type SystemDefences } from './chaos/three-tier-system.ts';
export { expectedMaxLoad, expectedMaxLoads } from './theory/balanced-allocations.ts';
export { supermarketMeanTime, supermarketTail } from './theory/supermarket.ts';
export { expectedActiveDetectionMs, type ProbeFailureMode } from './theory/health-check-detection.ts';
export type { BreakerTransition } from './models/breaker-timeline.ts';
export type { CallerSeries } from './models/caller-metrics.ts';
export type { MixedTrafficSeries } from './models/mixed-traffic-metrics.ts';

export { EventQueue } from './engine/event-queue.ts';
export { deriveSeed, RandomStreams } from './engine/random-streams.ts';
export { SeriesRecorder, type TimeSeries } from './engine/time-series.ts';
export { ProgressReporter } from './engine/progress.ts';
export { Simulation, type Action, type EventHandler, type RunLimits, type StopReason } from './engine/simulation.ts';
export { requestOutcomes, RequestLedger, type LedgerCounts, type RequestOutcome } from './models/request-ledger.ts';
export { drainAndBalance, type DrainLimits } from './models/drain-and-balance.ts';
export { Attempt, type AttemptCaller } from './models/attempt.ts';
export type { TimeWindow } from './models/fault-schedule.ts';
