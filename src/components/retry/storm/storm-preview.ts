import { num } from '../../stats/format-number.ts';
import type { SimulationPlan } from '../../frame/runner/useSimulation.ts';
import type { WidgetState } from '../../frame/url/widget-url.ts';
import { planStorm, type StormPlanRuns, type StormMeta } from './storm-plan.ts';
import { stormSpecs, type StormSpecs } from './storm-specs.ts';

/** The longest preview: its run stays a few milliseconds whatever the run's length. */
const MOST_S = 30;
/** What the preview shows past the spike: the first seconds of whatever follows it (a queue draining, or a storm setting in). */
const PAST_SPIKE_S = 5;

/**
 * How much of a run its preview runs: a third of it (at most 30 s), and
 * through the first seconds after the spike when the spike ends in the first
 * half, rounded up to a run length the slider allows. The default 60 s run
 * is previewed by its first 20 s: the spike at 10–15 s and the storm it
 * starts. The whole length when that is no shorter.
 */
export function stormPreviewSeconds(v: { duration: number; spikeStart: number; spikeDuration: number }): number {
  const spikeEnd = v.spikeStart + v.spikeDuration;
  const wanted = Math.max(Math.min(v.duration / 3, MOST_S), spikeEnd + PAST_SPIKE_S <= v.duration / 2 ? spikeEnd + PAST_SPIKE_S : 0);
  const { min, step } = stormSpecs.duration;
  return Math.min(v.duration, min + Math.max(0, Math.ceil((wanted - min) / step)) * step);
}

/**
 * The same runs, each shortened to its preview length: the simulator is
 * deterministic and a run's events up to any time do not depend on how long
 * it goes on after, so a shorter run on the same seed is exactly the first
 * seconds of the whole one (tests/components/retry/storm-preview.test.ts),
 * and the chart only extends when the whole run comes. The sides keep their
 * whole length in the meta, for the axes.
 */
export function previewStorm(state: WidgetState<StormSpecs>): SimulationPlan<StormPlanRuns, StormMeta> {
  const short = (v: WidgetState<StormSpecs>['values']) => ({ ...v, duration: stormPreviewSeconds(v) });
  const whole = planStorm(state);
  const lengths = whole.meta.sides.map((s) => stormPreviewSeconds(s.values));
  if (lengths.every((s, i) => s >= whole.meta.sides[i].values.duration)) return whole;
  const runs = planStorm({ ...state, values: short(state.values), valuesB: short(state.valuesB) }).runs;
  return { runs, meta: { ...whole.meta, previewS: lengths }, label: previewLabel(whole.meta, lengths) };
}

function previewLabel(meta: StormMeta, lengths: readonly number[]): string {
  const parts = meta.sides.map((s, i) => {
    const d = s.values.duration;
    return `${s.label ? `${s.label}: ` : ''}${lengths[i] < d ? `the first ${num(lengths[i])} s of the ${num(d)} s run` : `the whole ${num(d)} s run`}`;
  });
  return `Preview: ${parts.join('; ')}.`;
}
