import type { NumberRange } from '../options/validate.ts';

/**
 * Which failure detector a closed breaker uses, and its thresholds. Rates are
 * percentages (0, 100], as in resilience4j. A call is slow when it took
 * strictly longer than `slowCalls.durationMs` (resilience4j's rule too); a
 * slow call counts whether it succeeded or failed.
 */
export type FailureDetection = ConsecutiveFailuresDetection | CountWindowDetection | TimeWindowDetection;

/** Trip after `failureThreshold` failures in a row (cockatiel's ConsecutiveBreaker, Polly v7's basic breaker). */
export interface ConsecutiveFailuresDetection {
  readonly kind: 'consecutive';
  readonly failureThreshold: number;
  /** Also trip after `threshold` slow calls in a row. */
  readonly slowCalls?: { readonly durationMs: number; readonly threshold: number };
}

/** resilience4j's COUNT_BASED window: the outcomes of the last `windowSize` calls. */
export interface CountWindowDetection {
  readonly kind: 'count-window';
  readonly windowSize: number;
  /** Calls the window must hold before it may trip; more than `windowSize` is treated as `windowSize`, as resilience4j does. */
  readonly minimumCalls: number;
  readonly failureRateThreshold: number;
  readonly slowCalls?: SlowCallRate;
}

/**
 * resilience4j's TIME_BASED window: the calls that ended in the last
 * `windowMs`, kept in `buckets` slices (10 unless said otherwise). The window
 * moves one slice at a time: it holds between windowMs − windowMs/buckets and
 * windowMs of history.
 */
export interface TimeWindowDetection {
  readonly kind: 'time-window';
  readonly windowMs: number;
  readonly buckets?: number;
  readonly minimumCalls: number;
  readonly failureRateThreshold: number;
  readonly slowCalls?: SlowCallRate;
}

export interface SlowCallRate {
  readonly durationMs: number;
  readonly rateThreshold: number;
}

/** Defaults of the failure detectors, stated once. */
export const detectionDefaults = {
  /** Slices of a time window, as resilience4j's default of one per second over 10 s. */
  buckets: 10,
} as const;

/** Allowed ranges of the failure detectors' options. */
export const detectionLimits = {
  /** failureThreshold, slowCalls.threshold, windowSize, minimumCalls, buckets. */
  count: { min: 1, integer: true },
  /** failureRateThreshold and slowCalls.rateThreshold, in percent. */
  percent: { above: 0, max: 100 },
  windowMs: { above: 0 },
  /** slowCalls.durationMs: Infinity means no call is slow. */
  slowCallDurationMs: { min: 0, infinity: true },
} as const satisfies Record<string, NumberRange>;
