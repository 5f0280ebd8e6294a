import type { ParamValues } from '../../../params/params.ts';
import { batchSeed } from '../../../../simulations/run-many.ts';
import type { RunRequest } from '../../runner/run-request.ts';
import type { SimulationPlan } from '../../runner/useSimulation.ts';
import type { WidgetState } from '../../url/widget-url.ts';
import { strategies, type JitterSpecs } from './jitter-specs.ts';

export interface JitterSide {
  readonly label: string;
  readonly values: ParamValues<JitterSpecs>;
}

export interface JitterMeta {
  readonly seed: number;
  readonly sides: readonly JitterSide[];
}

/**
 * Every strategy on the same seeds (`batchSeed`, as `npm run sim -- --runs K`
 * does), so the strategies are compared on the same network delays and the
 * widget's totals match the CLI's.
 */
export function planJitter(state: WidgetState<JitterSpecs>): SimulationPlan<JitterMeta> {
  const sides: JitterSide[] = state.compare
    ? [
        { label: 'A', values: state.values },
        { label: 'B', values: state.valuesB },
      ]
    : [{ label: '', values: state.values }];
  const runs: RunRequest[] = [];
  for (const side of sides) {
    const { clients, base, cap, runs: count } = side.values;
    for (const s of strategies) {
      for (let i = 0; i < count; i++) {
        // Messages per run grow about linearly with clients for the jittered strategies and faster without.
        runs.push({ scenario: 'jitter-contention', params: { clients, strategy: s.key, base, cap }, seed: batchSeed(state.seed, i), cost: clients * 20 });
      }
    }
  }
  return { runs, meta: { seed: state.seed, sides } };
}
