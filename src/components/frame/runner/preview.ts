import type { NumberParam, ParamSpecs, ParamValues } from '../../../params/params.ts';
import type { WidgetState } from '../url/widget-url.ts';

type IntKeys<S extends ParamSpecs> = { [K in keyof S]: S[K] extends NumberParam ? K : never }[keyof S] & string;

/**
 * The same state with a seed count of 1 on both sides: for a widget that
 * averages over seeds `seed, seed + 1, …` (`batchSeed`), the plan of this
 * state runs exactly the first seed of each of the full plan's averages, so
 * its result can be shown at once (labelled partial) and its runs are reused
 * by the full plan.
 */
export function firstSeedOnly<S extends ParamSpecs>(state: WidgetState<S>, seedCount: IntKeys<S>): WidgetState<S> {
  const one = <V extends ParamValues<S>>(v: V): V => ({ ...v, [seedCount]: 1 });
  return { ...state, values: one(state.values), valuesB: one(state.valuesB) };
}
