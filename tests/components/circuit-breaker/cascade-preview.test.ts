import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSeriesPrefix } from '../series-prefix.ts';
import { cascadeCharts } from '../../../src/components/circuit-breaker/cascade/cascade-charts.ts';
import { previewCascade } from '../../../src/components/circuit-breaker/cascade/cascade-preview.ts';
import { cascadeSpecs, type CascadeSpecs } from '../../../src/components/circuit-breaker/cascade/cascade-specs.ts';
import { reduceCascade } from '../../../src/components/circuit-breaker/cascade/cascade-view.ts';
import { cascadeWidget } from '../../../src/components/circuit-breaker/cascade/cascade-widget.ts';
import { faultPreviewSeconds } from '../../../src/components/circuit-breaker/fault-preview-length.ts';
import { executeRuns } from '../../../src/components/frame/runner/run-in-node.ts';
import { defaultState } from '../../../src/components/frame/url/widget-state.ts';
import type { WidgetState } from '../../../src/components/frame/url/widget-url.ts';

type State = WidgetState<CascadeSpecs>;
const initial: State = defaultState(cascadeSpecs, cascadeWidget.defaultSeed);
const A = initial.values;

describe('cascade preview', () => {
  it('runs the first 25 s of the default 60 s run (the fault’s first 5 s), at a cost in proportion, named in its label', () => {
    const whole = cascadeWidget.plan(initial);
    const preview = cascadeWidget.preview!(initial);
    expect(preview.runs.map((r) => r.params.duration)).toEqual([25]);
    expect(preview.runs[0].params).toEqual({ ...whole.runs[0].params, duration: 25 });
    expect(preview.runs[0].seed).toBe(whole.runs[0].seed);
    expect(preview.runs[0].cost / whole.runs[0].cost).toBeCloseTo(25 / 60, 10);
    expect(preview.label).toBe('Preview: the first 25 s of the 60 s run.');
    expect(preview.meta.sides[0].values.duration).toBe(60);
    expect(preview.meta.previewS).toEqual([25]);
  });

  it('previews both sides in compare mode', () => {
    const state: State = { ...initial, compare: true, valuesB: { ...A, breaker: true, duration: 10 } };
    const preview = previewCascade(state);
    expect(preview.runs.map((r) => [r.params.duration, r.params.breaker])).toEqual([
      [25, false],
      [10, true],
    ]);
    expect(preview.label).toBe('Preview: A: the first 25 s of the 60 s run; B: the whole 10 s run.');
    // A run that is already at its shortest is its own preview.
    const short: State = { ...initial, values: { ...A, duration: 10 } };
    expect(previewCascade(short)).toEqual(cascadeWidget.plan(short));
  });

  it('lengths: a valid run length, shorter than the run, into the fault when it starts in the first half', () => {
    const spec = cascadeSpecs.duration;
    expect(faultPreviewSeconds(spec, 60, 20)).toBe(25);
    expect(faultPreviewSeconds(spec, 60, 40)).toBe(20);
    expect(faultPreviewSeconds(spec, 300, 20)).toBe(30);
    expect(faultPreviewSeconds(spec, 300, 100)).toBe(105);
    fc.assert(
      fc.property(fc.integer({ min: spec.min, max: spec.max }), fc.integer({ min: 0, max: 300 }), (duration, faultStart) => {
        const s = faultPreviewSeconds(spec, duration, faultStart);
        expect(s).toBeLessThanOrEqual(duration);
        expect(s).toBeGreaterThanOrEqual(spec.min);
        if (s < duration) expect((s - spec.min) % spec.step).toBe(0);
      }),
    );
  });

  it('a preview run is exactly the start of the whole run: series and breaker transitions equal over the preview span', () => {
    const arb = fc.record({
      timeout: fc.constantFrom(0, 100, 200, 500, 2000),
      bulkhead: fc.integer({ min: 0, max: 20 }),
      breaker: fc.boolean(),
      faultMode: fc.constantFrom(...cascadeSpecs.faultMode.options),
      addedLatency: fc.integer({ min: 1, max: 30 }).map((k) => k * 100),
      faultStart: fc.integer({ min: 1, max: 40 }),
      faultDuration: fc.integer({ min: 0, max: 40 }),
      rate: fc.integer({ min: 1, max: 30 }).map((k) => k * 10),
      dependentShare: fc.integer({ min: 0, max: 20 }).map((k) => k * 0.05),
      workers: fc.integer({ min: 1, max: 40 }),
      duration: fc.integer({ min: 6, max: 18 }).map((k) => k * 5),
    });
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 1000 }), (values, seed) => {
        const state: State = { ...initial, values, seed };
        const whole = executeRuns(cascadeWidget.plan(state).runs)[0];
        const preview = previewCascade(state);
        const shown = executeRuns(preview.runs)[0];
        const n = preview.meta.previewS?.[0] ?? values.duration;
        expectSeriesPrefix(shown, whole, n);
        // After its end a shorter run drains its calls without new arrivals: only the transitions before it are the whole run's.
        const before = (states: typeof whole.states) => states.filter((x) => x.t < n * 1000);
        expect(before(shown.states)).toEqual(before(whole.states));
      }),
      { numRuns: 20 },
    );
  });

  it('the preview view keeps the whole run’s axis, ends its series at the preview, draws no bars and quotes none of the whole run’s numbers', () => {
    const whole = cascadeWidget.plan(initial);
    const preview = previewCascade(initial);
    const wholeView = reduceCascade(executeRuns(whole.runs), whole.meta);
    const view = reduceCascade(executeRuns(preview.runs), preview.meta);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    expect(view.sides[0].previewS).toBe(25);
    expect(wholeView.sides[0].previewS).toBeNull();
    const charts = cascadeCharts(view);
    expect(charts.map((c) => c.id)).toEqual(cascadeCharts(wholeView).map((c) => c.id));
    const [goodput, workers, bars] = charts;
    if (goodput.kind !== 'line' || workers.kind !== 'line' || bars.kind !== 'bar') throw new Error('two line charts and the bars');
    expect(goodput.x.domain).toEqual([0, 60]);
    expect(workers.x.domain).toEqual([0, 60]);
    for (const s of [...goodput.series, ...workers.series]) expect(s.x).toHaveLength(25);
    expect(bars.series).toEqual([]);
    // Every number a preview's summary states is the fault's window, the preview's length or the run's.
    const numbers = (text: string) => text.replace(/1,000 ms/, '').match(/\d[\d,.]*/g) ?? [];
    expect(goodput.summary).toBe(
      'Preview with no protection, while B answers 1,000 ms slower (20 s to 40 s): the first 25 s of the 60 s run. Goodput before and during the fault follows with the whole run.',
    );
    expect(numbers(workers.summary)).toEqual(['25', '60']);
    expect(numbers(bars.summary)).toEqual(['25']);
    // The whole run's do.
    expect(cascadeCharts(wholeView)[0].summary).toMatch(/A served the traffic that does not need B at [\d.]+ req\/s before the fault/);
  });
});
