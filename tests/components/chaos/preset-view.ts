import type { ParamSpecs, ParamValues } from '../../../src/params/params.ts';
import { type Runs } from '../../../src/components/frame/runner/run.ts';
import { executeRuns } from '../../../src/components/frame/runner/run-in-node.ts';
import { applyPreset, defaultState } from '../../../src/components/frame/url/widget-state.ts';
import type { WidgetDefinition } from '../../../src/components/frame/widget-definition.ts';

/**
 * The view a reader sees after picking a preset on the default seed, computed
 * through the widget's own plan and reduce: what a lead-in on the page
 * describes, and so what its numbers are checked against.
 */
export function presetView<S extends ParamSpecs, T extends Runs, M, V, VS extends ParamSpecs>(w: WidgetDefinition<S, T, M, V, VS>, presetId: string): V {
  const preset = w.presets.find((p) => p.id === presetId);
  if (!preset) throw new Error(`${w.id} has no preset "${presetId}"`);
  const plan = w.plan(applyPreset(w.specs, defaultState(w.specs, w.defaultSeed), preset));
  return w.reduce(executeRuns(plan.runs), plan.meta);
}

/** The view of A alone set to `values` (the rest at the widget's defaults), on the default seed: for a lead-in step that is not a preset. */
export function valuesView<S extends ParamSpecs, T extends Runs, M, V, VS extends ParamSpecs>(
  w: WidgetDefinition<S, T, M, V, VS>,
  values: Partial<ParamValues<S>>,
): V {
  const state = defaultState(w.specs, w.defaultSeed);
  const plan = w.plan({ ...state, values: { ...state.values, ...values } });
  return w.reduce(executeRuns(plan.runs), plan.meta);
}
