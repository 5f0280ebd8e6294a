import type { ParamValues } from '../../../params/params.ts';
import type { ChaosExperimentResult } from '../../../../simulations/scenarios/chaos-experiment.ts';
import type { RunnerMeta } from './runner-plan.ts';
import { runnerSpecs, type RunnerSpecs } from './runner-specs.ts';

/** A run's verdict in the view's terms: seconds, and the probe by its name. */
export type FinalVerdict =
  | { readonly status: 'held' }
  | { readonly status: 'refuted'; readonly probe: string; readonly value: number; readonly atS: number; readonly phase: string }
  | { readonly status: 'aborted'; readonly reason: 'guard' | 'steady-state-not-met'; readonly probe: string; readonly value: number; readonly atS: number };

/**
 * The whole run's verdict, or in a preview none yet: what the windows of its
 * first `throughS` seconds (of `ofS`) say so far. An abort later in the run
 * outranks a refutation, and a later window may refute what held so far, so
 * a preview's verdict is not the whole run's.
 */
export type RunnerVerdict = FinalVerdict | { readonly status: 'pending'; readonly throughS: number; readonly ofS: number; readonly soFar: FinalVerdict };

export interface RunnerSideView {
  readonly label: string;
  /** The experiment in words: "300 ms of added latency into service B, 30% of its hosts". */
  readonly experiment: string;
  /** The defences switched on, in words. */
  readonly defences: string;
  /** End of each 1 s probe window, s. */
  readonly t: number[];
  /** Probe readings per window; null where a window had no requests. */
  readonly successRate: (number | null)[];
  readonly p99: (number | null)[];
  readonly goodput: (number | null)[];
  readonly sloSuccessRate: number;
  readonly sloP99: number;
  readonly abortBelow: number | null;
  /** The fault as planned for the whole run, s. */
  readonly fault: { readonly start: number; readonly end: number };
  readonly verdict: RunnerVerdict;
  /** Over the whole run; null in a preview (whose run ends early, and so ends its requests otherwise). */
  readonly successRateOverall: number | null;
  readonly p99Overall: number | null;
  readonly degraded: number | null;
  readonly requests: number | null;
  /** The whole run's length, s (a preview's windows cover only its first part). */
  readonly duration: number;
}

export interface RunnerView {
  readonly sides: RunnerSideView[];
}

/** A window without requests reads null (or NaN): either way a gap in the line, and JSON-safe. */
const finite = (x: number | null): number | null => (x !== null && Number.isFinite(x) ? x : null);

export function reduceRunner(results: ChaosExperimentResult[], meta: RunnerMeta): RunnerView {
  return {
    sides: meta.sides.map((side, i): RunnerSideView => {
      const r = results[i];
      const { bucketMs, columns } = r.series;
      const v = r.verdict;
      const final: FinalVerdict =
        v.status === 'held'
          ? { status: 'held' }
          : v.status === 'refuted'
            ? { status: 'refuted', probe: v.probe, value: v.value, atS: v.atMs / 1000, phase: v.phase }
            : { status: 'aborted', reason: v.reason, probe: v.probe, value: v.value, atS: v.atMs / 1000 };
      const preview = meta.preview;
      const simulated = (columns.successRate.length * bucketMs) / 1000;
      return {
        label: side.label,
        experiment: describeExperiment(side.values),
        defences: describeDefences(side.values),
        t: columns.successRate.map((_, k) => ((k + 1) * bucketMs) / 1000),
        successRate: columns.successRate.map(finite),
        p99: columns.p99.map(finite),
        goodput: columns.goodput.map(finite),
        sloSuccessRate: side.values.sloSuccessRate,
        sloP99: side.values.sloP99,
        abortBelow: r.abortBelow,
        fault: preview ? preview.fault : { start: r.fault.startMs / 1000, end: r.fault.endMs / 1000 },
        verdict: preview ? { status: 'pending', throughS: simulated, ofS: preview.of, soFar: final } : final,
        successRateOverall: preview ? null : r.summary.successRate,
        p99Overall: preview ? null : r.summary.p99,
        degraded: preview ? null : r.summary.degraded,
        requests: preview ? null : r.summary.requests,
        duration: preview ? preview.of : simulated,
      };
    }),
  };
}

const targetWords = (t: ParamValues<RunnerSpecs>['target']) => runnerSpecs.target.optionLabels?.[t] ?? t;

export function describeExperiment(v: ParamValues<RunnerSpecs>): string {
  const where = `${targetWords(v.target)}, ${Math.round(v.blastRadius * 100)}% of its hosts`;
  switch (v.fault) {
    case 'latency':
      return `${v.addedLatency} ms of added latency into ${where}`;
    case 'errors':
      return `errors on ${Math.round(v.faultRate * 100)}% of attempts into ${where}`;
    case 'resets':
      return `connection resets on ${Math.round(v.faultRate * 100)}% of attempts into ${where}`;
    case 'capacity-drop':
      return `a capacity drop to ${Math.round(v.capacityRemaining * 100)}% into ${where}`;
  }
}

export function describeDefences(v: ParamValues<RunnerSpecs>): string {
  const on = [
    v.timeouts && 'timeouts',
    v.retries && 'retries with a budget',
    v.breaker && 'circuit breakers',
    v.bulkhead && 'bulkheads',
    v.fallback && 'fallbacks',
  ].filter((x): x is string => typeof x === 'string');
  return on.length === 0 ? 'no defences' : on.join(', ');
}
