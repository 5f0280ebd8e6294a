import { defaultValues, type ParamSpecs, type ParamValues } from '../../../params/params.ts';
import type { WidgetState } from './widget-url.ts';

/**
 * A named starting point that tells one part of a widget's story. Values not
 * given are the defaults, so a preset means the same thing however the
 * reader got to where they are. `compareWith` turns compare mode on with
 * those B values; a preset without it turns compare mode off.
 */
export interface Preset<S extends ParamSpecs> {
  readonly id: string;
  readonly label: string;
  readonly values: Partial<ParamValues<S>>;
  readonly compareWith?: Partial<ParamValues<S>>;
}

export function defaultState<S extends ParamSpecs>(specs: S, seed: number): WidgetState<S> {
  const values = defaultValues(specs);
  return { values, seed, compare: false, valuesB: values };
}

/** A preset applied to the current state; the seed stays, so the reader can see the story on the run they are looking at. */
export function applyPreset<S extends ParamSpecs>(specs: S, state: WidgetState<S>, preset: Preset<S>): WidgetState<S> {
  const base = defaultValues(specs);
  const values = { ...base, ...preset.values };
  return {
    seed: state.seed,
    values,
    compare: preset.compareWith !== undefined,
    valuesB: preset.compareWith ? { ...base, ...preset.compareWith } : values,
  };
}

/** The preset the state is exactly at, if any, so the preset picker can show it (or "Custom"). */
export function matchingPreset<S extends ParamSpecs>(specs: S, state: WidgetState<S>, presets: readonly Preset<S>[]): Preset<S> | undefined {
  return presets.find((p) => {
    const at = applyPreset(specs, state, p);
    return sameValues(at.values, state.values) && at.compare === state.compare && (!at.compare || sameValues(at.valuesB, state.valuesB));
  });
}

/**
 * Turning compare on starts B from A (or from what the widget suggests, e.g.
 * A plus a retry budget), so the first comparison differs in one thing only.
 */
export function withCompare<S extends ParamSpecs>(state: WidgetState<S>, on: boolean, suggestB?: (a: ParamValues<S>) => ParamValues<S>): WidgetState<S> {
  if (!on) return { ...state, compare: false };
  return { ...state, compare: true, valuesB: suggestB ? suggestB(state.values) : state.values };
}

function sameValues(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
