import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { booleanParam, defaultValues, enumParam, intParam, numberParam, type ParamValues } from '../../../../src/params/params.ts';
import { readWidgetUrl, writeWidgetUrl, type WidgetState } from '../../../../src/components/frame/url/widget-url.ts';

const specs = {
  spikeRate: intParam({ label: 'Spike load', unit: 'req/s', default: 400, min: 10, max: 2000, step: 10 }),
  failureRate: numberParam({ label: 'Failure rate', default: 0.5, min: 0, max: 1, step: 0.01 }),
  budget: enumParam({ label: 'Budget', default: 'none', options: ['none', 'token-bucket'] as const }),
  cancellation: booleanParam({ label: 'Cancel', default: false }),
};
type S = typeof specs;
const defaults = defaultValues(specs);
const SEED = 1;
/** No view state, and a view of its own (where a replay stands): kept in the URL, never in the runs. */
const NONE = {};
const viewSpecs = { t: numberParam({ label: 'Replay time', unit: 's', default: 0, min: 0, max: 60, step: 0.1 }) };
const noView = { specs: NONE, values: {} };

const valuesArb: fc.Arbitrary<ParamValues<S>> = fc.record({
  spikeRate: fc.integer({ min: 10, max: 2000 }),
  failureRate: fc.integer({ min: 0, max: 100 }).map((k) => k / 100),
  budget: fc.constantFrom('none' as const, 'token-bucket' as const),
  cancellation: fc.boolean(),
});
const stateArb: fc.Arbitrary<WidgetState<S>> = fc.record({
  values: valuesArb,
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  compare: fc.boolean(),
  valuesB: valuesArb,
});

describe('widget URL state', () => {
  it('reading what was written gives back the state (B only in compare mode) and no notice', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const search = writeWidgetUrl('', 'storm', specs, state, SEED, noView);
        const read = readWidgetUrl(search, 'storm', specs, SEED, NONE);
        expect(read.notices).toEqual([]);
        expect(read.state.values).toEqual(state.values);
        expect(read.state.seed).toBe(state.seed);
        expect(read.state.compare).toBe(state.compare);
        if (state.compare) expect(read.state.valuesB).toEqual(state.valuesB);
      }),
    );
  });

  it('writing leaves every other widget’s keys, and their order, untouched', () => {
    const keyArb = fc.constantFrom('jitter.clients', 'storm-x.a', 'stormy.b', 'budget-b.c', 'q', 'storms.d');
    fc.assert(
      fc.property(fc.array(fc.tuple(keyArb, fc.string({ maxLength: 5 })), { maxLength: 6 }), stateArb, (others, state) => {
        const search = '?' + new URLSearchParams(others).toString();
        const written = new URLSearchParams(writeWidgetUrl(search, 'storm', specs, state, SEED, noView));
        const kept = [...written].filter(([k]) => !k.startsWith('storm.') && !k.startsWith('storm-b.'));
        expect(kept).toEqual(others);
      }),
    );
  });

  it('writes only what differs from the defaults, in kebab case', () => {
    const state: WidgetState<S> = { values: { ...defaults, spikeRate: 300 }, seed: 7, compare: true, valuesB: { ...defaults, budget: 'token-bucket' } };
    expect(writeWidgetUrl('?a=1', 'storm', specs, state, SEED, noView)).toBe(
      '?a=1&storm.spike-rate=300&storm.seed=7&storm.compare=1&storm-b.budget=token-bucket',
    );
    expect(writeWidgetUrl('', 'storm', specs, { values: defaults, seed: SEED, compare: false, valuesB: defaults }, SEED, noView)).toBe('');
  });

  it('replaces malformed and out-of-range values by the nearest valid one and says so', () => {
    const { state, notices } = readWidgetUrl(
      '?storm.spike-rate=abc&storm.failure-rate=7&storm.budget=bogus&storm.seed=-3&storm.compare=maybe&storm.nope=1&storm-b.spike-rate=1e9&jitter.x=1',
      'storm',
      specs,
      SEED,
      NONE,
    );
    expect(state.values).toEqual({ ...defaults, failureRate: 1 });
    expect(state.valuesB.spikeRate).toBe(2000);
    expect(state.seed).toBe(0);
    expect(state.compare).toBe(false);
    expect(notices.map((n) => [n.key, n.used])).toEqual([
      ['storm.nope', ''],
      ['storm.spike-rate', '400 req/s'],
      ['storm.failure-rate', '1'],
      ['storm.budget', 'none'],
      ['storm-b.spike-rate', '2000 req/s'],
      ['storm.seed', '0'],
      ['storm.compare', 'off'],
    ]);
    for (const n of notices) expect(n.message.length).toBeGreaterThan(10);
  });

  it('never fails and always yields valid values, whatever the query string', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('storm.spike-rate', 'storm.failure-rate', 'storm.budget', 'storm.cancellation', 'storm.seed', 'storm.compare', 'storm-b.budget'),
            fc.string(),
          ),
          { maxLength: 8 },
        ),
        (pairs) => {
          const { state } = readWidgetUrl('?' + new URLSearchParams(pairs).toString(), 'storm', specs, SEED, NONE);
          for (const v of [state.values, state.valuesB]) {
            expect(Number.isInteger(v.spikeRate) && v.spikeRate >= 10 && v.spikeRate <= 2000).toBe(true);
            expect(v.failureRate >= 0 && v.failureRate <= 1).toBe(true);
            expect(['none', 'token-bucket']).toContain(v.budget);
            expect(typeof v.cancellation).toBe('boolean');
          }
          expect(Number.isInteger(state.seed) && state.seed >= 0).toBe(true);
        },
      ),
    );
  });

  it('does not mistake another widget whose id starts the same for its own', () => {
    const { state, notices } = readWidgetUrl('?stormy.spike-rate=20&storm-bb.spike-rate=30', 'storm', specs, SEED, NONE);
    expect(state.values.spikeRate).toBe(400);
    expect(notices).toEqual([]);
  });

  it('keeps view state under the widget’s own keys, beside the parameters, read leniently and written only when not the default', () => {
    const state = { values: { ...defaults, spikeRate: 300 }, seed: SEED, compare: false, valuesB: defaults };
    const search = writeWidgetUrl('', 'storm', specs, state, SEED, { specs: viewSpecs, values: { t: 22 } });
    expect(search).toBe('?storm.spike-rate=300&storm.t=22');
    const read = readWidgetUrl(search, 'storm', specs, SEED, viewSpecs);
    expect([read.state, read.viewState, read.notices]).toEqual([state, { t: 22 }, []]);
    expect(writeWidgetUrl('', 'storm', specs, state, SEED, { specs: viewSpecs, values: { t: 0 } })).toBe('?storm.spike-rate=300');
    const bad = readWidgetUrl('?storm.t=99&storm-b.t=3', 'storm', specs, SEED, viewSpecs);
    expect(bad.viewState).toEqual({ t: 60 });
    expect(bad.notices.map((n) => [n.key, n.used])).toEqual([
      ['storm-b.t', ''],
      ['storm.t', '60 s'],
    ]);
  });
});
