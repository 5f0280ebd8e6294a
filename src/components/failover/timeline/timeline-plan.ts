import { defaultValues, type ParamValues } from '../../../params/params.ts';
import { failoverSpec } from '../../../../simulations/scenarios/specs/failover.ts';
import type { FailoverParams, FailoverResult } from '../../../../simulations/scenarios/failover.ts';
import { compareSides, type CompareSide } from '../../frame/compare-sides.ts';
import { run, type Run } from '../../frame/runner/run.ts';
import type { SimulationPlan } from '../../frame/runner/useSimulation.ts';
import type { WidgetState } from '../../frame/url/widget-url.ts';
import type { TimelineSpecs } from './timeline-specs.ts';

export interface TimelineMeta {
  readonly sides: readonly CompareSide<TimelineSpecs>[];
}

/** In priority mode each level has this many hosts, so its health score moves in steps of 20% of the hosts (28 points at 1.4). */
export const HOSTS_PER_PRIORITY_LEVEL = 5;
/** The primary fails this far into the run, s: time enough to see traffic before. */
export const FAIL_AT_S = 20;

/**
 * The run lasts until the primary has had time to come back: the outage,
 * the detection bound twice over (failing over, then passing its checks),
 * the failback hold, and ten seconds to spare, rounded up to ten seconds,
 * and never shorter than a minute.
 */
export function runSeconds(v: ParamValues<TimelineSpecs>): number {
  const boundS = (v.unhealthyThreshold * Math.max(v.interval, v.timeout) + v.timeout) / 1000;
  const backS = (v.healthyThreshold * Math.max(v.interval, v.timeout) + v.timeout) / 1000;
  const needed = FAIL_AT_S + v.outage + boundS + backS + v.failbackHold + 10;
  return Math.min(failoverSpec.params.duration.max, Math.max(60, Math.ceil(needed / 10) * 10));
}

export function scenarioParams(v: ParamValues<TimelineSpecs>): FailoverParams {
  return {
    ...defaultValues(failoverSpec.params),
    ...v,
    hostsPerLevel: v.mode === 'priority' ? HOSTS_PER_PRIORITY_LEVEL : 1,
    failAt: FAIL_AT_S,
    duration: runSeconds(v),
  };
}

/** One run per side on the same seed: the same arrivals, the same check phases, the failure at the same moment. */
export function planTimeline(state: WidgetState<TimelineSpecs>): SimulationPlan<Run<FailoverResult>[], TimelineMeta> {
  const sides = compareSides(state);
  return {
    runs: sides.map((s) => {
      const params = scenarioParams(s.values);
      return run(failoverSpec, params, state.seed, params.rate * params.duration);
    }),
    meta: { sides },
  };
}
