import type { ParamSpec, ParamSpecs, ParamValues } from '../../../params/params.ts';

/**
 * The defaults a widget had in earlier link versions, so that an old link
 * keeps showing what it showed when it was made. Entry `n` lists the
 * defaults that changed when version `n` ended, with their value in version
 * `n`; the widget's current version is one more than the highest entry (1
 * when there is none).
 *
 * To change a default: add (or extend) the entry for the current version
 * with the old value, then change the default. Example: `rate` was 5 in
 * versions 1 and 2 and became 8 in version 3; `limit` was 10 in version 1
 * and 20 since: `{ 1: { limit: 10 }, 2: { rate: 5 } }`, current version 3.
 */
export type DefaultsByVersion<S extends ParamSpecs> = Readonly<Record<number, Partial<ParamValues<S>>>>;

/** The version a link made today carries. */
export function currentLinkVersion<S extends ParamSpecs>(byVersion: DefaultsByVersion<S> | undefined): number {
  const listed = Object.keys(byVersion ?? {}).map(Number);
  return listed.length === 0 ? 1 : Math.max(...listed) + 1;
}

/**
 * The specs with the defaults they had in `version`: for each key, the value
 * in the first entry at or after `version` that lists it (a default unchanged
 * between two entries kept the value of the later one), else today's.
 */
export function specsAtVersion<S extends ParamSpecs>(specs: S, byVersion: DefaultsByVersion<S> | undefined, version: number): S {
  const entries = Object.entries(byVersion ?? {})
    .map(([v, d]) => ({ v: Number(v), d: d as Readonly<Record<string, unknown>> }))
    .filter((e) => e.v >= version)
    .sort((x, y) => x.v - y.v);
  const then: Record<string, unknown> = {};
  for (const k of Object.keys(specs)) {
    const hit = entries.find((e) => k in e.d);
    if (hit) then[k] = hit.d[k];
  }
  return specsWithDefaults(specs, then);
}

/** The specs with some defaults replaced: what a URL's omitted (or unusable) keys fall back to. */
export function specsWithDefaults<S extends ParamSpecs>(specs: S, defaults: Readonly<Record<string, unknown>>): S {
  const out: S = { ...specs };
  const slots: Record<string, ParamSpec> = out;
  for (const [k, p] of Object.entries(specs)) if (k in defaults) slots[k] = { ...p, default: defaults[k] } as ParamSpec;
  return out;
}
