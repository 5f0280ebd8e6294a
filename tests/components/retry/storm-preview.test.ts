import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSeriesPrefix } from '../series-prefix.ts';
import { executeRuns } from '../../../src/components/frame/runner/run-in-node.ts';
import { defaultState } from '../../../src/components/frame/url/widget-state.ts';
import type { WidgetState } from '../../../src/components/frame/url/widget-url.ts';
import { count, num } from '../../../src/components/stats/format-number.ts';
import { stormCharts } from '../../../src/components/retry/storm/storm-charts.ts';
import { previewStorm, stormPreviewSeconds } from '../../../src/components/retry/storm/storm-preview.ts';
import { stormSpecs, type StormSpecs } from '../../../src/components/retry/storm/storm-specs.ts';
import { reduceStorm } from '../../../src/components/retry/storm/storm-view.ts';
import { stormWidget } from '../../../src/components/retry/storm/storm-widget.ts';

type State = WidgetState<StormSpecs>;
const initial: State = defaultState(stormSpecs, stormWidget.defaultSeed);
const A = initial.values;

describe('storm preview', () => {
  it('runs the first 20 s of the default 60 s run, at a third of its cost, named in its label', () => {
    const whole = stormWidget.plan(initial);
    const preview = stormWidget.preview!(initial);
    expect(preview.runs.map((r) => r.params.duration)).toEqual([20]);
    expect(preview.runs[0].params).toEqual({ ...whole.runs[0].params, duration: 20 });
    expect(preview.runs[0].seed).toBe(whole.runs[0].seed);
    // Cost in proportion to the work: 20 s of 150 req/s plus the whole 5 s spike, against 60 s of it.
    expect(preview.runs[0].cost / whole.runs[0].cost).toBeCloseTo((150 * 20 + 250 * 5) / (150 * 60 + 250 * 5), 10);
    expect(preview.label).toBe('Preview: the first 20 s of the 60 s run.');
    // The axes' length stays the whole run's.
    expect(preview.meta.sides[0].values.duration).toBe(60);
    expect(preview.meta.previewS).toEqual([20]);
  });

  it('previews both sides in compare mode, each by its own length', () => {
    const state: State = { ...initial, compare: true, valuesB: { ...A, budget: 'token-bucket', duration: 120 } };
    const preview = previewStorm(state);
    expect(preview.runs.map((r) => [r.params.duration, r.params.budget])).toEqual([
      [20, 'none'],
      [30, 'token-bucket'],
    ]);
    expect(preview.label).toBe('Preview: A: the first 20 s of the 60 s run; B: the first 30 s of the 120 s run.');
  });

  it('lengths: a valid run length, through the first seconds after a spike in the first half, never the whole run', () => {
    const { min, max, step } = stormSpecs.duration;
    expect(stormPreviewSeconds(A)).toBe(20);
    expect(stormPreviewSeconds({ ...A, duration: 600 })).toBe(30);
    expect(stormPreviewSeconds({ ...A, duration: 120, spikeStart: 40 })).toBe(50);
    // At the shortest run, or one whose third is the shortest, there is nothing shorter to show first: the plan is its own preview.
    expect(stormPreviewSeconds({ ...A, duration: min })).toBe(min);
    const short: State = { ...initial, values: { ...A, duration: min } };
    expect(previewStorm(short)).toEqual(stormWidget.plan(short));
    fc.assert(
      fc.property(fc.integer({ min, max }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 120 }), (duration, spikeStart, spikeDuration) => {
        const s = stormPreviewSeconds({ duration, spikeStart, spikeDuration });
        expect(s).toBeLessThanOrEqual(duration);
        expect(s).toBeGreaterThanOrEqual(min);
        if (s < duration) expect((s - min) % step).toBe(0);
      }),
    );
  });

  it('a preview run is exactly the start of the whole run: every series equal over the preview span', () => {
    const arb = fc.record({
      budget: fc.constantFrom(...stormSpecs.budget.options),
      backoff: fc.constantFrom(...stormSpecs.backoff.options),
      retries: fc.integer({ min: 0, max: 5 }),
      cancellation: fc.boolean(),
      queueing: fc.constantFrom(...stormSpecs.queueing.options),
      timeout: fc.integer({ min: 1, max: 40 }).map((k) => k * 50),
      baseRate: fc.integer({ min: 1, max: 25 }).map((k) => k * 10),
      spikeRate: fc.integer({ min: 1, max: 50 }).map((k) => k * 10),
      spikeStart: fc.integer({ min: 1, max: 50 }),
      spikeDuration: fc.integer({ min: 0, max: 20 }),
      duration: fc.integer({ min: 3, max: 9 }).map((k) => k * 10),
      workers: fc.integer({ min: 1, max: 16 }),
    });
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 1000 }), (values, seed) => {
        const state: State = { ...initial, values, seed };
        const whole = executeRuns(stormWidget.plan(state).runs)[0];
        const preview = previewStorm(state);
        const shown = executeRuns(preview.runs)[0];
        const n = preview.meta.previewS?.[0] ?? values.duration;
        expectSeriesPrefix(shown, whole, n);
      }),
      {
        numRuns: 20,
        // Found by this test: every request had ended at 19.98 s (50 ms timeouts), so the preview
        // stopped there, before abandoned work left the service at 19.99 s; its last second's
        // in-service level differed from the whole run's.
        examples: [
          [
            {
              budget: 'none',
              backoff: 'none',
              retries: 0,
              cancellation: false,
              queueing: 'fifo',
              timeout: 50,
              baseRate: 10,
              spikeRate: 340,
              spikeStart: 1,
              spikeDuration: 3,
              duration: 40,
              workers: 2,
            },
            7,
          ],
        ],
      },
    );
  });

  it('the preview view keeps the whole run’s axis, ends its series at the preview, and quotes none of the whole run’s numbers', () => {
    const whole = stormWidget.plan(initial);
    const preview = previewStorm(initial);
    const wholeView = reduceStorm(executeRuns(whole.runs), whole.meta);
    const view = reduceStorm(executeRuns(preview.runs), preview.meta);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    expect(view.sides[0].previewS).toBe(20);
    expect(wholeView.sides[0].previewS).toBeNull();
    const [traffic, queue] = stormCharts(view);
    if (traffic.kind !== 'line' || queue.kind !== 'line') throw new Error('line charts');
    expect(traffic.x.domain).toEqual([0, 60]);
    expect(queue.x.domain).toEqual([0, 60]);
    for (const s of traffic.series) expect(s.x).toHaveLength(20);
    const w = wholeView.sides[0];
    // Every number a preview's summary states is the preview's length, the run's, or (for the queue) the preview's own peak.
    const numbers = (text: string) => text.replace(w.protection, '').match(/\d[\d,.]*/g) ?? [];
    expect(traffic.summary).toContain(`Preview with ${w.protection}: the first 20 s of the 60 s run.`);
    expect(numbers(traffic.summary)).toEqual(['20', '60']);
    const peak = Math.max(...wholeView.sides[0].queue.slice(0, 20));
    expect(queue.summary).toBe(`The queue peaked at ${count(peak)} waiting in the first 20 s (a preview: the whole run follows).`);
    // The whole run's own summary does quote its numbers.
    expect(stormCharts(wholeView)[0].summary).toContain(`Attempts per request over the whole run: ${num(w.amplification)}.`);
  });
});
