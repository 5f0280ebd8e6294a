import type { ParamValues } from '../../../params/params.ts';
import { consistentHashingSpec } from '../../../../simulations/scenarios/specs/consistent-hashing.ts';
import type { ConsistentHashingResult } from '../../../../simulations/scenarios/consistent-hashing.ts';
import { compareSides, sidePrefix, type CompareSide } from '../../frame/compare-sides.ts';
import { count } from '../../stats/format-number.ts';
import { run, type Run } from '../../frame/runner/run.ts';
import type { SimulationPlan } from '../../frame/runner/useSimulation.ts';
import type { WidgetState } from '../../frame/url/widget-url.ts';
import { methods, type HashingSpecs, type HashMethod } from './hashing-specs.ts';

export interface HashingMeta {
  readonly sides: readonly CompareSide<HashingSpecs>[];
  /** The methods run on each side, in plan order: all three (the preview: the two whose tables are cheap to build). */
  readonly methods: readonly HashMethod[];
  /** Set for a preview of fewer keys: per side, the keys it looked up, the first of the side's `keys`. */
  readonly keysRun?: readonly number[];
}

/**
 * The preview's keys at most. The scenario draws the keys one after another
 * from a stream of their own, and looks each up alone, so a run with fewer
 * keys routes exactly the first keys of the whole run, to the same backends
 * (tests/components/load-balancing/hashing-preview.test.ts). Two thousand
 * keys by hash mod n and ring hash take about a millisecond in Node.
 */
export const PREVIEW_KEYS = 2000;

/**
 * A run's work for the runner's estimate, in hash-mod-n lookups (0.15-0.2
 * µs each in Node): each key is looked up before and after the change, a
 * ring lookup (a binary search) costs about one and a half of them, and the
 * table is built for each of the two backend sets: three lookups' worth per
 * ring point, six tenths of one per Maglev slot.
 */
function lookupsEstimate(v: ParamValues<HashingSpecs>, method: string): number {
  if (method === 'maglev') return 3 * v.keys + 0.6 * v.maglevTableSize;
  if (method === 'ring-hash') return 3 * v.keys + 3 * v.ringPoints * (v.backends + 1);
  return 2 * v.keys;
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
 * The preview: hash mod n and ring hash only, over the first 2,000 keys (all
 * of them when there are no more). Maglev builds a lookup table of tens of
 * thousands of slots, most of its run's cost; it follows, with every key.
 */
export function previewHashing(state: WidgetState<HashingSpecs>): SimulationPlan<Run<ConsistentHashingResult>[][], HashingMeta> {
  const fewer = (v: ParamValues<HashingSpecs>) => ({ ...v, keys: Math.min(v.keys, PREVIEW_KEYS) });
  const short = { ...state, values: fewer(state.values), valuesB: fewer(state.valuesB) };
  const whole = plan(state, ['modulo', 'ring-hash']);
  const sides = compareSides(state);
  if (sides.every((s) => s.values.keys <= PREVIEW_KEYS)) return whole;
  const keysRun = sides.map((s) => Math.min(s.values.keys, PREVIEW_KEYS));
  const counts = [
    ...new Set(
      sides.map(
        (s, i) =>
          `${sidePrefix(s.label)}${keysRun[i] < s.values.keys ? `the first ${count(keysRun[i])} of ${count(s.values.keys)}` : `all ${count(s.values.keys)}`} keys`,
      ),
    ),
  ];
  return {
    runs: plan(short, ['modulo', 'ring-hash']).runs,
    meta: { ...whole.meta, keysRun },
    label: `Preview: ${counts.join('; ')}, by hash mod n and ring hash. Maglev follows.`,
  };
}

function plan(state: WidgetState<HashingSpecs>, methodsRun: readonly HashMethod[]): SimulationPlan<Run<ConsistentHashingResult>[][], HashingMeta> {
  const sides = compareSides(state);
  const runs = sides.map((side) =>
    methodsRun.map((method) => run(consistentHashingSpec, { ...side.values, method }, state.seed, lookupsEstimate(side.values, method))),
  );
  return { runs, meta: { sides, methods: methodsRun } };
}
