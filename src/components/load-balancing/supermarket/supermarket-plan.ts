import { supermarketSpec } from '../../../../simulations/scenarios/specs/supermarket.ts';
import type { SupermarketResult } from '../../../../simulations/scenarios/supermarket.ts';
import { compareSides, type CompareSide } from '../../frame/compare-sides.ts';
import { run, type Run } from '../../frame/runner/run.ts';
import { everyNth, gridWith } from '../../frame/sweep.ts';
import type { SimulationPlan } from '../../frame/runner/useSimulation.ts';
import type { WidgetState } from '../../frame/url/widget-url.ts';
import { policies, UTILIZATION_GRID, type SupermarketSpecs } from './supermarket-specs.ts';

export interface SupermarketSide extends CompareSide<SupermarketSpecs> {
  /** Utilizations of the sweep, ascending: the grid plus the chosen one. */
  readonly rates: number[];
}

export interface SupermarketMeta {
  readonly sides: readonly SupermarketSide[];
}

/**
 * Every policy at every utilization of the sweep, all on the same seed. A
 * moved utilization slider adds one point per policy; the rest of the sweep
 * comes from the cache. Runs: per side, per policy, per utilization.
 */
export function planSupermarket(state: WidgetState<SupermarketSpecs>): SimulationPlan<Run<SupermarketResult>[][][], SupermarketMeta> {
  return plan(state, (u) => gridWith(UTILIZATION_GRID, u));
}

/** The preview: every policy at the chosen utilization only, which (b) shows in full and (a) as one point a policy. */
export function previewSupermarket(state: WidgetState<SupermarketSpecs>): SimulationPlan<Run<SupermarketResult>[][][], SupermarketMeta> {
  return plan(state, (u) => [u]);
}

/** Then every other point of the sweep's grid, and the chosen utilization. */
export function halfSweepSupermarket(state: WidgetState<SupermarketSpecs>): SimulationPlan<Run<SupermarketResult>[][][], SupermarketMeta> {
  return plan(state, (u) => gridWith(everyNth(UTILIZATION_GRID, 2), u));
}

function plan(state: WidgetState<SupermarketSpecs>, sweep: (utilization: number) => number[]): SimulationPlan<Run<SupermarketResult>[][][], SupermarketMeta> {
  const sides = compareSides(state).map((s): SupermarketSide => ({ ...s, rates: sweep(s.values.utilization) }));
  const runs = sides.map(({ values: { backends, requests }, rates }) =>
    policies.map((p) => rates.map((utilization) => run(supermarketSpec, { backends, utilization, choices: p.choices, requests }, state.seed, requests))),
  );
  return { runs, meta: { sides } };
}
