import type { SimulationPlan } from '../../frame/runner/useSimulation.ts';
import type { WidgetState } from '../../frame/url/widget-url.ts';
import { faultPreviewSeconds, previewLabel } from '../fault-preview-length.ts';
import { planReplay, type ReplayMeta, type ReplayPlanRuns } from './replay-plan.ts';
import { replaySpecs, type ReplaySpecs, type ReplayValues } from './replay-specs.ts';

const previewSeconds = (v: ReplayValues) => faultPreviewSeconds(replaySpecs.duration, v.duration, v.outageStart);

/**
 * The same two runs, each shortened to its preview length (25 s of the
 * default 60: the outage's first 5 s, where the breaker trips). The
 * simulator is deterministic and a run's events up to any time do not depend
 * on how long it goes on after, so a shorter run on the same seed is exactly
 * the start of the whole one (tests/components/circuit-breaker/replay-preview.test.ts):
 * the timeline only extends when the whole runs come. The runs keep their
 * whole length in the meta, for the axes and the scrubber.
 */
export function previewReplay(state: WidgetState<ReplaySpecs>): SimulationPlan<ReplayPlanRuns, ReplayMeta> {
  const whole = planReplay(state);
  const lengths = whole.meta.runs.map((r) => previewSeconds(r.values));
  if (lengths.every((s, i) => s >= whole.meta.runs[i].values.duration)) return whole;
  const short = (v: ReplayValues): ReplayValues => ({ ...v, duration: previewSeconds(v) });
  return {
    runs: planReplay({ ...state, values: short(state.values), valuesB: short(state.valuesB) }).runs,
    meta: { ...whole.meta, previewS: lengths },
    // Alone, both runs have the reader's length: the label names it once.
    label: previewLabel(whole.meta.runs.map((r, i) => ({ label: whole.meta.compare ? r.label : '', durationS: r.values.duration, previewS: lengths[i] }))),
  };
}
