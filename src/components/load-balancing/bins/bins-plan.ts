import type { ParamValues } from '../../../params/params.ts';
import { batchSeed } from '../../../../simulations/run-many.ts';
import type { RunRequest } from '../../runner/run-request.ts';
import type { SimulationPlan } from '../../runner/useSimulation.ts';
import type { WidgetState } from '../../url/widget-url.ts';
import { compareSides } from '../frame/compare-sides.ts';
import { choicesToRun, type BinsSpecs } from './bins-specs.ts';

export interface BinsSide {
  readonly label: string;
  readonly values: ParamValues<BinsSpecs>;
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
export function planBins(state: WidgetState<BinsSpecs>): SimulationPlan<BinsMeta> {
  const sides = compareSides(state).map((s): BinsSide => ({ ...s, choices: choicesToRun(s.values.choices) }));
  const runs: RunRequest[] = [];
  for (const side of sides) {
    const { requests, backends, runs: count } = side.values;
    for (const choices of side.choices) {
      for (let i = 0; i < count; i++) {
        runs.push({ scenario: 'balls-into-bins', params: { requests, backends, choices }, seed: batchSeed(state.seed, i), cost: requests });
      }
    }
  }
  return { runs, meta: { sides } };
}
