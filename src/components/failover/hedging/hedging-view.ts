import type { ParamValues } from '../../../params/params.ts';
import type { HedgingResult } from '../../../../simulations/scenarios/hedging.ts';
import type { ResultsOf } from '../../frame/runner/run.ts';
import type { HedgingMeta, SideRuns } from './hedging-plan.ts';
import type { HedgingSpecs } from './hedging-specs.ts';

export interface HedgingNumbers {
  readonly p50: number;
  readonly p99: number;
  readonly p999: number;
  readonly mean: number;
  /** Attempts per request − 1. */
  readonly extraLoad: number;
  readonly serverBusyMsPerRequest: number;
  /** The delay in force at the end (learnt, with a percentile), ms; −1 without timed hedges. */
  readonly finalHedgeDelay: number;
}

export interface HedgingSideView {
  readonly label: '' | 'A' | 'B';
  readonly values: ParamValues<HedgingSpecs>;
  readonly hedged: HedgingNumbers;
  readonly unhedged: HedgingNumbers;
  /** Per-request latency quantiles (ms at level p), with and without hedging. */
  readonly hedgedQuantiles: { readonly p: number; readonly ms: number }[];
  readonly unhedgedQuantiles: { readonly p: number; readonly ms: number }[];
  readonly sweep: { readonly delayMs: number; readonly p99: number; readonly p999: number; readonly extraLoad: number }[];
}

export interface HedgingView {
  readonly sides: HedgingSideView[];
}

function numbers(r: HedgingResult): HedgingNumbers {
  const s = r.summary;
  return {
    p50: s.p50,
    p99: s.p99,
    p999: s.p999,
    mean: s.mean,
    extraLoad: s.extraLoad,
    serverBusyMsPerRequest: s.serverBusyMsPerRequest,
    finalHedgeDelay: s.finalHedgeDelay,
  };
}

export function reduceHedging(results: ResultsOf<SideRuns[]>, meta: HedgingMeta): HedgingView {
  return {
    sides: meta.sides.map((side, i) => {
      const r = results[i];
      return {
        label: side.label,
        values: side.values,
        hedged: numbers(r.hedged),
        unhedged: numbers(r.unhedged),
        hedgedQuantiles: r.hedged.quantiles,
        unhedgedQuantiles: r.unhedged.quantiles,
        sweep: r.sweep.map((x, k) => ({ delayMs: meta.sweepDelays[k], p99: x.summary.p99, p999: x.summary.p999, extraLoad: x.summary.extraLoad })),
      };
    }),
  };
}
