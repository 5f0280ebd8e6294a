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
 * With `preview` (the widget's preview plan), each distance's previews come
 * before its whole plans: one step either side, their previews, then their
 * plans; then two steps. A preview is a fraction of its plan (the first
 * seed, the first seconds), so a worker that has not computed a neighbour's
 * whole plan by the time the reader presses (a slow device, the first
 * seconds on a page) has at least its preview, which the press shows at once.
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
  const stateAt = (v: number): WidgetState<S> => {
    const moved = { ...values, [name]: v } as ParamValues<S>;
    return side === 'a' ? { ...state, values: moved } : { ...state, valuesB: moved };
  };
  const out: Run[][] = [];
  let nearer: number[] = [];
  for (let k = 1; k <= steps; k++) {
    const within = stepNeighbours(spec, values[name] as number, k);
    // The values exactly k steps away, below first.
    const ring = within.filter((v) => !nearer.includes(v));
    nearer = within;
    const states = ring.map(stateAt);
    if (preview) out.push(...states.map((s) => flattenRuns(preview(s).runs)));
    out.push(...states.map((s) => flattenRuns(plan(s).runs)));
  }
  return out;
}
