import type { NumberRange } from '../options/validate.ts';
import type { Backoff } from '../backoff/backoff.ts';
import type { RandomSource } from '../random.ts';
import type { FailureDetection } from './detection-options.ts';

export interface CircuitBreakerCoreOptions {
  readonly detection: FailureDetection;
  /**
   * How long the breaker stays open: a fixed number of ms, or a backoff (from
   * ../backoff) asked with `retry` = the number of times the breaker has
   * opened since it was last closed (1 the first time), so each failed
   * recovery waits longer. `exponentialBackoff({ baseMs: 5000, capMs: 60000,
   * jitter: 'none' })` opens for 10 s, 20 s, 40 s, 60 s, ...
   */
  readonly openDuration: number | Backoff;
  /** Chance for a jittered open-duration backoff; a breaker whose backoff draws without one throws. */
  readonly random?: RandomSource;
  readonly halfOpen?: HalfOpenOptions;
  /**
   * false (default): open turns half-open lazily, when the first call comes
   * strictly after the wait. true: also on a timer at the end of the wait
   * (`nextTimerAt()` says when; `advance(now)` applies it), so the state is
   * half-open even with no calls, as resilience4j's
   * automaticTransitionFromOpenToHalfOpenEnabled.
   */
  readonly automaticHalfOpen?: boolean;
}

export interface HalfOpenOptions {
  /** Probe calls let through per half-open episode (those whose outcome is not counted excepted). 1 by default. */
  readonly probes?: number;
  /** Successful probes needed to close; the breaker reopens as soon as that is out of reach. `probes` by default. */
  readonly successThreshold?: number;
  /**
   * A probe that has not ended this many ms after it was let through counts as
   * failed, so a hung probe cannot hold the breaker half-open. No limit by default.
   */
  readonly probeTimeoutMs?: number;
}

/** Defaults of the breaker's own options, stated once. */
export const breakerDefaults = {
  probes: 1,
  /** A probe may run as long as it likes unless a timeout is set. */
  probeTimeoutMs: Infinity,
  automaticHalfOpen: false,
} as const;

/** Allowed ranges of the breaker's own options (the detectors' are in detection-options.ts). */
export const breakerLimits = {
  /** A fixed open duration, and what an open-duration backoff returns. */
  openDurationMs: { min: 0 },
  probes: { min: 1, integer: true },
  probeTimeoutMs: { above: 0, infinity: true },
} as const satisfies Record<string, NumberRange>;
