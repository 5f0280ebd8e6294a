import { ProgressReporter } from '../engine/progress.ts';
import type { Simulation } from '../engine/simulation.ts';
import type { RunOptions } from '../scenario.ts';
import type { RequestLedger } from './request-ledger.ts';

/** How far a run may go: it ends once arrivals are over and no request is open, or at a limit. */
export interface DrainLimits {
  /** The run's arrivals (open- or closed-loop clients). */
  readonly arrivals: { readonly done: boolean };
  /** Events later than this (virtual ms) are not run. */
  readonly maxTimeMs: number;
  /**
   * The run lasts at least until this time (virtual ms), even when the last
   * request ends earlier: scheduled faults, checks and transitions still
   * play out. Without it, a lull in sparse traffic near the end stopped a
   * run before its last failure was over.
   */
  readonly untilMs?: number;
  /** A guard against a model that never settles. */
  readonly maxEvents?: number;
  /** The fraction of the run done, in [0, 1], for a progress bar. */
  readonly fractionDone: () => number;
}

/** Far more events than any scenario's largest run needs. */
const MAX_EVENTS = 50_000_000;

/**
 * Runs `sim` until every request has ended, then checks that the ledger adds
 * up. A request still open at a limit (one that can never end, such as a
 * call to a hanging service with no timeout) is counted as timed out: its
 * caller gives up when the run does.
 */
export function drainAndBalance(sim: Simulation, ledger: RequestLedger, limits: DrainLimits, options: RunOptions = {}): void {
  const progress = options.onProgress ? new ProgressReporter(options.onProgress, limits.fractionDone) : undefined;
  const untilMs = limits.untilMs ?? 0;
  // Read once: isDone runs after every event.
  const arrivals = limits.arrivals;
  const reason = sim.run({
    maxTimeMs: limits.maxTimeMs,
    maxEvents: limits.maxEvents ?? MAX_EVENTS,
    // The ledger first: a field of one class, and false through most of a run, while `done` is a getter on whichever clients the scenario has.
    isDone: () => ledger.inFlight === 0 && arrivals.done && sim.now >= untilMs,
    progress,
  });
  if (reason !== 'done') ledger.cutOff();
  ledger.assertBalanced();
  progress?.finish();
}
