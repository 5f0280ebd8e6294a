import { changedParams, coerceParams, defaultValues, kebabCase, toDecimal, type ParamSpecs, type ParamValues } from '../../../params/params.ts';
import { currentLinkVersion, specsAtVersion, specsWithDefaults, type DefaultsByVersion } from './link-version.ts';
import { seedSpecs } from './seed.ts';
import type { Preset } from './widget-state.ts';

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

/** What besides the specs decides how a link reads: presets linked by name, and the defaults of older link versions. */
export interface LinkMeaning<S extends ParamSpecs> {
  readonly presets?: readonly Preset<S>[];
  readonly defaultsByVersion?: DefaultsByVersion<S>;
}

/** A page-wide link version (`?v=1`), for every widget whose own `<id>.v` is absent. */
const PAGE_VERSION_KEY = 'v';

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
 *
 * `<id>.preset=<name>` starts from that preset (explicit keys override it).
 * `<id>.v` (or a page-wide `v`) is the link's version: keys the link omits
 * take the defaults of that version, so a later change of a default does not
 * change what an old link shows. A link without a version is version 1.
 */
export function readWidgetUrl<S extends ParamSpecs, VS extends ParamSpecs>(
  search: string,
  id: string,
  specs: S,
  defaultSeed: number,
  viewSpecs: VS,
  meaning: LinkMeaning<S> = {},
): { state: WidgetState<S>; viewState: ParamValues<VS>; notices: UrlNotice[] } {
  const { a, b } = urlPrefixes(id);
  const rawA: Record<string, string> = {};
  const rawB: Record<string, string> = {};
  const rawSeed: Record<string, string> = {};
  const rawView: Record<string, string> = {};
  let rawCompare: string | undefined;
  let rawVersion: string | undefined;
  let rawPreset: string | undefined;
  const notices: UrlNotice[] = [];
  const known = new Set(Object.keys(specs).map(kebabCase));
  const knownView = new Set(Object.keys(viewSpecs).map(kebabCase));

  const query = new URLSearchParams(search);
  for (const [key, value] of query) {
    const side = key.startsWith(a) ? 'a' : key.startsWith(b) ? 'b' : undefined;
    if (!side) continue;
    const name = key.slice(side === 'a' ? a.length : b.length);
    if (side === 'a' && name === 'seed') rawSeed.seed = value;
    else if (side === 'a' && name === 'compare') rawCompare = value;
    else if (side === 'a' && name === 'v') rawVersion = value;
    else if (side === 'a' && name === 'preset') rawPreset = value;
    else if (side === 'a' && knownView.has(name)) rawView[name] = value;
    else if (known.has(name)) (side === 'a' ? rawA : rawB)[name] = value;
    else notices.push({ key, given: value, used: '', message: `this widget has no setting "${name}", so "${value}" was ignored.` });
  }

  const version = readVersion(rawVersion ?? query.get(PAGE_VERSION_KEY) ?? undefined, currentLinkVersion(meaning.defaultsByVersion), rawVersion === undefined ? PAGE_VERSION_KEY : a + 'v', notices);
  const specsThen = specsAtVersion(specs, meaning.defaultsByVersion, version);
  const preset = readPreset(rawPreset, meaning.presets ?? [], a + 'preset', notices);
  const baseA = { ...defaultValues(specsThen), ...preset?.values };
  const baseB = preset?.compareWith ? { ...defaultValues(specsThen), ...preset.compareWith } : preset ? baseA : defaultValues(specsThen);
  const A = coerceParams(specsWithDefaults(specs, baseA), rawA);
  const B = coerceParams(specsWithDefaults(specs, baseB), rawB);
  const seed = coerceParams(seedSpecs(defaultSeed), rawSeed);
  const view = coerceParams(viewSpecs, rawView);
  for (const n of A.notices) notices.push({ key: a + n.param, given: n.given, used: n.used, message: n.message });
  for (const n of B.notices) notices.push({ key: b + n.param, given: n.given, used: n.used, message: `B side: ${n.message}` });
  for (const n of seed.notices) notices.push({ key: a + n.param, given: n.given, used: n.used, message: n.message });
  for (const n of view.notices) notices.push({ key: a + n.param, given: n.given, used: n.used, message: n.message });

  let compare = preset?.compareWith !== undefined;
  if (rawCompare !== undefined) {
    if (/^(1|true|on|yes)$/i.test(rawCompare.trim())) compare = true;
    else if (/^(0|false|off|no)$/i.test(rawCompare.trim())) compare = false;
    else notices.push({ key: a + 'compare', given: rawCompare, used: compare ? 'on' : 'off', message: `Compare: "${rawCompare}" is not 1 or 0; compare is ${compare ? 'on' : 'off'}.` });
  }
  return { state: { values: A.values, seed: seed.values.seed, compare, valuesB: B.values }, viewState: view.values, notices };
}

/** A link's version: a whole number from 1 to today's; anything else is today's, with a notice. */
function readVersion(given: string | undefined, current: number, key: string, notices: UrlNotice[]): number {
  if (given === undefined) return 1;
  const v = Number(given.trim());
  if (/^\d+$/.test(given.trim()) && v >= 1 && v <= current) return v;
  notices.push({ key, given, used: String(current), message: `Link version "${given}" is not one this page knows (1 to ${current}); using the current defaults.` });
  return current;
}

/** A preset named in a link, by id (any letter case); an unknown name is reported and the defaults are used. */
function readPreset<S extends ParamSpecs>(given: string | undefined, presets: readonly Preset<S>[], key: string, notices: UrlNotice[]): Preset<S> | undefined {
  if (given === undefined) return undefined;
  const name = given.trim().toLowerCase();
  const found = presets.find((p) => p.id.toLowerCase() === name);
  if (!found) {
    const known = presets.length > 0 ? ` (presets: ${presets.map((p) => p.id).join(', ')})` : '';
    notices.push({ key, given, used: 'defaults', message: `this widget has no preset "${given}"${known}; using the defaults.` });
  }
  return found;
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
  version = 1,
): string {
  const { a, b } = urlPrefixes(id);
  const params = new URLSearchParams(search);
  for (const key of [...params.keys()]) if (key.startsWith(a) || key.startsWith(b)) params.delete(key);
  const before = [...params.keys()].length;
  for (const [k, v] of Object.entries(changedParams(specs, state.values))) params.set(a + k, v);
  for (const [k, v] of Object.entries(changedParams(view.specs, view.values))) params.set(a + k, v);
  if (state.seed !== defaultSeed) params.set(a + 'seed', String(state.seed));
  if (state.compare) {
    params.set(a + 'compare', '1');
    for (const [k, v] of Object.entries(changedParams(specs, state.valuesB))) params.set(b + k, v);
  }
  // Omitted keys mean the defaults of the link's version: say which, unless it is the version a bare link means.
  const pageVersion = params.get(PAGE_VERSION_KEY);
  if (([...params.keys()].length > before && version > 1) || (pageVersion !== null && pageVersion !== String(version))) params.set(a + 'v', String(version));
  const s = params.toString();
  return s === '' ? '' : '?' + s;
}

/**
 * This widget's whole state as a query of its own, for "Copy link": every
 * parameter written out (not only those off the defaults) and the link's
 * version, so the link shows the same run after any later change of defaults.
 */
export function widgetLinkQuery<S extends ParamSpecs, VS extends ParamSpecs>(
  id: string,
  specs: S,
  state: WidgetState<S>,
  view: { readonly specs: VS; readonly values: ParamValues<VS> },
  version: number,
): string {
  const { a, b } = urlPrefixes(id);
  const params = new URLSearchParams();
  params.set(a + 'v', String(version));
  for (const [k, v] of Object.entries(allParams(specs, state.values))) params.set(a + k, v);
  for (const [k, v] of Object.entries(allParams(view.specs, view.values))) params.set(a + k, v);
  params.set(a + 'seed', String(state.seed));
  if (state.compare) {
    params.set(a + 'compare', '1');
    for (const [k, v] of Object.entries(allParams(specs, state.valuesB))) params.set(b + k, v);
  }
  return '?' + params.toString();
}

function allParams<S extends ParamSpecs>(specs: S, values: ParamValues<S>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(specs)) {
    const v: unknown = (values as Record<string, unknown>)[k];
    out[kebabCase(k)] = typeof v === 'number' ? toDecimal(v) : String(v);
  }
  return out;
}
