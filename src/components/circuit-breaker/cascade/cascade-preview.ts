import type { SimulationPlan } from '../../frame/runner/useSimulation.ts';
import type { WidgetState } from '../../frame/url/widget-url.ts';
import { faultPreviewSeconds, previewLabel } from '../fault-preview-length.ts';
import { planCascade, type CascadeMeta, type CascadePlanRuns } from './cascade-plan.ts';
import { cascadeSpecs, type CascadeSpecs } from './cascade-specs.ts';

type Values = WidgetState<CascadeSpecs>['values'];

const previewSeconds = (v: Values) => faultPreviewSeconds(cascadeSpecs.duration, v.duration, v.faultStart);

/**
 * The same runs, each shortened to its preview length (25 s of the default
 * 60: the fault's first 5 s, where A's workers fill up). The simulator is
 * deterministic and a run's events up to any time do not depend on how long
 * it goes on after, so a shorter run on the same seed is exactly the start
 * of the whole one (tests/components/circuit-breaker/cascade-preview.test.ts):
 * the chart only extends when the whole run comes. The sides keep their
 * whole length in the meta, for the axes.
 */
export function previewCascade(state: WidgetState<CascadeSpecs>): SimulationPlan<CascadePlanRuns, CascadeMeta> {
  const whole = planCascade(state);
  const lengths = whole.meta.sides.map((s) => previewSeconds(s.values));
  if (lengths.every((s, i) => s >= whole.meta.sides[i].values.duration)) return whole;
  const short = (v: Values): Values => ({ ...v, duration: previewSeconds(v) });
  return {
    runs: planCascade({ ...state, values: short(state.values), valuesB: short(state.valuesB) }).runs,
    meta: { ...whole.meta, previewS: lengths },
    label: previewLabel(whole.meta.sides.map((s, i) => ({ label: s.label, durationS: s.values.duration, previewS: lengths[i] }))),
  };
}
