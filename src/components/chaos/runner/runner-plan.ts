import { defaultValues } from '../../../params/params.ts';
import { chaosExperimentSpec } from '../../../../simulations/scenarios/specs/chaos-experiment.ts';
import type { ChaosExperimentResult } from '../../../../simulations/scenarios/chaos-experiment.ts';
import { compareSides, type CompareSide } from '../../frame/compare-sides.ts';
import { run, type Run } from '../../frame/runner/run.ts';
import type { SimulationPlan } from '../../frame/runner/useSimulation.ts';
import type { WidgetState } from '../../frame/url/widget-url.ts';
import type { RunnerSpecs } from './runner-specs.ts';

/** A preview's span: the first `seconds` of the whole run's `of`, and the fault as the whole run plans it (the preview's own stops at its end). */
export interface RunnerPreviewSpan {
  readonly seconds: number;
  readonly of: number;
  readonly fault: { readonly start: number; readonly end: number };
}

export interface RunnerMeta {
  readonly sides: readonly CompareSide<RunnerSpecs>[];
  /** Set for the preview: every side's run is the first seconds of the whole run only. */
  readonly preview?: RunnerPreviewSpan;
}

/** The traffic, the run's length and the fault's timing: the scenario's defaults, which the widget does not show. */
const base = defaultValues(chaosExperimentSpec.params);

/** Requests at the edge over `seconds`, each of which may call two services and the store, with retries. */
const costOf = (seconds: number) => base.rate * seconds * 6;

function plan(state: WidgetState<RunnerSpecs>, duration: number, meta: Omit<RunnerMeta, 'sides'>): SimulationPlan<Run<ChaosExperimentResult>[], RunnerMeta> {
  const sides = compareSides(state);
  return { runs: sides.map((s) => run(chaosExperimentSpec, { ...base, ...s.values, duration }, state.seed, costOf(duration))), meta: { sides, ...meta } };
}

/** One experiment per side on the same seed: the same arrivals, the same hosts hit. */
export function planRunner(state: WidgetState<RunnerSpecs>): SimulationPlan<Run<ChaosExperimentResult>[], RunnerMeta> {
  return plan(state, base.duration, {});
}

/**
 * The preview's length, s: the shortest valid run length (a multiple of the
 * parameter's step) that goes past the fault's first second. The scenario
 * moves a fault that would start in a run's last second to that second, so
 * a shorter run would not be the whole run's beginning; from the fault's
 * start plus one second on, it is, window for window (tested).
 */
export const PREVIEW_SECONDS = Math.ceil((base.faultStart + 1) / chaosExperimentSpec.params.duration.step) * chaosExperimentSpec.params.duration.step;

/**
 * The preview: every side's experiment for its first PREVIEW_SECONDS only,
 * on the same seed: the same probe windows as the whole run's over that
 * span (its verdict is not the whole run's: the view says it is pending).
 */
export function previewRunner(state: WidgetState<RunnerSpecs>): SimulationPlan<Run<ChaosExperimentResult>[], RunnerMeta> {
  const fault = { start: base.faultStart, end: Math.min(base.faultStart + base.faultDuration, base.duration) };
  return {
    ...plan(state, PREVIEW_SECONDS, { preview: { seconds: PREVIEW_SECONDS, of: base.duration, fault } }),
    label: `Preview: the first ${PREVIEW_SECONDS} s of the ${base.duration} s experiment.`,
  };
}
