import type { ParamSpecs, ParamValues } from '../../params/params.ts';
import { stepNeighbours } from './controls/slider-scale.ts';
import { flattenRuns, type Run } from './runner/run.ts';
import type { Side } from './url/useWidgetState.ts';
import type { WidgetState } from './url/widget-url.ts';

type Plan<S extends ParamSpecs> = (state: WidgetState<S>) => { readonly runs: unknown };

/**
 * The runs of the plans up to `steps` arrow-key steps either side of a
 * slider: what the reader on that slider asks for next. One list per plan,
 * nearest first (one step below, one above, two below, ...); none for a
 * control that is not a slider.
 *
 * With `preview` (the widget's preview plan), every neighbour's preview
 * comes first, nearest first, then their whole plans. A preview is a
 * fraction of its plan (the first seed, the first seconds, one point of a
 * sweep), so a worker that has not computed a neighbour's whole plan by
 * the time the reader presses (a slow device, the first seconds on a page)
 * has at least its preview, which the press shows at once: for a held key
 * too, whose second step comes before a sweep one step away is done.
 */
export function stepAheadRuns<S extends ParamSpecs>(
  specs: S,
  plan: Plan<S>,
  state: WidgetState<S>,
  side: Side,
  name: keyof S & string,
  steps = 1,
  preview?: Plan<S>,
): Run[][] {
  const spec = specs[name];
  if (spec?.kind !== 'number') return [];
  const values = side === 'a' ? state.values : state.valuesB;
  const states = stepNeighbours(spec, values[name] as number, steps).map((v): WidgetState<S> => {
    const moved = { ...values, [name]: v } as ParamValues<S>;
    return side === 'a' ? { ...state, values: moved } : { ...state, valuesB: moved };
  });
  const plans = preview ? [...states.map(preview), ...states.map(plan)] : states.map(plan);
  return plans.map((p) => flattenRuns(p.runs));
}
