import { healthDetectionSpec } from '../../../../simulations/scenarios/specs/health-detection.ts';

const p = healthDetectionSpec.params;

/**
 * The checker's settings, the failure, the flaky backend and outlier
 * detection: what the reader tunes. The cluster (5 backends, 100 req/s)
 * stays at the scenario's defaults so the traffic shares read as fifths.
 */
export const timelineSpecs = {
  interval: p.interval,
  timeout: p.timeout,
  unhealthyThreshold: p.unhealthyThreshold,
  healthyThreshold: p.healthyThreshold,
  jitter: p.jitter,
  failureMode: p.failureMode,
  flakyErrorRate: p.flakyErrorRate,
  outlierDetection: p.outlierDetection,
  failures: p.failures,
};

export type TimelineSpecs = typeof timelineSpecs;
