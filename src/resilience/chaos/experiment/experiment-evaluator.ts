import type { Experiment, Probe } from './experiment-schema.ts';
import { probeValue, withinTolerance, type WindowMeasurement } from './window-measurement.ts';

/** Where a window lies relative to the method: before any fault, while one is on, or after. */
export type ExperimentPhase = 'before' | 'during' | 'after';

export interface ProbeReading {
  readonly name: string;
  /** null when the window had no data for this probe (no request ended); never a breach. */
  readonly value: number | null;
  readonly within: boolean;
}

/** What the evaluator made of one window. */
export interface WindowVerdict {
  readonly startMs: number;
  readonly endMs: number;
  readonly phase: ExperimentPhase;
  /** Requests ended in the window, and successes per second: the traffic behind the readings. */
  readonly ended: number;
  readonly goodput: number;
  readonly probes: readonly ProbeReading[];
  readonly guards: readonly ProbeReading[];
}

/** Stop every fault now (and run the rollbacks): a guard was breached, or the system was not in its steady state before the method. */
export interface AbortOrder {
  readonly reason: 'guard' | 'steady-state-not-met';
  readonly probe: string;
  readonly value: number;
  readonly atMs: number;
}

export type Verdict =
  | { readonly status: 'held' }
  | { readonly status: 'refuted'; readonly probe: string; readonly value: number; readonly atMs: number; readonly phase: ExperimentPhase }
  | ({ readonly status: 'aborted' } & AbortOrder);

/** The exit code a CI job gates on: 0 held, 1 refuted, 3 aborted. */
export function verdictExitCode(verdict: Verdict): 0 | 1 | 3 {
  return verdict.status === 'held' ? 0 : verdict.status === 'refuted' ? 1 : 3;
}

export function describeVerdict(v: Verdict): string {
  switch (v.status) {
    case 'held':
      return 'hypothesis held';
    case 'refuted':
      return `hypothesis refuted: probe "${v.probe}" = ${round(v.value)} out of tolerance at ${v.atMs} ms (${v.phase} the fault)`;
    case 'aborted':
      return v.reason === 'guard'
        ? `aborted at ${v.atMs} ms: guard "${v.probe}" = ${round(v.value)} breached; faults stopped`
        : `aborted at ${v.atMs} ms: steady state not met before the method (probe "${v.probe}" = ${round(v.value)}); no fault injected`;
  }
}

function round(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(3);
}

/**
 * The verdict logic of an experiment, sans-I/O: fed one measurement per probe
 * interval, in order, it says what each window showed and, the moment a
 * guard is breached, that the runner must stop the faults. The runner (the
 * simulator on virtual time, or the real-mode script) owns time and traffic.
 *
 * - Before the method the hypothesis must hold, or there is nothing to learn
 *   (the Chaos Toolkit bails out then too): aborted, 'steady-state-not-met'.
 * - While a fault is on, each abort condition is checked at the end of every
 *   window: a breach aborts at that window's end, so within one probe
 *   interval of the first request that breached it.
 * - During and after the method, the first probe out of tolerance refutes
 *   the hypothesis; the run goes on (the faults end on schedule) so that
 *   recovery is measured too. Otherwise it held.
 */
export class ExperimentEvaluator {
  readonly windows: WindowVerdict[] = [];
  private refutation: Verdict | undefined = undefined;
  private abortOrder: AbortOrder | undefined = undefined;
  private readonly methodStartMs: number;

  constructor(readonly experiment: Experiment) {
    this.methodStartMs = Math.min(...experiment.method.map((a) => a.startMs));
  }

  /** When the experiment was aborted, or undefined. */
  get aborted(): AbortOrder | undefined {
    return this.abortOrder;
  }

  /** Whether a fault of the method is scheduled to be on during [startMs, endMs) (aborts aside). */
  faultScheduledIn(startMs: number, endMs: number): boolean {
    return this.experiment.method.some((a) => a.startMs < endMs && a.startMs + a.durationMs > startMs);
  }

  phaseOf(startMs: number, endMs: number): ExperimentPhase {
    if (this.abortOrder !== undefined) return 'after';
    if (endMs <= this.methodStartMs) return 'before';
    return this.faultScheduledIn(startMs, endMs) ? 'during' : 'after';
  }

  /** Reads one window; returns an order to stop the faults when this window aborts the experiment. */
  observe(w: WindowMeasurement): AbortOrder | undefined {
    const phase = this.phaseOf(w.startMs, w.endMs);
    const read = (p: Probe): ProbeReading => {
      const value = probeValue(p, w);
      return { name: p.name, value: Number.isNaN(value) ? null : value, within: withinTolerance(p, value) };
    };
    const probes = this.experiment['steady-state-hypothesis'].probes.map(read);
    const guards = phase === 'during' ? this.experiment.abortConditions.map(read) : [];
    this.windows.push({ startMs: w.startMs, endMs: w.endMs, phase, ended: w.ended, goodput: (w.succeeded * 1000) / (w.endMs - w.startMs), probes, guards });
    if (this.abortOrder !== undefined) return undefined;

    // A reading out of tolerance always has a value: no data is never a breach.
    const failedProbe = probes.find((r): r is ProbeReading & { value: number } => !r.within && r.value !== null);
    if (phase === 'before' && failedProbe) {
      this.abortOrder = { reason: 'steady-state-not-met', probe: failedProbe.name, value: failedProbe.value, atMs: w.endMs };
      return this.abortOrder;
    }
    const breachedGuard = guards.find((r): r is ProbeReading & { value: number } => !r.within && r.value !== null);
    if (breachedGuard) {
      this.abortOrder = { reason: 'guard', probe: breachedGuard.name, value: breachedGuard.value, atMs: w.endMs };
      return this.abortOrder;
    }
    if (phase !== 'before' && failedProbe && this.refutation === undefined) {
      this.refutation = { status: 'refuted', probe: failedProbe.name, value: failedProbe.value, atMs: w.endMs, phase };
    }
    return undefined;
  }

  /** The verdict so far; final once the last window is in. An abort outranks a refutation. */
  verdict(): Verdict {
    if (this.abortOrder !== undefined) return { status: 'aborted', ...this.abortOrder };
    return this.refutation ?? { status: 'held' };
  }
}
