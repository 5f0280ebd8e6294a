import type { ParamSpecs, ParamValues } from '../../params/params.ts';
import { stepNeighbours } from './controls/slider-scale.ts';
import { flattenRuns, type Run } from './runner/run.ts';
import type { Side } from './url/useWidgetState.ts';
import type { WidgetState } from './url/widget-url.ts';

/**
 * The runs of the plans up to `steps` arrow-key steps either side of a
 * slider: what the reader on that slider asks for next. One list per value,
 * nearest first (one step below, one above, two below, ...); none for a
 * control that is not a slider.
 */
export function stepAheadRuns<S extends ParamSpecs>(
  specs: S,
  plan: (state: WidgetState<S>) => { readonly runs: unknown },
  state: WidgetState<S>,
  side: Side,
  name: keyof S & string,
  steps = 1,
): Run[][] {
  const spec = specs[name];
  if (spec?.kind !== 'number') return [];
  const values = side === 'a' ? state.values : state.valuesB;
  return stepNeighbours(spec, values[name] as number, steps).map((v) => {
    const moved = { ...values, [name]: v } as ParamValues<S>;
    return flattenRuns(plan(side === 'a' ? { ...state, values: moved } : { ...state, valuesB: moved }).runs);
  });
}
