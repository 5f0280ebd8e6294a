import { defaultValues, type ParamValues } from '../../../params/params.ts';
import { retryStorm } from '../../../../simulations/scenarios/retry-storm.ts';
import type { SimulationPlan } from '../../runner/useSimulation.ts';
import type { WidgetState } from '../../url/widget-url.ts';
import type { StormSpecs } from './storm-specs.ts';

export interface StormSide {
  readonly label: string;
  readonly values: ParamValues<StormSpecs>;
}

export interface StormMeta {
  readonly sides: readonly StormSide[];
}

/** One run per side, on the same seed, so A and B see the very same arrivals. */
export function planStorm(state: WidgetState<StormSpecs>): SimulationPlan<StormMeta> {
  const sides: StormSide[] = state.compare
    ? [
        { label: 'A', values: state.values },
        { label: 'B', values: state.valuesB },
      ]
    : [{ label: '', values: state.values }];
  const base = defaultValues(retryStorm.params);
  return {
    runs: sides.map((s) => ({
      scenario: 'retry-storm',
      params: { ...base, ...s.values },
      seed: state.seed,
      cost: attemptsUpperBound(s.values),
    })),
    meta: { sides },
  };
}

/** Requests over the run times attempts per request at most: the size of a run in attempts. */
function attemptsUpperBound(v: ParamValues<StormSpecs>): number {
  const requests = v.baseRate * v.duration + Math.max(0, v.spikeRate - v.baseRate) * v.spikeDuration;
  return requests * (v.retries + 1);
}
