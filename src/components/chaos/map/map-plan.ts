import { defaultValues, type ParamValues } from '../../../params/params.ts';
import { metastabilitySpec } from '../../../../simulations/scenarios/specs/metastability.ts';
import type { MetastabilityResult } from '../../../../simulations/scenarios/metastability.ts';
import { compareSides, type CompareSide } from '../../frame/compare-sides.ts';
import { run, type Run } from '../../frame/runner/run.ts';
import type { SimulationPlan } from '../../frame/runner/useSimulation.ts';
import type { WidgetState } from '../../frame/url/widget-url.ts';
import type { MapSpecs } from './map-specs.ts';

export interface MapMeta {
  readonly sides: readonly CompareSide<MapSpecs>[];
  readonly seed: number;
}

/** One sweep per side on the same seed; every cell of both is a retry-storm run on that seed. */
export function planMap(state: WidgetState<MapSpecs>): SimulationPlan<Run<MetastabilityResult>[], MapMeta> {
  const sides = compareSides(state);
  const base = defaultValues(metastabilitySpec.params);
  return {
    runs: sides.map((s) => run(metastabilitySpec, { ...base, ...s.values }, state.seed, sweepSize({ ...base, ...s.values }))),
    meta: { sides, seed: state.seed },
  };
}

/** Requests over every cell, at most four attempts each: the size of a sweep in attempts. */
function sweepSize(v: ParamValues<typeof metastabilitySpec.params>): number {
  const perCell = v.baseRate * v.duration + Math.max(0, v.maxSpike - v.baseRate) * v.maxSpikeDuration;
  return v.gridSize * v.gridSize * perCell * 4;
}
