import type { ParamValues } from '../../../params/params.ts';
import { consistentHashingSpec } from '../../../../simulations/scenarios/specs/consistent-hashing.ts';
import type { ConsistentHashingResult } from '../../../../simulations/scenarios/consistent-hashing.ts';
import { compareSides, type CompareSide } from '../../frame/compare-sides.ts';
import { run, type Run } from '../../frame/runner/run.ts';
import type { SimulationPlan } from '../../frame/runner/useSimulation.ts';
import type { WidgetState } from '../../frame/url/widget-url.ts';
import { methods, type HashingSpecs, type HashMethod } from './hashing-specs.ts';

export interface HashingMeta {
  readonly sides: readonly CompareSide<HashingSpecs>[];
  /** The methods run on each side, in plan order: all three (the preview: the two whose tables are cheap to build). */
  readonly methods: readonly HashMethod[];
}

/**
 * Lookups in a run: each key before and after the change, plus building a
 * Maglev table (a few steps per slot and backend) or a ring (points per
 * backend). A guess for the runner's choice of thread.
 */
function lookupsEstimate(v: ParamValues<HashingSpecs>, method: string): number {
  const build = method === 'maglev' ? v.maglevTableSize * 2 : method === 'ring-hash' ? v.ringPoints * v.backends * 2 : 0;
  return 2 * v.keys + build;
}

/**
 * Per side, each method on the same seed: the scenario draws the keys and
 * the backends' addresses from streams of their own, so all three methods
 * place the very same keys on the very same backends.
 */
export function planHashing(state: WidgetState<HashingSpecs>): SimulationPlan<Run<ConsistentHashingResult>[][], HashingMeta> {
  return plan(
    state,
    methods.map((m) => m.method),
  );
}

/**
 * The preview: hash mod n and ring hash only. Maglev builds a lookup table
 * of tens of thousands of slots, most of its run's cost; it follows.
 */
export function previewHashing(state: WidgetState<HashingSpecs>): SimulationPlan<Run<ConsistentHashingResult>[][], HashingMeta> {
  return plan(state, ['modulo', 'ring-hash']);
}

function plan(state: WidgetState<HashingSpecs>, methodsRun: readonly HashMethod[]): SimulationPlan<Run<ConsistentHashingResult>[][], HashingMeta> {
  const sides = compareSides(state);
  const runs = sides.map((side) => methodsRun.map((method) => run(consistentHashingSpec, { ...side.values, method }, state.seed, lookupsEstimate(side.values, method))));
  return { runs, meta: { sides, methods: methodsRun } };
}
