import { defaultValues, type ParamValues } from '../../../params/params.ts';
import { cascadingFailure } from '../../../../simulations/scenarios/cascading-failure.ts';
import type { SimulationPlan } from '../../runner/useSimulation.ts';
import type { WidgetState } from '../../url/widget-url.ts';
import type { CascadeSpecs } from './cascade-specs.ts';

export interface CascadeSide {
  /** '' alone, 'A' or 'B' in compare mode. */
  readonly label: string;
  readonly values: ParamValues<CascadeSpecs>;
}

export interface CascadeMeta {
  readonly sides: readonly CascadeSide[];
}

/** One run per side, on the same seed: A and B see the very same arrivals and the same mix of traffic. */
export function planCascade(state: WidgetState<CascadeSpecs>): SimulationPlan<CascadeMeta> {
  const sides: CascadeSide[] = state.compare
    ? [
        { label: 'A', values: state.values },
        { label: 'B', values: state.valuesB },
      ]
    : [{ label: '', values: state.values }];
  const base = defaultValues(cascadingFailure.params);
  return {
    runs: sides.map((s) => ({
      scenario: cascadingFailure.name,
      params: { ...base, ...s.values },
      seed: state.seed,
      // Requests over the run: each is one arrival, some work and at most one call to B.
      cost: s.values.rate * s.values.duration,
    })),
    meta: { sides },
  };
}
