import type { NumberParam, ParamSpecs, ParamValues } from '../../../params/params.ts';
import type { WidgetState } from '../url/widget-url.ts';

type IntKeys<S extends ParamSpecs> = { [K in keyof S]: S[K] extends NumberParam ? K : never }[keyof S] & string;

/**
 * The same state with fewer seeds on each side: `count(n)` of the side's n
 * (at least 1, at most n). For a widget that averages over seeds `seed,
 * seed + 1, …` (`batchSeed`), the plan of this state runs the first seeds of
 * each of the full plan's averages, so its result can be shown early
 * (labelled partial) and its runs are reused by the full plan.
 */
export function firstSeeds<S extends ParamSpecs>(state: WidgetState<S>, seedCount: IntKeys<S>, count: (n: number) => number): WidgetState<S> {
  const fewer = <V extends ParamValues<S>>(v: V): V => {
    const n = Number(v[seedCount]);
    return { ...v, [seedCount]: Math.max(1, Math.min(n, count(n))) };
  };
  return { ...state, values: fewer(state.values), valuesB: fewer(state.valuesB) };
}

/** The same state with a seed count of 1 on both sides: the first seed of every average. */
export function firstSeedOnly<S extends ParamSpecs>(state: WidgetState<S>, seedCount: IntKeys<S>): WidgetState<S> {
  return firstSeeds(state, seedCount, () => 1);
}

/** The first half of the seeds (rounded up) on each side. */
export function firstHalfOfSeeds<S extends ParamSpecs>(state: WidgetState<S>, seedCount: IntKeys<S>): WidgetState<S> {
  return firstSeeds(state, seedCount, (n) => Math.ceil(n / 2));
}
