import { defaultValues } from '../../../params/params.ts';
import { faultInjectionSpec } from '../../../../simulations/scenarios/specs/fault-injection.ts';
import type { FaultInjectionResult } from '../../../../simulations/scenarios/fault-injection.ts';
import { compareSides, type CompareSide } from '../../frame/compare-sides.ts';
import { run, type Run } from '../../frame/runner/run.ts';
import type { SimulationPlan } from '../../frame/runner/useSimulation.ts';
import type { WidgetState } from '../../frame/url/widget-url.ts';
import type { PlaygroundSpecs } from './playground-specs.ts';

export interface PlaygroundMeta {
  readonly sides: readonly CompareSide<PlaygroundSpecs>[];
}

/** One run per side on the same seed: the same service times, the same draws of the injector. */
export function planPlayground(state: WidgetState<PlaygroundSpecs>): SimulationPlan<Run<FaultInjectionResult>[], PlaygroundMeta> {
  const sides = compareSides(state);
  const base = defaultValues(faultInjectionSpec.params);
  return {
    // A call makes at most three attempts.
    runs: sides.map((s) => run(faultInjectionSpec, { ...base, ...s.values }, state.seed, base.calls * 3)),
    meta: { sides },
  };
}
