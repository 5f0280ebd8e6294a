import type { JitterContentionResult } from '../../../../simulations/scenarios/jitter-contention.ts';
import { meanAndError } from '../../stats/mean-and-error.ts';
import type { JitterMeta } from './jitter-plan.ts';
import { strategies, type StrategyKey } from './jitter-specs.ts';

export interface StrategyOutcome {
  readonly key: StrategyKey;
  readonly calls: { readonly mean: number; readonly error: number };
  /** Seconds. */
  readonly completion: { readonly mean: number; readonly error: number };
  /** First run: seconds since start (bucket ends) and writes received so far. */
  readonly curve: { readonly t: number[]; readonly calls: number[] };
  readonly firstCalls: number;
  readonly firstCompletion: number;
}

export interface JitterSideView {
  readonly label: string;
  readonly clients: number;
  readonly runs: number;
  readonly strategies: StrategyOutcome[];
}

export interface JitterView {
  readonly seed: number;
  readonly sides: JitterSideView[];
}

/** Means and standard errors over the runs of each strategy, and the first run's cumulative writes over time. Results: per side, per strategy, per seed. */
export function reduceJitter(results: JitterContentionResult[][][], meta: JitterMeta): JitterView {
  const sides = meta.sides.map((side, i): JitterSideView => {
    const n = side.values.runs;
    const outcomes = strategies.map((s, k): StrategyOutcome => {
      const rs = results[i][k];
      const first = rs[0];
      const { bucketMs, columns } = first.series;
      const t: number[] = [];
      const calls: number[] = [];
      let sum = 0;
      columns.calls.forEach((c, i) => {
        sum += c;
        t.push(((i + 1) * bucketMs) / 1000);
        calls.push(sum);
      });
      return {
        key: s.key,
        calls: meanAndError(rs.map((r) => r.summary.calls)),
        completion: meanAndError(rs.map((r) => r.summary.completionTime / 1000)),
        curve: { t, calls },
        firstCalls: first.summary.calls,
        firstCompletion: first.summary.completionTime / 1000,
      };
    });
    return { label: side.label, clients: side.values.clients, runs: n, strategies: outcomes };
  });
  return { seed: meta.seed, sides };
}
