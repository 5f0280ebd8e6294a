import type { BallsIntoBinsResult } from '../../../../simulations/scenarios/balls-into-bins.ts';
import { meanAndError } from '../../stats/mean-and-error.ts';
import type { BinsMeta } from './bins-plan.ts';

/** One number of choices, averaged over the runs. */
export interface ChoiceCurve {
  readonly choices: number;
  /** Requests placed so far, at each point of the curve. */
  readonly requests: number[];
  /** Mean over the runs of the busiest backend's load at each point. */
  readonly maxLoad: number[];
  /** What theory expects it to be at each point. */
  readonly expected: number[];
  /** The busiest backend after all requests: mean and standard error over the runs. */
  readonly final: { readonly mean: number; readonly error: number };
  readonly expectedFinal: number;
}

export interface BinsSideView {
  readonly label: string;
  readonly requests: number;
  readonly backends: number;
  readonly runs: number;
  readonly curves: ChoiceCurve[];
}

export interface BinsView {
  readonly sides: BinsSideView[];
}

/** Results: per side, per number of choices, the runs. */
export function reduceBins(results: BallsIntoBinsResult[][][], meta: BinsMeta): BinsView {
  return {
    sides: meta.sides.map((side, i): BinsSideView => {
      const n = side.values.runs;
      const curves = side.choices.map((choices, k): ChoiceCurve => {
        const rs = results[i][k];
        // Every run has the same points: the curve's ball counts depend on m only.
        const points = rs[0].byRequests;
        return {
          choices,
          requests: points.map((q) => q.requests),
          maxLoad: points.map((_, k) => rs.reduce((a, r) => a + r.byRequests[k].maxLoad, 0) / n),
          expected: points.map((q) => q.expectedMaxLoad),
          final: meanAndError(rs.map((r) => r.summary.maxLoad)),
          expectedFinal: rs[0].summary.expectedMaxLoad,
        };
      });
      return { label: side.label, requests: side.values.requests, backends: side.values.backends, runs: n, curves };
    }),
  };
}
