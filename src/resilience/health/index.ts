export {
  ActiveHealthCheck,
  worstCaseDetectionMs,
  type ActiveHealthCheckOptions,
  type HealthTransition,
} from './active-health-check.ts';
export {
  OutlierDetector,
  type ConsecutiveRule,
  type EjectionReason,
  type FailurePercentageRule,
  type OutlierDetectionOptions,
  type OutlierEvent,
  type ResponseOutcome,
  type SuccessRateRule,
} from './outlier-detector.ts';
export { successRateEjectionThreshold } from './success-rate-threshold.ts';
export { activeHealthCheckDefaults, activeHealthCheckLimits, outlierDefaults, outlierLimits } from './health-options.ts';
