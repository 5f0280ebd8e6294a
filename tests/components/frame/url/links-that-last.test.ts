import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { booleanParam, defaultValues, enumParam, intParam, numberParam, type ParamValues } from '../../../../src/params/params.ts';
import { currentLinkVersion, specsAtVersion, type DefaultsByVersion } from '../../../../src/components/frame/url/link-version.ts';
import { readWidgetUrl, widgetLinkQuery, writeWidgetUrl, type WidgetState } from '../../../../src/components/frame/url/widget-url.ts';
import type { Preset } from '../../../../src/components/frame/url/widget-state.ts';

const specs = {
  rate: intParam({ label: 'Rate', unit: 'req/s', default: 8, min: 1, max: 100 }),
  limit: intParam({ label: 'Limit', default: 20, min: 1, max: 100 }),
  share: numberParam({ label: 'Share', default: 0.5, min: 0, max: 1, step: 0.01 }),
  mode: enumParam({ label: 'Mode', default: 'plain', options: ['plain', 'fancy'] as const }),
  cancel: booleanParam({ label: 'Cancel', default: false }),
};
type S = typeof specs;
const defaults = defaultValues(specs);
const SEED = 7;
const viewSpecs = { t: numberParam({ label: 'Replay time', unit: 's', default: 0, min: 0, max: 60, step: 0.1 }) };
const presets: readonly Preset<S>[] = [
  { id: 'busy', label: 'Busy', values: { rate: 90, mode: 'fancy' } },
  { id: 'side-by-side', label: 'Side by side', values: { rate: 30 }, compareWith: { rate: 30, cancel: true } },
];
/** `rate` was 5 in versions 1 and 2 (8 since 3); `limit` was 10 in version 1 (20 since 2). */
const history: DefaultsByVersion<S> = { 1: { limit: 10 }, 2: { rate: 5 } };

const read = (search: string, meaning = { presets, defaultsByVersion: history }) => readWidgetUrl(search, 'w', specs, SEED, viewSpecs, meaning);

const valuesArb: fc.Arbitrary<ParamValues<S>> = fc.record({
  rate: fc.integer({ min: 1, max: 100 }),
  limit: fc.integer({ min: 1, max: 100 }),
  share: fc.integer({ min: 0, max: 100 }).map((k) => k / 100),
  mode: fc.constantFrom('plain' as const, 'fancy' as const),
  cancel: fc.boolean(),
});
const stateArb: fc.Arbitrary<WidgetState<S>> = fc.record({ values: valuesArb, seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), compare: fc.boolean(), valuesB: valuesArb });

describe('link versions', () => {
  it('the current version is one past the last listed; none listed is version 1', () => {
    expect(currentLinkVersion(history)).toBe(3);
    expect(currentLinkVersion(undefined)).toBe(1);
    expect(currentLinkVersion({})).toBe(1);
  });

  it("each version's defaults: the first entry at or after it that lists a key, else today's", () => {
    expect(defaultValues(specsAtVersion(specs, history, 1))).toMatchObject({ rate: 5, limit: 10 });
    expect(defaultValues(specsAtVersion(specs, history, 2))).toMatchObject({ rate: 5, limit: 20 });
    expect(defaultValues(specsAtVersion(specs, history, 3))).toEqual(defaults);
    expect(specsAtVersion(specs, undefined, 1)).toEqual(specs);
  });

  it("keys a link omits take its version's defaults; a bare link is version 1", () => {
    expect(read('?w.v=1&w.share=0.2').state.values).toEqual({ ...defaults, rate: 5, limit: 10, share: 0.2 });
    expect(read('?w.v=2').state.values).toEqual({ ...defaults, rate: 5 });
    expect(read('?w.v=3').state.values).toEqual(defaults);
    expect(read('?w.rate=9').state.values).toEqual({ ...defaults, rate: 9, limit: 10 });
    expect(read('?v=2').state.values).toEqual({ ...defaults, rate: 5 });
    expect(read('?v=1&w.v=3').state.values).toEqual(defaults);
    expect(read('?w.v=2').notices).toEqual([]);
  });

  it('an unknown version is reported and reads as today', () => {
    for (const given of ['4', '0', 'x', '1.5']) {
      const r = read(`?w.v=${given}`);
      expect(r.state.values).toEqual(defaults);
      expect(r.notices).toEqual([expect.objectContaining({ key: 'w.v', given, used: '3' })]);
    }
  });

  it('the address bar keeps an old link meaning what it meant: omitted keys are written against today, with the version', () => {
    const old = read('?w.v=1&w.share=0.2').state;
    const written = writeWidgetUrl('?other=1', 'w', specs, old, SEED, { specs: viewSpecs, values: { t: 0 } }, 3);
    expect(written).toBe('?other=1&w.rate=5&w.limit=10&w.share=0.2&w.v=3');
    expect(read(written).state).toMatchObject({ values: old.values, seed: old.seed, compare: false });
    // A page-wide version other than the widget's own is overridden, even when nothing else is written.
    const plain = { values: defaults, seed: SEED, compare: false, valuesB: defaults };
    expect(writeWidgetUrl('?v=1', 'w', specs, plain, SEED, { specs: viewSpecs, values: { t: 0 } }, 3)).toBe('?v=1&w.v=3');
    expect(writeWidgetUrl('', 'w', specs, plain, SEED, { specs: viewSpecs, values: { t: 0 } }, 3)).toBe('');
  });
});

describe('presets by name', () => {
  it("applies the preset's values and compare; explicit keys override it", () => {
    expect(read('?w.v=3&w.preset=busy').state).toEqual({ values: { ...defaults, rate: 90, mode: 'fancy' }, seed: SEED, compare: false, valuesB: { ...defaults, rate: 90, mode: 'fancy' } });
    expect(read('?w.v=3&w.preset=BUSY&w.rate=40&w.seed=3').state).toMatchObject({ values: { ...defaults, rate: 40, mode: 'fancy' }, seed: 3 });
    const sbs = read('?w.v=3&w.preset=side-by-side&w-b.limit=3');
    expect(sbs.state).toMatchObject({ compare: true, values: { ...defaults, rate: 30 }, valuesB: { ...defaults, rate: 30, cancel: true, limit: 3 } });
    expect(read('?w.v=3&w.preset=side-by-side&w.compare=0').state.compare).toBe(false);
    expect(read('?w.preset=busy').notices).toEqual([]);
  });

  it("a preset in an old link keeps that version's defaults for what the preset leaves out", () => {
    expect(read('?w.v=1&w.preset=busy').state.values).toEqual({ ...defaults, rate: 90, mode: 'fancy', limit: 10 });
  });

  it('an unknown name is reported and the defaults are used', () => {
    const r = read('?w.v=3&w.preset=nope');
    expect(r.state.values).toEqual(defaults);
    expect(r.notices).toEqual([expect.objectContaining({ key: 'w.preset', given: 'nope', used: 'defaults' })]);
    expect(r.notices[0].message).toContain('busy, side-by-side');
  });
});

describe('copied links', () => {
  it('write every parameter, the seed and the version, and read back to the same state', () => {
    fc.assert(
      fc.property(stateArb, fc.integer({ min: 0, max: 600 }).map((k) => k / 10), (state, t) => {
        const q = widgetLinkQuery('w', specs, state, { specs: viewSpecs, values: { t } }, 3);
        const p = new URLSearchParams(q);
        expect(p.get('w.v')).toBe('3');
        for (const k of ['rate', 'limit', 'share', 'mode', 'cancel', 'seed', 't']) expect(p.has('w.' + k)).toBe(true);
        const back = read(q);
        expect(back.notices).toEqual([]);
        expect(back.viewState).toEqual({ t });
        expect(back.state).toEqual(state.compare ? state : { ...state, valuesB: back.state.valuesB });
      }),
    );
  });

  it('keep their meaning after a default changes (the old default moved into defaultsByVersion)', () => {
    const state: WidgetState<S> = { values: defaults, seed: SEED, compare: false, valuesB: defaults };
    const before = widgetLinkQuery('w', specs, state, { specs: viewSpecs, values: { t: 0 } }, 3);
    const laterSpecs = { ...specs, rate: intParam({ label: 'Rate', unit: 'req/s', default: 12, min: 1, max: 100 }) };
    const later = readWidgetUrl(before, 'w', laterSpecs, SEED, viewSpecs, { defaultsByVersion: { ...history, 3: { rate: 8 } } });
    expect(later.state.values).toEqual(defaults);
    // What a short (non-default-only) link would have become without the history entry: the new default.
    expect(readWidgetUrl('?w.v=3', 'w', laterSpecs, SEED, viewSpecs, { defaultsByVersion: history }).state.values.rate).toBe(12);
  });
});
