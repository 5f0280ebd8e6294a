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
  /**
   * Set for the preview: each side's run simulated only its first this many
   * failures (of the side's own `failures`, the whole run's).
   */
  readonly previewFailures?: number;
}

/** Requests per simulated failure, about: see `requestsEstimate`. */
function requestsPerFailure(v: HealthDetectionParams): number {
  const period = Math.max(v.interval + v.jitter, v.timeout);
  const bound = v.unhealthyThreshold * period + v.timeout;
  const perFailureMs = v.healthyThreshold * period + v.timeout + 2500 + bound + 1.5 * period + (v.outlierDetection ? 21_000 : 0);
  return (v.rate * perFailureMs) / 1000;
}

/**
 * Requests in a run: the rate times the run's length, which is per failure
 * about the gap before it, the outage (the detection bound plus a check
 * period) and, with outlier detection, the longest ejection. A guess for the
 * runner's choice of thread, so the scenario's settle time is rounded up.
 */
export function requestsEstimate(v: HealthDetectionParams): number {
  return v.failures * requestsPerFailure(v);
}

const scenarioParams = (values: CompareSide<TimelineSpecs>['values']): HealthDetectionParams => ({ ...defaultValues(healthDetectionSpec.params), ...values });

/** One run per side, on the same seed: the same failure moments and the same traffic. */
export function planTimeline(state: WidgetState<TimelineSpecs>): SimulationPlan<Run<HealthDetectionResult>[], TimelineMeta> {
  const sides = compareSides(state);
  const runs = sides.map((s) => {
    const params = scenarioParams(s.values);
    return run(healthDetectionSpec, params, state.seed, requestsEstimate(params));
  });
  return { runs, meta: { sides } };
}

/**
 * Requests a preview run may simulate, about: at the defaults five failures
 * (about 2 ms warm in Node, a few in a browser), so a preview answers in the
 * slider's frame.
 */
const PREVIEW_REQUESTS = 6000;
const PREVIEW_MAX_FAILURES = 5;
/**
 * The timeline of the first failure runs to the second failure's start, so
 * a run of two failures or more draws it exactly as the whole run does.
 */
const PREVIEW_MIN_FAILURES = 2;

/**
 * How many failures the preview simulates, the same on every side: as many
 * as fit PREVIEW_REQUESTS on the costlier side, from 2 to 5, and at most half
 * of the fewer failures a side runs. Undefined when even that is no saving:
 * a whole run of three failures or fewer.
 */
export function previewFailureCount(state: WidgetState<TimelineSpecs>): number | undefined {
  const params = compareSides(state).map((s) => scenarioParams(s.values));
  const affordable = Math.min(...params.map((p) => Math.floor(PREVIEW_REQUESTS / requestsPerFailure(p))));
  const half = Math.floor(Math.min(...params.map((p) => p.failures)) / 2);
  const k = Math.min(PREVIEW_MAX_FAILURES, half, Math.max(PREVIEW_MIN_FAILURES, affordable));
  return k >= PREVIEW_MIN_FAILURES ? k : undefined;
}

/**
 * The preview: each side's run with only its first few failures, on the same
 * seed. The failures' moments are drawn one after another from their own
 * stream, so this run is the whole run up to the end of its last failure:
 * the first failure's timeline and traffic shares are the whole run's, and
 * its detection times are the first of the whole run's (tested). Without a
 * saving, the whole plan itself.
 */
export function previewTimeline(state: WidgetState<TimelineSpecs>): SimulationPlan<Run<HealthDetectionResult>[], TimelineMeta> {
  const k = previewFailureCount(state);
  if (k === undefined) return planTimeline(state);
  const sides = compareSides(state);
  const runs = sides.map((s) => {
    const params = { ...scenarioParams(s.values), failures: k };
    return run(healthDetectionSpec, params, state.seed, requestsEstimate(params));
  });
  const wholes = [...new Set(sides.map((s) => s.values.failures))];
  const label = wholes.length === 1 ? `Preview: the first ${k} of ${wholes[0]} failures.` : `Preview: the first ${k} failures of each run.`;
  return { runs, meta: { sides, previewFailures: k }, label };
}
