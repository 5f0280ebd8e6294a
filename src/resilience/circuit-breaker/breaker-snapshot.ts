import type { DetectorSnapshot } from './failure-detector.ts';
import type { BreakerState } from './breaker-machine.ts';

/**
 * Everything a breaker core needs to carry on where it was, as plain JSON
 * (infinite times are written as null), for replays and shareable links.
 * Restore it into a core built with the same options.
 */
export interface CircuitBreakerSnapshot {
  readonly version: 1;
  readonly state: BreakerState;
  /** Bumped on every transition; permits from an earlier epoch are not counted. */
  readonly epoch: number;
  /** When the current state was entered; null before the first transition. */
  readonly enteredAt: number | null;
  /** End of the open wait; null unless open. */
  readonly openUntil: number | null;
  /** Times opened since last closed: the `retry` a growing open duration is asked about. */
  readonly openings: number;
  readonly lastOpenDurationMs: number | null;
  readonly probes: ProbesSnapshot | null;
  readonly detector: DetectorSnapshot;
}

export interface ProbesSnapshot {
  readonly successes: number;
  readonly failures: number;
  readonly nextId: number;
  /** Probes let through and not ended yet, oldest first; deadline null without a probe timeout. */
  readonly inFlight: readonly { readonly id: number; readonly deadline: number | null }[];
}
