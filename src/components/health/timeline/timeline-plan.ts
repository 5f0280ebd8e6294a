import { defaultValues } from '../../../params/params.ts';
import { healthDetectionSpec } from '../../../../simulations/scenarios/specs/health-detection.ts';
import type { HealthDetectionParams, HealthDetectionResult } from '../../../../simulations/scenarios/health-detection.ts';
import { compareSides, type CompareSide } from '../../frame/compare-sides.ts';
import { run, type Run } from '../../frame/runner/run.ts';
import type { SimulationPlan } from '../../frame/runner/useSimulation.ts';
import type { WidgetState } from '../../frame/url/widget-url.ts';
import type { TimelineSpecs } from './timeline-specs.ts';

export interface TimelineMeta {
  readonly sides: readonly CompareSide<TimelineSpecs>[];
}

/**
 * Requests in a run: the rate times the run's length, which is per failure
 * about the gap before it, the outage (the detection bound plus a check
 * period) and, with outlier detection, the longest ejection. A guess for the
 * runner's choice of thread, so the scenario's settle time is rounded up.
 */
export function requestsEstimate(v: HealthDetectionParams): number {
  const period = Math.max(v.interval + v.jitter, v.timeout);
  const bound = v.unhealthyThreshold * period + v.timeout;
  const perFailureMs = v.healthyThreshold * period + v.timeout + 2500 + bound + 1.5 * period + (v.outlierDetection ? 21_000 : 0);
  return (v.rate * v.failures * perFailureMs) / 1000;
}

/** One run per side, on the same seed: the same failure moments and the same traffic. */
export function planTimeline(state: WidgetState<TimelineSpecs>): SimulationPlan<Run<HealthDetectionResult>[], TimelineMeta> {
  const base = defaultValues(healthDetectionSpec.params);
  const sides = compareSides(state);
  const runs = sides.map((s) => {
    const params: HealthDetectionParams = { ...base, ...s.values };
    return run(healthDetectionSpec, params, state.seed, requestsEstimate(params));
  });
  return { runs, meta: { sides } };
}
