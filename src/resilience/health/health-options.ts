import type { NumberRange } from '../options/validate.ts';

/** Defaults of active health checking, stated once. */
export const activeHealthCheckDefaults = {
  intervalJitterMs: 0,
  initialJitterMs: 0,
  startHealthy: true,
} as const;

export const activeHealthCheckLimits = {
  /** intervalMs and timeoutMs. */
  periodMs: { above: 0 },
  /** healthyThreshold and unhealthyThreshold. */
  threshold: { min: 1, integer: true },
  jitterMs: { min: 0 },
} as const satisfies Record<string, NumberRange>;

/**
 * Defaults of outlier detection, Envoy's (envoy.config.cluster.v3.OutlierDetection).
 * Envoy ships gateway-failure and failure-percentage detection with
 * enforcement 0 (detected, never enforced), so they are off here unless given.
 */
export const outlierDefaults = {
  intervalMs: 10_000,
  baseEjectionTimeMs: 30_000,
  /** maxEjectionTimeMs is max(this, baseEjectionTimeMs) unless given. */
  maxEjectionTimeMs: 300_000,
  maxEjectionTimeJitterMs: 0,
  maxEjectionPercent: 10,
  alwaysEjectOneHost: false,
  consecutive5xx: { threshold: 5, enforcingPercent: 100 },
  enforcingPercent: 100,
  successRate: { minimumHosts: 5, requestVolume: 100, stdevFactor: 1.9, enforcingPercent: 100 },
  failurePercentage: { thresholdPercent: 85, minimumHosts: 5, requestVolume: 50, enforcingPercent: 100 },
} as const;

export const outlierLimits = {
  /** hostCount, thresholds, minimumHosts, requestVolume. */
  count: { min: 1, integer: true },
  /** intervalMs, baseEjectionTimeMs, maxEjectionTimeMs. */
  periodMs: { above: 0 },
  jitterMs: { min: 0, integer: true },
  percent: { min: 0, max: 100 },
  stdevFactor: { min: 0 },
} as const satisfies Record<string, NumberRange>;
