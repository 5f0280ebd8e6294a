import { defaultValues, type ParamValues } from '../../../params/params.ts';
import { availabilitySpec } from '../../../../simulations/scenarios/specs/availability.ts';
import type { AvailabilityParams, AvailabilityResult } from '../../../../simulations/scenarios/availability.ts';
import { compareSides, type CompareSide } from '../../frame/compare-sides.ts';
import { run, type Run } from '../../frame/runner/run.ts';
import type { SimulationPlan } from '../../frame/runner/useSimulation.ts';
import type { WidgetState } from '../../frame/url/widget-url.ts';
import type { AvailabilitySpecs } from './availability-specs.ts';

export interface AvailabilityMeta {
  readonly sides: readonly CompareSide<AvailabilitySpecs>[];
}

/** Per side: the chosen topology, and the same parts at every replica count the scenario allows (the sweep). */
// A type alias, not an interface: an interface has no implicit index signature, so it would not fit the frame's record type Runs.
export type AvailabilitySideRuns = { readonly chosen: Run<AvailabilityResult>; readonly byReplicas: Run<AvailabilityResult>[] };

export const REPLICA_COUNTS = Array.from(
  { length: availabilitySpec.params.replicas.max - availabilitySpec.params.replicas.min + 1 },
  (_, i) => availabilitySpec.params.replicas.min + i,
);

const HOURS_PER_YEAR = 365.25 * 24;
/** The scenario stops at this many failures, whatever the horizon. */
const MAX_FAILURES = 200_000;

export function scenarioParams(v: ParamValues<AvailabilitySpecs>): AvailabilityParams {
  return { ...defaultValues(availabilitySpec.params), ...v };
}

/** Failures simulated: each replica fails about once per MTBF + MTTR over the horizon, up to the scenario's cap. */
function cost(p: AvailabilityParams): number {
  return Math.min(MAX_FAILURES, (p.replicas * p.years * HOURS_PER_YEAR) / (p.mtbf + p.mttr / 60));
}

export function planAvailability(state: WidgetState<AvailabilitySpecs>): SimulationPlan<AvailabilitySideRuns[], AvailabilityMeta> {
  return plan(state, () => REPLICA_COUNTS);
}

/**
 * The preview: the sweep only up to the chosen replica count (at least 2),
 * whose last point is the chosen run itself, so (a) and (c) are complete and
 * (b) is drawn as far as the chosen count. The sweep is a prefix of the full
 * one: the view reads each point's count from its place in REPLICA_COUNTS.
 */
export function previewAvailability(state: WidgetState<AvailabilitySpecs>): SimulationPlan<AvailabilitySideRuns[], AvailabilityMeta> {
  return plan(state, (v) => REPLICA_COUNTS.filter((n) => n <= Math.max(2, v.replicas)));
}

function plan(
  state: WidgetState<AvailabilitySpecs>,
  counts: (v: ParamValues<AvailabilitySpecs>) => readonly number[],
): SimulationPlan<AvailabilitySideRuns[], AvailabilityMeta> {
  const sides = compareSides(state);
  const r = (p: AvailabilityParams) => run(availabilitySpec, p, state.seed, cost(p));
  return {
    runs: sides.map((s) => {
      const p = scenarioParams(s.values);
      return { chosen: r(p), byReplicas: counts(s.values).map((n) => r({ ...p, replicas: n })) };
    }),
    meta: { sides },
  };
}
