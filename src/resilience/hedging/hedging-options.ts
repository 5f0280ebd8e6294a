import type { Clock } from '../clock.ts';
import type { NumberRange } from '../options/validate.ts';
import type { RetryBudget } from '../retry-budget/retry-budget.ts';
import type { HedgingDelay } from './hedging-delay.ts';

export interface HedgingOptions {
  /** Attempts in all, the first included. 2 by default (Polly's one hedged attempt). */
  maxAttempts?: number;
  /** Fixed wait before each hedge, ms; 2000 by default, as Polly. 0 sends every attempt at once. */
  delayMs?: number;
  /** A delay that learns (PercentileHedgingDelay); overrides delayMs. */
  delay?: HedgingDelay;
  /**
   * Which failures another attempt may still beat (gRPC's nonFatalStatusCodes).
   * By default every error but an abort, as Polly handles every exception
   * except OperationCanceledException.
   */
  nonFatal?: (error: unknown) => boolean;
  /** The server's pushback carried by an error, ms (negative: stop hedging); an error's `retryAfterMs` by default. */
  pushbackMs?: (error: unknown) => number | undefined;
  /** The retry budget hedges draw from, shared with the retries to the same server. */
  budget?: RetryBudget;
  clock?: Clock;
  /**
   * Period of the policy's shared timer: a hedge goes between delay and
   * delay + resolutionMs after the previous attempt. delay/20 within
   * [1, 100] ms for a fixed delay, 5 ms for a learning one.
   */
  resolutionMs?: number;
}

/** Defaults of hedging, stated once: Polly's for the policy, Finagle's for a learning delay's floor. */
export const hedgingDefaults = {
  maxAttempts: 2,
  delayMs: 2000,
  /** The shared timer's period when the delay learns (it may become a few ms). */
  learningResolutionMs: 5,
  percentileWindowSize: 1000,
  percentileRefreshEvery: 100,
  /** No timed hedge until the first percentile is known, as Finagle. */
  percentileInitialDelayMs: Infinity,
  /** Finagle's minSendBackupAfterMs. */
  percentileMinDelayMs: 1,
} as const;

export const hedgingLimits = {
  maxAttempts: { min: 1, integer: true },
  /** A fixed delay; Infinity sends no timed hedge. */
  delayMs: { min: 0, infinity: true },
  resolutionMs: { above: 0 },
  percentile: { above: 0, below: 100 },
  /** windowSize and refreshEvery. */
  count: { min: 1, integer: true },
  initialDelayMs: { min: 0, infinity: true },
  minDelayMs: { min: 0 },
} as const satisfies Record<string, NumberRange>;
