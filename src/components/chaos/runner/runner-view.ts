import type { ParamValues } from '../../../params/params.ts';
import type { ChaosExperimentResult } from '../../../../simulations/scenarios/chaos-experiment.ts';
import type { RunnerMeta } from './runner-plan.ts';
import { runnerSpecs, type RunnerSpecs } from './runner-specs.ts';

/** The verdict in the view's terms: seconds, and the probe by its name. */
export type RunnerVerdict =
  | { readonly status: 'held' }
  | { readonly status: 'refuted'; readonly probe: string; readonly value: number; readonly atS: number; readonly phase: string }
  | { readonly status: 'aborted'; readonly reason: 'guard' | 'steady-state-not-met'; readonly probe: string; readonly value: number; readonly atS: number };

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
  /** The fault as planned, s. */
  readonly fault: { readonly start: number; readonly end: number };
  readonly verdict: RunnerVerdict;
  readonly successRateOverall: number;
  readonly p99Overall: number;
  readonly degraded: number;
  readonly requests: number;
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
      const verdict: RunnerVerdict =
        v.status === 'held'
          ? { status: 'held' }
          : v.status === 'refuted'
            ? { status: 'refuted', probe: v.probe, value: v.value, atS: v.atMs / 1000, phase: v.phase }
            : { status: 'aborted', reason: v.reason, probe: v.probe, value: v.value, atS: v.atMs / 1000 };
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
        fault: { start: r.fault.startMs / 1000, end: r.fault.endMs / 1000 },
        verdict,
        successRateOverall: r.summary.successRate,
        p99Overall: r.summary.p99,
        degraded: r.summary.degraded,
        requests: r.summary.requests,
        duration: (columns.successRate.length * bucketMs) / 1000,
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
