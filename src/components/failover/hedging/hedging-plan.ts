import { defaultValues, type ParamValues } from '../../../params/params.ts';
import { hedgingSpec } from '../../../../simulations/scenarios/specs/hedging.ts';
import type { HedgingParams, HedgingResult } from '../../../../simulations/scenarios/hedging.ts';
import { compareSides, type CompareSide } from '../../frame/compare-sides.ts';
import { run, type Run } from '../../frame/runner/run.ts';
import { everyNth } from '../../frame/sweep.ts';
import type { SimulationPlan } from '../../frame/runner/useSimulation.ts';
import type { WidgetState } from '../../frame/url/widget-url.ts';
import type { HedgingSpecs } from './hedging-specs.ts';

/** The fixed hedge delays swept for the cost-and-benefit charts, ms: log-spaced from far too early to far too late. */
export const SWEEP_DELAYS_MS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000] as const;

/** Every third delay of the sweep: the first, coarse pass of the sweep, from too early through about right to too late. */
const COARSE_DELAYS_MS = everyNth(SWEEP_DELAYS_MS, 3, 1);

export interface HedgingMeta {
  readonly sides: readonly CompareSide<HedgingSpecs>[];
  /** The fixed delays of the side's sweep runs, in order. */
  readonly sweepDelays: readonly number[];
}

// A type alias, not an interface: an interface has no implicit index signature, so it would not fit the frame's record type Runs.
export type SideRuns = {
  /** The side's own settings. */
  readonly hedged: Run<HedgingResult>;
  /** The same without hedging: the baseline the tail is measured against. */
  readonly unhedged: Run<HedgingResult>;
  /** The side's settings at each fixed delay of SWEEP_DELAYS_MS. */
  readonly sweep: Run<HedgingResult>[];
};

export function scenarioParams(v: ParamValues<HedgingSpecs>): HedgingParams {
  return { ...defaultValues(hedgingSpec.params), ...v, latency: 'hiccup' };
}

/**
 * A run's work, for the runner's estimate: its events, about one per request
 * and one per attempt (0.2-0.3 µs each in Node, with or without hedging,
 * queueing or more attempts). Attempts as the hiccup model expects them
 * without queueing: the j-th hedge goes when the j attempts before it are
 * all still out, each slow with probability slowFraction. A learnt delay is
 * taken as the fast latency when the percentile lies among the fast
 * attempts, else as the slow one.
 */
function cost(p: HedgingParams): number {
  const percentileDelay = 1 - p.hedgePercentile / 100 > p.slowFraction ? p.fastMs : p.slowMs;
  const delay = p.hedgePercentile > 0 ? percentileDelay : p.hedgeDelay;
  const stillOut = (t: number) => (t < p.fastMs ? 1 : t < p.slowMs ? p.slowFraction : 0);
  let hedges = 0;
  if (delay > 0) {
    for (let j = 1; j < p.maxAttempts; j++) {
      let allOut = 1;
      for (let i = 0; i < j; i++) allOut *= stillOut((j - i) * delay);
      hedges += allOut;
    }
  }
  // A ratio budget holds hedges to a tenth of the requests.
  if (p.budget === 'ratio') hedges = Math.min(hedges, 0.1);
  return p.requests * (2 + hedges);
}

/** Per side, on the same seed: its own run, the unhedged baseline, and the sweep over fixed delays. */
export function planHedging(state: WidgetState<HedgingSpecs>): SimulationPlan<SideRuns[], HedgingMeta> {
  return plan(state, SWEEP_DELAYS_MS);
}

/**
 * The preview: the side's own run and its unhedged baseline (2 runs a side
 * of 13), cheap enough for the frame the slider moved in: the tail chart at
 * once, the sweep over fixed delays after it.
 */
export function previewHedging(state: WidgetState<HedgingSpecs>): SimulationPlan<SideRuns[], HedgingMeta> {
  return plan(state, []);
}

/** Then the sweep at every third delay (6 runs a side), before the whole sweep. */
export function refineHedging(state: WidgetState<HedgingSpecs>): SimulationPlan<SideRuns[], HedgingMeta>[] {
  return [plan(state, COARSE_DELAYS_MS)];
}

function plan(state: WidgetState<HedgingSpecs>, sweepDelays: readonly number[]): SimulationPlan<SideRuns[], HedgingMeta> {
  const sides = compareSides(state);
  const r = (p: HedgingParams) => run(hedgingSpec, p, state.seed, cost(p));
  return {
    runs: sides.map((s) => {
      const p = scenarioParams(s.values);
      return {
        hedged: r(p),
        unhedged: r({ ...p, hedgeDelay: 0, hedgePercentile: 0 }),
        sweep: sweepDelays.map((d) => r({ ...p, hedgeDelay: d, hedgePercentile: 0 })),
      };
    }),
    meta: { sides, sweepDelays },
  };
}
