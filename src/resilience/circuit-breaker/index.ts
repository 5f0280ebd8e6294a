export { circuitBreakerMachine, breakerStates, type BreakerState, type BreakerEventType, type BreakerMachineEvent, type CircuitBreakerMachine } from './breaker-machine.ts';
export { machineDiagram, breakerDiagram, type MachineDiagram, type DiagramNode, type DiagramEdge } from './breaker-diagram.ts';
export {
  detectionDefaults,
  detectionLimits,
  type FailureDetection,
  type ConsecutiveFailuresDetection,
  type CountWindowDetection,
  type TimeWindowDetection,
  type SlowCallRate,
} from './detection-options.ts';
export type { FailureDetector, WindowCounts, DetectorSnapshot } from './failure-detector.ts';
export { ConsecutiveFailuresDetector } from './consecutive-failures-detector.ts';
export { CountWindowDetector } from './count-window-detector.ts';
export { TimeWindowDetector } from './time-window-detector.ts';
export { createDetector } from './create-detector.ts';
export { breakerDefaults, breakerLimits, type CircuitBreakerCoreOptions, type HalfOpenOptions } from './breaker-options.ts';
export type { BreakerStateChangeEvent, CallRejectedEvent, CallOutcomeEvent, SlowCallEvent, PermitKind, RejectingState } from './breaker-events.ts';
export type { CircuitBreakerSnapshot, ProbesSnapshot } from './breaker-snapshot.ts';
export { CircuitBreakerCore, STRICTLY_AFTER_MS, type Permit, type Rejection, type AcquireResult } from './circuit-breaker-core.ts';
export { BrokenCircuitError } from './broken-circuit-error.ts';
export { CircuitBreakerPolicy, circuitBreaker, type CircuitBreakerOptions } from './circuit-breaker-policy.ts';
