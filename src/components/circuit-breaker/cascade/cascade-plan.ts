import { defaultValues } from '../../../params/params.ts';
import { cascadingFailureSpec } from '../../../../simulations/scenarios/specs/cascading-failure.ts';
import type { CascadingFailureResult } from '../../../../simulations/scenarios/cascading-failure.ts';
import { compareSides, type CompareSide } from '../../frame/compare-sides.ts';
import { run, type Run } from '../../frame/runner/run.ts';
import type { SimulationPlan } from '../../frame/runner/useSimulation.ts';
import type { WidgetState } from '../../frame/url/widget-url.ts';
import type { CascadeSpecs } from './cascade-specs.ts';

export interface CascadeMeta {
  readonly sides: readonly CompareSide<CascadeSpecs>[];
  /**
   * Set on a preview (`cascade-preview.ts`): per side, the seconds its
   * shorter run covers. The sides' values keep the whole run's length, for the axes.
   */
  readonly previewS?: readonly number[];
}

export type CascadePlanRuns = Run<CascadingFailureResult>[];

/** One run per side, on the same seed: A and B see the very same arrivals and the same mix of traffic. */
export function planCascade(state: WidgetState<CascadeSpecs>): SimulationPlan<CascadePlanRuns, CascadeMeta> {
  const sides = compareSides(state);
  const base = defaultValues(cascadingFailureSpec.params);
  // Cost: requests over the run; each is one arrival, some work and at most one call to B.
  return { runs: sides.map((s) => run(cascadingFailureSpec, { ...base, ...s.values }, state.seed, s.values.rate * s.values.duration)), meta: { sides } };
}
