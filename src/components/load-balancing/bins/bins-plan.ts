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
 * Per side, per number of choices, `runs` seeds (`batchSeed`, as `npm run
 * sim -- --runs K` does): every d sees the same seeds, so the curves differ
 * by the balancer only.
 */
export function planBins(state: WidgetState<BinsSpecs>): SimulationPlan<Run<BallsIntoBinsResult>[][][], BinsMeta> {
  const sides = compareSides(state).map((s): BinsSide => ({ ...s, choices: choicesToRun(s.values.choices) }));
  const runs = sides.map(({ values: { requests, backends, runs: count }, choices }) =>
    choices.map((d) => Array.from({ length: count }, (_, i) => run(ballsIntoBinsSpec, { requests, backends, choices: d }, batchSeed(state.seed, i), requests))),
  );
  return { runs, meta: { sides } };
}
