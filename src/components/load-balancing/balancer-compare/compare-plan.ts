import { defaultValues, type ParamValues } from '../../../params/params.ts';
import type { HeterogeneousAlgorithm, LbHeterogeneousParams, LbHeterogeneousResult } from '../../../../simulations/scenarios/lb-heterogeneous.ts';
import { lbHeterogeneousSpec } from '../../../../simulations/scenarios/specs/lb-heterogeneous.ts';
import { compareSides, type CompareSide } from '../../frame/compare-sides.ts';
import { run, type Run } from '../../frame/runner/run.ts';
import type { SimulationPlan } from '../../frame/runner/useSimulation.ts';
import type { WidgetState } from '../../frame/url/widget-url.ts';
import type { CompareSpecs } from './compare-specs.ts';

export interface BalancerSide extends CompareSide<CompareSpecs> {
  /** The algorithms run, in plan order: the two compared (the preview: the first only). */
  readonly algorithms: readonly HeterogeneousAlgorithm[];
}

export interface CompareMeta {
  readonly sides: readonly BalancerSide[];
}

/**
 * Requests in a run: offered load × capacity × length. Capacity is about
 * 80 req/s per normal backend (4 workers, 50 ms each), and the groups are a
 * third each of speed r, 1 and 1/r. Only a guess for the runner's choice of
 * thread, so the scenario's constants are not needed exactly.
 */
function requestsEstimate(v: LbHeterogeneousParams): number {
  const r = v.speedRatio;
  return v.utilization * 80 * (v.backends / 3) * (r + 1 + 1 / r) * v.duration;
}

/** Per side, both algorithms on the same seed: the same arrivals, service times and fault. */
export function planCompare(state: WidgetState<CompareSpecs>): SimulationPlan<Run<LbHeterogeneousResult>[][], CompareMeta> {
  return plan(state, (v) => [v.algorithm, v.versus]);
}

/** The preview: each side's first algorithm only, half the runs, drawn alone until the second is back. */
export function previewCompare(state: WidgetState<CompareSpecs>): SimulationPlan<Run<LbHeterogeneousResult>[][], CompareMeta> {
  return plan(state, (v) => [v.algorithm]);
}

function plan(
  state: WidgetState<CompareSpecs>,
  algorithms: (v: ParamValues<CompareSpecs>) => HeterogeneousAlgorithm[],
): SimulationPlan<Run<LbHeterogeneousResult>[][], CompareMeta> {
  const base = defaultValues(lbHeterogeneousSpec.params);
  const sides = compareSides(state).map((s): BalancerSide => ({ ...s, algorithms: algorithms(s.values) }));
  const runs = sides.map((side) => {
    const { versus: _, ...shared } = side.values;
    return side.algorithms.map((algorithm) => {
      const params: LbHeterogeneousParams = { ...base, ...shared, algorithm };
      return run(lbHeterogeneousSpec, params, state.seed, requestsEstimate(params));
    });
  });
  return { runs, meta: { sides } };
}
