import { changedParams, coerceParams, kebabCase, type ParamSpecs, type ParamValues } from '../../../params/params.ts';
import { seedSpecs } from './seed.ts';

/**
 * What a widget's runs depend on, kept in the page's URL: its parameters,
 * its seed, and (in compare mode) the B side's parameters, run on the same
 * seed. View state (where a replay stands, a selected backend), which no run
 * depends on, is kept beside it under the same URL prefix.
 */
export interface WidgetState<S extends ParamSpecs> {
  readonly values: ParamValues<S>;
  readonly seed: number;
  readonly compare: boolean;
  readonly valuesB: ParamValues<S>;
}

/** One URL value that could not be used as given, and what was used instead. */
export interface UrlNotice {
  /** The full URL key, e.g. `storm.spike-rate`. */
  readonly key: string;
  readonly given: string;
  /** What was used instead; empty when the key was ignored. */
  readonly used: string;
  readonly message: string;
}

/** `storm` keeps A's keys under `storm.` and B's under `storm-b.`. */
function urlPrefixes(id: string): { a: string; b: string } {
  return { a: `${id}.`, b: `${id}-b.` };
}

/**
 * Reads a widget's state from a query string. Nothing in it can break the
 * widget: a malformed or out-of-range value becomes the nearest valid one,
 * an unknown key of this widget is ignored, and each such change is reported
 * as a notice so the reader knows the link did not say what it meant.
 * Keys of other widgets are not looked at.
 */
export function readWidgetUrl<S extends ParamSpecs, VS extends ParamSpecs>(
  search: string,
  id: string,
  specs: S,
  defaultSeed: number,
  viewSpecs: VS,
): { state: WidgetState<S>; viewState: ParamValues<VS>; notices: UrlNotice[] } {
  const { a, b } = urlPrefixes(id);
  const rawA: Record<string, string> = {};
  const rawB: Record<string, string> = {};
  const rawSeed: Record<string, string> = {};
  const rawView: Record<string, string> = {};
  let rawCompare: string | undefined;
  const notices: UrlNotice[] = [];
  const known = new Set(Object.keys(specs).map(kebabCase));
  const knownView = new Set(Object.keys(viewSpecs).map(kebabCase));

  for (const [key, value] of new URLSearchParams(search)) {
    const side = key.startsWith(a) ? 'a' : key.startsWith(b) ? 'b' : undefined;
    if (!side) continue;
    const name = key.slice(side === 'a' ? a.length : b.length);
    if (side === 'a' && name === 'seed') rawSeed.seed = value;
    else if (side === 'a' && name === 'compare') rawCompare = value;
    else if (side === 'a' && knownView.has(name)) rawView[name] = value;
    else if (known.has(name)) (side === 'a' ? rawA : rawB)[name] = value;
    else notices.push({ key, given: value, used: '', message: `this widget has no setting "${name}", so "${value}" was ignored.` });
  }

  const A = coerceParams(specs, rawA);
  const B = coerceParams(specs, rawB);
  const seed = coerceParams(seedSpecs(defaultSeed), rawSeed);
  const view = coerceParams(viewSpecs, rawView);
  for (const n of A.notices) notices.push({ key: a + n.param, given: n.given, used: n.used, message: n.message });
  for (const n of B.notices) notices.push({ key: b + n.param, given: n.given, used: n.used, message: `B side: ${n.message}` });
  for (const n of seed.notices) notices.push({ key: a + n.param, given: n.given, used: n.used, message: n.message });
  for (const n of view.notices) notices.push({ key: a + n.param, given: n.given, used: n.used, message: n.message });

  let compare = false;
  if (rawCompare !== undefined) {
    if (/^(1|true|on|yes)$/i.test(rawCompare.trim())) compare = true;
    else if (!/^(0|false|off|no)$/i.test(rawCompare.trim())) {
      notices.push({ key: a + 'compare', given: rawCompare, used: 'off', message: `Compare: "${rawCompare}" is not 1 or 0; compare is off.` });
    }
  }
  return { state: { values: A.values, seed: seed.values.seed, compare, valuesB: B.values }, viewState: view.values, notices };
}

/**
 * The query string with this widget's keys replaced by `state`: only what
 * differs from the defaults is written, so a link stays short and a default
 * run has a clean URL. Other widgets' keys keep their place and value.
 */
export function writeWidgetUrl<S extends ParamSpecs, VS extends ParamSpecs>(
  search: string,
  id: string,
  specs: S,
  state: WidgetState<S>,
  defaultSeed: number,
  view: { readonly specs: VS; readonly values: ParamValues<VS> },
): string {
  const { a, b } = urlPrefixes(id);
  const params = new URLSearchParams(search);
  for (const key of [...params.keys()]) if (key.startsWith(a) || key.startsWith(b)) params.delete(key);
  for (const [k, v] of Object.entries(changedParams(specs, state.values))) params.set(a + k, v);
  for (const [k, v] of Object.entries(changedParams(view.specs, view.values))) params.set(a + k, v);
  if (state.seed !== defaultSeed) params.set(a + 'seed', String(state.seed));
  if (state.compare) {
    params.set(a + 'compare', '1');
    for (const [k, v] of Object.entries(changedParams(specs, state.valuesB))) params.set(b + k, v);
  }
  const s = params.toString();
  return s === '' ? '' : '?' + s;
}
