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
