import { batchSeed } from '../../../../simulations/run-many.ts';
import { ballsIntoBinsSpec } from '../../../../simulations/scenarios/specs/balls-into-bins.ts';
import type { BallsIntoBinsResult } from '../../../../simulations/scenarios/balls-into-bins.ts';
import { compareSides, type CompareSide } from '../../frame/compare-sides.ts';
import { run, type Run } from '../../frame/runner/run.ts';
import type { SimulationPlan } from '../../frame/runner/useSimulation.ts';
import type { WidgetState } from '../../frame/url/widget-url.ts';
import { choicesToRun, type BinsSpecs } from './bins-specs.ts';

export interface BinsSide extends CompareSide<BinsSpecs> {
  /** The choice counts run, in plan order. */
  readonly choices: number[];
}

export interface BinsMeta {
  readonly sides: readonly BinsSide[];
}

/**
 * A run's work for the runner's estimate, in placements (15-30 ns each in
 * Node, one choice or more). Each run also computes the theory's curve: with
 * two choices or more it integrates the fluid limit in steps of 0.02 balls
 * per bin, up to the mean load or about 31 (where the theory stops: the
 * shape no longer changes), each step worth about 28 placements; with one
 * choice it sums a Poisson tail per point of the curve, about 0.6 ms
 * whatever the load (25,000 placements). Timed at 10^3-10^5 balls on 50-1,000
 * bins, this puts every run at 10-40 ns a unit; counting placements alone
 * put a 1,000-ball run with one choice at 700 ns a unit.
 */
function cost(requests: number, backends: number, choices: number): number {
  return requests + (choices > 1 ? 28 * 50 * Math.min(requests / backends, 31) : 25_000);
}

/**
 * Per side, per number of choices, `runs` seeds (`batchSeed`, as `npm run
 * sim -- --runs K` does): every d sees the same seeds, so the curves differ
 * by the balancer only.
 */
export function planBins(state: WidgetState<BinsSpecs>): SimulationPlan<Run<BallsIntoBinsResult>[][][], BinsMeta> {
  const sides = compareSides(state).map((s): BinsSide => ({ ...s, choices: choicesToRun(s.values.choices) }));
  const runs = sides.map(({ values: { requests, backends, runs: count }, choices }) =>
    choices.map((d) =>
      Array.from({ length: count }, (_, i) =>
        run(ballsIntoBinsSpec, { requests, backends, choices: d }, batchSeed(state.seed, i), cost(requests, backends, d)),
      ),
    ),
  );
  return { runs, meta: { sides } };
}
