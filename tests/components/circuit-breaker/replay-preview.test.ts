import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSeriesPrefix } from '../series-prefix.ts';
import { comparisonTable } from '../../../src/components/circuit-breaker/replay/comparison-table.ts';
import { describeDiagramState } from '../../../src/components/circuit-breaker/replay/diagram-summary.ts';
import { outageBars } from '../../../src/components/circuit-breaker/replay/outage-bars.ts';
import { previewReplay } from '../../../src/components/circuit-breaker/replay/replay-preview.ts';
import { replaySpecs } from '../../../src/components/circuit-breaker/replay/replay-specs.ts';
import { replaySummary } from '../../../src/components/circuit-breaker/replay/replay-summary.ts';
import { stateAt } from '../../../src/components/circuit-breaker/replay/replay-time.ts';
import { reduceReplay, type ReplayView } from '../../../src/components/circuit-breaker/replay/replay-view.ts';
import { diagram, legendStates, replayWidget, stateOrder } from '../../../src/components/circuit-breaker/replay/replay-widget.ts';
import { timelineModel } from '../../../src/components/circuit-breaker/replay/timeline-model.ts';
import { executeRuns } from '../../../src/components/frame/runner/run-in-node.ts';
import { defaultState } from '../../../src/components/frame/url/widget-state.ts';
import type { WidgetState } from '../../../src/components/frame/url/widget-url.ts';

type State = WidgetState<typeof replaySpecs>;
const initial: State = defaultState(replaySpecs, replayWidget.defaultSeed);
const A = initial.values;

function views(state: State): { whole: ReplayView; preview: ReplayView } {
  const plan = replayWidget.plan(state);
  const preview = previewReplay(state);
  return { whole: reduceReplay(executeRuns(plan.runs), plan.meta), preview: reduceReplay(executeRuns(preview.runs), preview.meta) };
}

describe('breaker replay preview', () => {
  it('runs the first 25 s of both default 60 s runs (the outage’s first 5 s), at a cost in proportion, named once in its label', () => {
    const whole = replayWidget.plan(initial);
    const preview = replayWidget.preview!(initial);
    expect(preview.runs.map((r) => [r.params.duration, r.params.breaker])).toEqual([
      [25, true],
      [25, false],
    ]);
    preview.runs.forEach((r, i) => {
      expect(r.params).toEqual({ ...whole.runs[i].params, duration: 25 });
      expect(r.seed).toBe(whole.runs[i].seed);
      expect(r.cost / whole.runs[i].cost).toBeCloseTo(25 / 60, 10);
    });
    expect(preview.label).toBe('Preview: the first 25 s of the 60 s run.');
    expect(preview.meta.runs.map((r) => r.values.duration)).toEqual([60, 60]);
    // Compare: A and B by name, each by its own length; at the shortest length the plan is its own preview.
    const compare = previewReplay({ ...initial, compare: true, valuesB: { ...A, breaker: false, duration: 120 } });
    expect(compare.label).toBe('Preview: A: the first 25 s of the 60 s run; B: the first 30 s of the 120 s run.');
    const short: State = { ...initial, values: { ...A, duration: 10 } };
    expect(previewReplay(short)).toEqual(replayWidget.plan(short));
  });

  it('a preview run is exactly the start of the whole run: series and transitions equal over the preview span', () => {
    const arb = fc.record({
      breaker: fc.boolean(),
      failureRateThreshold: fc.integer({ min: 1, max: 100 }),
      window: fc.constantFrom(...replaySpecs.window.options),
      windowSize: fc.integer({ min: 1, max: 100 }),
      windowDuration: fc.integer({ min: 1, max: 30 }),
      minimumCalls: fc.integer({ min: 1, max: 50 }),
      openDuration: fc.integer({ min: 1, max: 30 }).map((k) => k * 500),
      halfOpenProbes: fc.integer({ min: 1, max: 10 }),
      outageMode: fc.constantFrom(...replaySpecs.outageMode.options),
      outageStart: fc.integer({ min: 0, max: 40 }),
      outageDuration: fc.integer({ min: 0, max: 40 }),
      timeout: fc.integer({ min: 1, max: 40 }).map((k) => k * 50),
      retries: fc.integer({ min: 0, max: 4 }),
      rate: fc.integer({ min: 1, max: 200 }),
      duration: fc.integer({ min: 6, max: 18 }).map((k) => k * 5),
    });
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 1000 }), (values, seed) => {
        const state: State = { ...initial, values, seed };
        const whole = executeRuns(replayWidget.plan(state).runs);
        const preview = previewReplay(state);
        const shown = executeRuns(preview.runs);
        shown.forEach((r, i) => {
          const n = preview.meta.previewS?.[i] ?? values.duration;
          expectSeriesPrefix(r, whole[i], n);
          const before = (states: typeof r.states) => states.filter((x) => x.t < n * 1000);
          expect(before(r.states)).toEqual(before(whole[i].states));
        });
      }),
      { numRuns: 15 },
    );
  });

  it('the preview keeps the scrubber’s and the axes’ whole length, ends its band at the preview, and quotes none of the whole run’s numbers', () => {
    const { whole, preview } = views(initial);
    expect(JSON.parse(JSON.stringify(preview))).toEqual(preview);
    expect(preview.durationS).toBe(60);
    expect(preview.runs.map((r) => r.previewS)).toEqual([25, 25]);
    expect(whole.runs.map((r) => r.previewS)).toEqual([null, null]);
    // The transitions shown are the whole run's, up to the preview's end.
    expect(preview.runs[0].transitions).toEqual(whole.runs[0].transitions.filter((tr) => tr.t < 25));
    expect(preview.runs[0].transitions.length).toBeGreaterThan(0);

    const timeline = timelineModel(preview, stateOrder, legendStates);
    expect(timeline.x.domain).toEqual([0, 60]);
    expect(timeline.bands[0].segments.at(-1)!.end).toBe(25);
    for (const panel of timeline.panels) for (const s of panel.series) expect(s.x).toHaveLength(50);

    const summary = replaySummary(preview);
    expect(summary).toBe(
      'Preview: the first 25 s of the 60 s run. The dependency fails every call from 20 s to 35 s. When the breaker tripped, how many calls reached the dependency, recovery and failed requests follow with the whole run.',
    );
    expect(replaySummary(whole)).toMatch(/Calls reaching the dependency during the outage: [\d,]+ with the breaker/);
    const table = comparisonTable(preview);
    expect(table.caption).toBe('Breaker vs no breaker on the same seed (the numbers follow with the whole run)');
    expect(new Set(table.rows.flatMap((r) => r.values))).toEqual(new Set(['…']));
    const bars = outageBars(preview);
    expect(bars.series).toEqual([]);
    expect(bars.summary).toBe('Calls during the outage and requests failed follow with the whole run (a preview of its first 25 s is shown).');
  });

  it('the replay cursor keeps working: before the preview’s end the diagram shows the whole run’s state, past it says it follows', () => {
    const { whole, preview } = views(initial);
    const focus = preview.runs[preview.focus];
    const t = 22;
    const at = stateAt(focus.transitions, preview.initialState, t);
    expect(at).toEqual(stateAt(whole.runs[whole.focus].transitions, whole.initialState, t));
    expect(describeDiagramState(diagram, focus, at, t, false)).toBe(describeDiagramState(diagram, whole.runs[whole.focus], at, t, false));
    expect(describeDiagramState(diagram, focus, undefined, 40, false)).toBe(
      'At 40.0 s, past the preview’s first 25.0 s: the breaker’s state follows with the whole run.',
    );
  });
});
