import { defaultValues, type ParamValues } from '../../../params/params.ts';
import { retryStormSpec } from '../../../../simulations/scenarios/specs/retry-storm.ts';
import type { RetryStormResult } from '../../../../simulations/scenarios/retry-storm.ts';
import { compareSides, type CompareSide } from '../../frame/compare-sides.ts';
import { run, type Run } from '../../frame/runner/run.ts';
import type { SimulationPlan } from '../../frame/runner/useSimulation.ts';
import type { WidgetState } from '../../frame/url/widget-url.ts';
import type { StormSpecs } from './storm-specs.ts';

export interface StormMeta {
  readonly sides: readonly CompareSide<StormSpecs>[];
  /**
   * Set on a preview (`storm-preview.ts`): per side, the seconds its shorter
   * run covers. The sides' values keep the whole run's length, for the axes.
   */
  readonly previewS?: readonly number[];
}

export type StormPlanRuns = Run<RetryStormResult>[];

/** One run per side, on the same seed, so A and B see the very same arrivals. */
export function planStorm(state: WidgetState<StormSpecs>): SimulationPlan<StormPlanRuns, StormMeta> {
  const sides = compareSides(state);
  const base = defaultValues(retryStormSpec.params);
  return {
    runs: sides.map((s) => run(retryStormSpec, { ...base, ...s.values }, state.seed, attemptsUpperBound(s.values))),
    meta: { sides },
  };
}

/**
 * Requests over the run times attempts per request at most: the size of a
 * run in attempts, and so in proportion to its length (a preview's shorter
 * run costs its share). Only the part of the spike within the run counts.
 */
function attemptsUpperBound(v: ParamValues<StormSpecs>): number {
  const spikeInRun = Math.max(0, Math.min(v.spikeStart + v.spikeDuration, v.duration) - v.spikeStart);
  const requests = v.baseRate * v.duration + Math.max(0, v.spikeRate - v.baseRate) * spikeInRun;
  return requests * (v.retries + 1);
}
