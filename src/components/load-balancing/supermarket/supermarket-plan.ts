import { supermarketSpec } from '../../../../simulations/scenarios/specs/supermarket.ts';
import type { SupermarketResult } from '../../../../simulations/scenarios/supermarket.ts';
import { compareSides, type CompareSide } from '../../frame/compare-sides.ts';
import { run, type Run } from '../../frame/runner/run.ts';
import { everyNth, gridWith } from '../../frame/sweep.ts';
import type { SimulationPlan } from '../../frame/runner/useSimulation.ts';
import type { WidgetState } from '../../frame/url/widget-url.ts';
import { policies, UTILIZATION_GRID, type PolicyChoice, type SupermarketSpecs } from './supermarket-specs.ts';

export interface SupermarketSide extends CompareSide<SupermarketSpecs> {
  /** Utilizations of the whole sweep, ascending: the grid plus the chosen one. The same in every part of the plan, so a partial view keeps its axes. */
  readonly rates: number[];
  /** Per policy (in `policies` order), the utilizations this plan runs, ascending: all of `rates` in the full plan, fewer in a part of it. */
  readonly ran: number[][];
}

export interface SupermarketMeta {
  readonly sides: readonly SupermarketSide[];
}

export type SupermarketPlan = SimulationPlan<Run<SupermarketResult>[][][], SupermarketMeta>;

/** Which utilizations of the sweep a plan runs for one policy, given the whole sweep and the chosen utilization. */
type PartOfSweep = (choices: PolicyChoice, rates: number[], chosen: number) => number[];

/** The policy of the preview: the model's lesson (two choices against one) in one run. */
const PREVIEW_POLICY: PolicyChoice = '2';

/**
 * Every policy at every utilization of the sweep, all on the same seed. A
 * moved utilization slider adds one point per policy; the rest of the sweep
 * comes from the cache. Runs: per side, per policy, per utilization.
 */
export function planSupermarket(state: WidgetState<SupermarketSpecs>): SupermarketPlan {
  return plan(state, (_, rates) => rates);
}

/**
 * The preview: one run, two choices at the chosen utilization (3-5 ms in
 * the worker at the defaults; four runs took 8-27 ms on the main thread,
 * too long for the frame a slider moved in).
 */
export function previewSupermarket(state: WidgetState<SupermarketSpecs>): SupermarketPlan {
  return plan(state, (choices, _, chosen) => (choices === PREVIEW_POLICY ? [chosen] : []));
}

/** After the preview: every policy at the chosen utilization, which (b) shows in full; then every other point of the grid too. */
export function refineSupermarket(state: WidgetState<SupermarketSpecs>): SupermarketPlan[] {
  return [plan(state, (_, __, chosen) => [chosen]), plan(state, (_, __, chosen) => gridWith(everyNth(UTILIZATION_GRID, 2), chosen))];
}

function plan(state: WidgetState<SupermarketSpecs>, part: PartOfSweep): SupermarketPlan {
  const sides = compareSides(state).map((s): SupermarketSide => {
    const rates = gridWith(UTILIZATION_GRID, s.values.utilization);
    return { ...s, rates, ran: policies.map((p) => part(p.choices, rates, s.values.utilization)) };
  });
  const runs = sides.map(({ values: { backends, requests }, ran }) =>
    policies.map((p, k) => ran[k].map((utilization) => run(supermarketSpec, { backends, utilization, choices: p.choices, requests }, state.seed, runCost(p.choices, backends, requests)))),
  );
  return { runs, meta: { sides } };
}

/**
 * A run's work in units the runner's estimate learns a rate for: its
 * requests, and for join-the-shortest-queue more, as its every pick scans
 * all backends (measured in Node: 1.7 times a d-choice run at 50 backends,
 * about 3 times at 500; the same at 2 to 5).
 */
function runCost(choices: PolicyChoice, backends: number, requests: number): number {
  return choices === 'all' ? requests * (1 + Math.sqrt(backends) / 10) : requests;
}
