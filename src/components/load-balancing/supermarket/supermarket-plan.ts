import type { ParamValues } from '../../../params/params.ts';
import type { RunRequest } from '../../runner/run-request.ts';
import type { SimulationPlan } from '../../runner/useSimulation.ts';
import type { WidgetState } from '../../url/widget-url.ts';
import { compareSides } from '../frame/compare-sides.ts';
import { policies, UTILIZATION_GRID, type SupermarketSpecs } from './supermarket-specs.ts';

export interface SupermarketSide {
  readonly label: string;
  readonly values: ParamValues<SupermarketSpecs>;
  /** Utilizations of the sweep, ascending: the grid plus the chosen one. */
  readonly rates: number[];
}

export interface SupermarketMeta {
  readonly sides: readonly SupermarketSide[];
}

/**
 * Every policy at every utilization of the sweep, all on the same seed. A
 * moved utilization slider adds one point per policy; the rest of the sweep
 * comes from the cache.
 */
export function planSupermarket(state: WidgetState<SupermarketSpecs>): SimulationPlan<SupermarketMeta> {
  const sides = compareSides(state).map(
    (s): SupermarketSide => ({ ...s, rates: [...new Set([...UTILIZATION_GRID, s.values.utilization])].sort((a, b) => a - b) }),
  );
  const runs: RunRequest[] = [];
  for (const side of sides) {
    const { backends, requests } = side.values;
    for (const p of policies) {
      for (const utilization of side.rates) {
        runs.push({ scenario: 'supermarket', params: { backends, utilization, choices: p.choices, requests }, seed: state.seed, cost: requests });
      }
    }
  }
  return { runs, meta: { sides } };
}
