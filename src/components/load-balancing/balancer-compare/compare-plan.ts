import { defaultValues, type ParamValues } from '../../../params/params.ts';
import { lbHeterogeneous, type HeterogeneousAlgorithm, type LbHeterogeneousParams } from '../../../../simulations/scenarios/lb-heterogeneous.ts';
import type { RunRequest } from '../../runner/run-request.ts';
import type { SimulationPlan } from '../../runner/useSimulation.ts';
import type { WidgetState } from '../../url/widget-url.ts';
import { compareSides } from '../frame/compare-sides.ts';
import type { CompareSpecs } from './compare-specs.ts';

export interface CompareSide {
  readonly label: string;
  readonly values: ParamValues<CompareSpecs>;
  /** The two algorithms, in plan order. */
  readonly algorithms: readonly [HeterogeneousAlgorithm, HeterogeneousAlgorithm];
}

export interface CompareMeta {
  readonly sides: readonly CompareSide[];
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
export function planCompare(state: WidgetState<CompareSpecs>): SimulationPlan<CompareMeta> {
  const base = defaultValues(lbHeterogeneous.params);
  const sides = compareSides(state).map((s): CompareSide => ({ ...s, algorithms: [s.values.algorithm, s.values.versus] }));
  const runs: RunRequest[] = [];
  for (const side of sides) {
    const { versus: _, ...shared } = side.values;
    for (const algorithm of side.algorithms) {
      const params: LbHeterogeneousParams = { ...base, ...shared, algorithm };
      runs.push({ scenario: 'lb-heterogeneous', params, seed: state.seed, cost: requestsEstimate(params) });
    }
  }
  return { runs, meta: { sides } };
}
