import { defaultValues, type ParamSpecs, type ParamValues } from '../../src/params/params.ts';
import type { Runs } from '../../src/components/frame/runner/run.ts';
import { executeRuns } from '../../src/components/frame/runner/run-in-node.ts';
import type { WidgetState } from '../../src/components/frame/url/widget-url.ts';
import type { WidgetDefinition } from '../../src/components/frame/widget-definition.ts';

/** A widget's state: A at its defaults changed by `values`; with `b`, compare on and B as A changed by `b`. */
export function stateWith<S extends ParamSpecs>(specs: S, values: Partial<ParamValues<S>> = {}, seed = 1, b?: Partial<ParamValues<S>>): WidgetState<S> {
  const a = { ...defaultValues(specs), ...values };
  return { values: a, seed, compare: b !== undefined, valuesB: { ...a, ...b } };
}

/** The views of a state's whole plan and of its preview, each through the widget's own plan and reduce. */
export function wholeAndPreview<S extends ParamSpecs, T extends Runs, M, V, VS extends ParamSpecs>(
  w: WidgetDefinition<S, T, M, V, VS>,
  state: WidgetState<S>,
): { whole: V; preview: V } {
  if (!w.preview) throw new Error(`${w.id} has no preview`);
  const plan = w.plan(state);
  const preview = w.preview(state);
  return { whole: w.reduce(executeRuns(plan.runs), plan.meta), preview: w.reduce(executeRuns(preview.runs), preview.meta) };
}
