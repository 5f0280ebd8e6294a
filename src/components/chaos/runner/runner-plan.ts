import { defaultValues } from '../../../params/params.ts';
import { chaosExperimentSpec } from '../../../../simulations/scenarios/specs/chaos-experiment.ts';
import type { ChaosExperimentResult } from '../../../../simulations/scenarios/chaos-experiment.ts';
import { compareSides, type CompareSide } from '../../frame/compare-sides.ts';
import { run, type Run } from '../../frame/runner/run.ts';
import type { SimulationPlan } from '../../frame/runner/useSimulation.ts';
import type { WidgetState } from '../../frame/url/widget-url.ts';
import type { RunnerSpecs } from './runner-specs.ts';

export interface RunnerMeta {
  readonly sides: readonly CompareSide<RunnerSpecs>[];
}

/** One experiment per side on the same seed: the same arrivals, the same hosts hit. */
export function planRunner(state: WidgetState<RunnerSpecs>): SimulationPlan<Run<ChaosExperimentResult>[], RunnerMeta> {
  const sides = compareSides(state);
  const base = defaultValues(chaosExperimentSpec.params);
  // Requests at the edge, each of which may call two services and the store, with retries.
  const cost = base.rate * base.duration * 6;
  return { runs: sides.map((s) => run(chaosExperimentSpec, { ...base, ...s.values }, state.seed, cost)), meta: { sides } };
}
