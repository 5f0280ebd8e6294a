/**
 * How a closed breaker decides to trip. A detector sees every counted call's
 * outcome (failed or not, slow or not) and answers, synchronously and without
 * allocating, whether the breaker should open now.
 */
export interface FailureDetector {
  /** True when the detector reads `now` (a time window); the executor may skip its clock otherwise. */
  readonly usesTime: boolean;
  /**
   * Records one call that ended at `now`; true when the breaker should trip.
   * `now` may be NaN for a call known to fall in the newest slice of a time
   * window (see CircuitBreakerCore.allowUntimedSuccesses).
   */
  record(now: number, failed: boolean, slow: boolean): boolean;
  /**
   * The time until which a call that ends is sure to fall in the newest
   * slice of the window, as of a call recorded at `now`: a tenth of a slice
   * before the slice ends. -Infinity when there is no such time (past it
   * already, or a detector that ignores time).
   */
  untimedUntil(now: number): number;
  /** Forgets every call: the breaker closed again, or was reset. */
  reset(): void;
  /** What the detector currently holds, as of `now`. */
  counts(now: number): WindowCounts;
  snapshot(): DetectorSnapshot;
  /** Puts back what `snapshot()` gave, from a detector built with the same options. */
  restore(snapshot: DetectorSnapshot): void;
}

/**
 * The calls a detector holds. For a window: calls in the window, and how
 * many of them failed or were slow (a slow failure counts in both, as in
 * resilience4j). For consecutive failures: calls since the last reset, and
 * the current runs of failures and of slow calls.
 */
export interface WindowCounts {
  readonly calls: number;
  readonly failures: number;
  readonly slowCalls: number;
}

/** A detector's state as plain JSON, tagged with the detector kind it came from. */
export type DetectorSnapshot =
  | { readonly kind: 'consecutive'; readonly calls: number; readonly failureRun: number; readonly slowRun: number }
  | { readonly kind: 'count-window'; readonly outcomes: readonly number[] }
  | {
      readonly kind: 'time-window';
      /** Absolute index of the newest bucket (floor(now / bucketMs)), or null before the first call. */
      readonly newestBucket: number | null;
      /** Oldest bucket first; one entry per bucket of the window. */
      readonly buckets: readonly { readonly calls: number; readonly failures: number; readonly slowCalls: number }[];
    };

/**
 * The rate rule shared by both windows, in resilience4j's words: once at
 * least `minimumCalls` calls are recorded, trip when the failure rate or the
 * slow-call rate is at or above its threshold (percent). Compared as
 * failures · 100 >= threshold · calls, so an integer threshold meets the
 * boundary exactly instead of through a rounded division.
 */
export function rateThresholdReached(
  calls: number,
  failures: number,
  slowCalls: number,
  minimumCalls: number,
  failureRateThreshold: number,
  slowCallRateThreshold: number,
): boolean {
  if (calls < minimumCalls || calls === 0) return false;
  return failures * 100 >= failureRateThreshold * calls || slowCalls * 100 >= slowCallRateThreshold * calls;
}
