import { batchSeed } from '../../../../simulations/run-many.ts';
import { jitterContentionSpec } from '../../../../simulations/scenarios/specs/jitter-contention.ts';
import type { JitterContentionResult } from '../../../../simulations/scenarios/jitter-contention.ts';
import { compareSides, type CompareSide } from '../../frame/compare-sides.ts';
import { run, type Run } from '../../frame/runner/run.ts';
import type { SimulationPlan } from '../../frame/runner/useSimulation.ts';
import type { WidgetState } from '../../frame/url/widget-url.ts';
import { strategies, type JitterSpecs } from './jitter-specs.ts';

export interface JitterMeta {
  readonly seed: number;
  readonly sides: readonly CompareSide<JitterSpecs>[];
}

/**
 * Every strategy on the same seeds (`batchSeed`, as `npm run sim -- --runs K`
 * does), so the strategies are compared on the same network delays and the
 * widget's totals match the CLI's. Runs: per side, per strategy, per seed.
 */
export function planJitter(state: WidgetState<JitterSpecs>): SimulationPlan<Run<JitterContentionResult>[][][], JitterMeta> {
  const sides = compareSides(state);
  const runs = sides.map(({ values: { clients, base, cap, runs: count } }) =>
    strategies.map((s) =>
      // Messages per run grow about linearly with clients for the jittered strategies and faster without.
      Array.from({ length: count }, (_, i) => run(jitterContentionSpec, { clients, strategy: s.key, base, cap }, batchSeed(state.seed, i), clients * 20)),
    ),
  );
  return { runs, meta: { seed: state.seed, sides } };
}
