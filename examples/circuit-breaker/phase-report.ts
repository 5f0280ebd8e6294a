import { latencySummary } from '../shared/latency-summary.ts';

/** Before, during and after the outage. */
export type PhaseName = 'before' | 'during' | 'after';
export const phaseNames: readonly PhaseName[] = ['before', 'during', 'after'];

/** One call as the caller saw it. */
export interface CallRecord {
  /** ms since the start of the run. */
  readonly startMs: number;
  readonly latencyMs: number;
  /** The error's name when the call failed. */
  readonly error?: string;
  /** The run's own time limit cut the call short: neither a success nor a failure. */
  readonly unfinished?: boolean;
}

export interface PhaseReport {
  readonly phase: PhaseName;
  /** Calls started in the phase. */
  readonly calls: number;
  readonly succeeded: number;
  /** HTTP requests the service received in the phase, retries and probes included. */
  readonly reachedService: number;
  /** Calls the breaker turned away (BrokenCircuitError). */
  readonly rejectedByBreaker: number;
  /** Every other failure, by error name. */
  readonly otherErrors: Readonly<Record<string, number>>;
  /** Calls cut short by the run's time limit. */
  readonly unfinished: number;
  /** Of the calls started in the phase, whatever their outcome, ms. */
  readonly p50Ms: number;
  readonly p99Ms: number;
}

function phaseOf(startMs: number, outage: { startMs: number; endMs: number }): PhaseName {
  if (startMs < outage.startMs) return 'before';
  return startMs < outage.endMs ? 'during' : 'after';
}

/**
 * Calls are put in the phase in which they started; requests at the service
 * in the phase in which they arrived (`reachedService`, counted at the
 * service when the outage started and ended), so a retry of a call started
 * just before the outage counts as a request during it.
 */
export function phaseReports(calls: readonly CallRecord[], outage: { startMs: number; endMs: number }, reachedService: readonly number[]): PhaseReport[] {
  return phaseNames.map((phase, i) => {
    const mine = calls.filter((c) => phaseOf(c.startMs, outage) === phase);
    const otherErrors: Record<string, number> = {};
    let rejectedByBreaker = 0;
    let unfinished = 0;
    for (const c of mine) {
      if (c.unfinished) unfinished++;
      else if (c.error === 'BrokenCircuitError') rejectedByBreaker++;
      else if (c.error !== undefined) otherErrors[c.error] = (otherErrors[c.error] ?? 0) + 1;
    }
    const { p50, p99 } = latencySummary(mine.map((c) => c.latencyMs));
    return {
      phase,
      calls: mine.length,
      succeeded: mine.filter((c) => c.error === undefined && !c.unfinished).length,
      reachedService: reachedService[i],
      rejectedByBreaker,
      otherErrors,
      unfinished,
      p50Ms: p50,
      p99Ms: p99,
    };
  });
}
