import { describe, expect, it } from 'vitest';
import { defaultValues, kebabCase } from '../../../src/params/params.ts';
import { breakerOutage } from '../../../simulations/scenarios/breaker-outage.ts';
import { comparisonTable } from '../../../src/components/circuit-breaker/replay/comparison-table.ts';
import { describeDiagramState } from '../../../src/components/circuit-breaker/replay/diagram-summary.ts';
import { replayCsv } from '../../../src/components/circuit-breaker/replay/replay-csv.ts';
import { replaySpecs, replayViewSpecs } from '../../../src/components/circuit-breaker/replay/replay-specs.ts';
import { replaySummary } from '../../../src/components/circuit-breaker/replay/replay-summary.ts';
import { stateAt } from '../../../src/components/circuit-breaker/replay/replay-time.ts';
import type { ReplayView } from '../../../src/components/circuit-breaker/replay/replay-view.ts';
import { diagram, legendStates, replayWidget, stateOrder } from '../../../src/components/circuit-breaker/replay/replay-widget.ts';
import { timelineModel } from '../../../src/components/circuit-breaker/replay/timeline-model.ts';
import { executeRuns } from '../../../src/components/frame/runner/run-in-node.ts';
import { applyPreset, defaultState } from '../../../src/components/frame/url/widget-state.ts';
import type { WidgetState } from '../../../src/components/frame/url/widget-url.ts';
import { parseCsv } from '../../browser/helpers/csv.ts';

type State = WidgetState<typeof replaySpecs>;
const initial: State = defaultState(replaySpecs, replayWidget.defaultSeed);

function viewOf(state: State): ReplayView {
  const plan = replayWidget.plan(state);
  return replayWidget.reduce(executeRuns(plan.runs), plan.meta);
}

describe('breaker replay widget', () => {
  const view = viewOf(initial);

  it('runs the reader’s settings and the same with the breaker switched the other way, on one seed, with the scenario’s own params', () => {
    const plan = replayWidget.plan({ ...initial, seed: 7 });
    expect(plan.runs.map((r) => [r.scenario.name, r.seed, r.params.breaker])).toEqual([
      ['breaker-outage', 7, true],
      ['breaker-outage', 7, false],
    ]);
    expect(plan.runs[0].params).toEqual(defaultValues(breakerOutage.params));
    expect(plan.meta.runs.map((r) => r.label)).toEqual(['With breaker', 'Without breaker']);
    const off = replayWidget.plan({ ...initial, values: { ...initial.values, breaker: false } });
    expect(off.meta.runs.map((r) => r.label)).toEqual(['Without breaker', 'With breaker']);
  });

  it('compare mode runs A and B instead, and B starts as A with the breaker switched', () => {
    const b = replayWidget.suggestB!(initial.values);
    expect(b.breaker).toBe(false);
    const plan = replayWidget.plan({ ...initial, compare: true, valuesB: { ...b, retries: 0 } });
    expect(plan.meta.runs.map((r) => r.label)).toEqual(['A', 'B']);
    expect(plan.runs[1].params).toMatchObject({ breaker: false, retries: 0 });
  });

  it('scrubbing never reruns anything: the replay time is view state, beside the parameters, not among them', () => {
    expect(replayWidget.viewSpecs).toBe(replayViewSpecs);
    expect(Object.keys(replaySpecs)).not.toContain('t');
    expect(Object.keys(replayWidget.plan(initial).runs[0].params)).not.toContain('t');
    // Every figure but the diagram's moment is the same whatever the time: the CSV too.
    expect(replayWidget.figures(view, { t: 22 })).toEqual(replayWidget.figures(view, { t: 0 }));
  });

  it('tells the story of the default run: the breaker trips within a second and cuts the calls during the outage by a large factor', () => {
    const [withB, without] = view.runs;
    expect(withB.hasBreaker && !without.hasBreaker).toBe(true);
    expect(withB.numbers.detectionTime).toBeGreaterThan(0);
    expect(withB.numbers.detectionTime).toBeLessThan(1000);
    expect(without.numbers.callsDuringOutage).toBeGreaterThan(20 * withB.numbers.callsDuringOutage);
    expect(view.focus).toBe(0);
    expect(view.durationS).toBe(60);
    expect(view.initialState).toBe('closed');
    // The view goes into the page as JSON: it must come back equal.
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('places the breaker in the right state at a moment inside the outage after detection, and after recovery', () => {
    const run = view.runs[0];
    const tripAt = run.transitions.find((tr) => tr.event === 'trip')!.t;
    expect(stateAt(run.transitions, view.initialState, tripAt + 1).state).toBe('open');
    expect(stateAt(run.transitions, view.initialState, tripAt + 1).last?.event).toBe('trip');
    const recovered = run.outage.end + run.numbers.recoveryTime / 1000;
    expect(stateAt(run.transitions, view.initialState, recovered + 1)).toMatchObject({ state: 'closed', last: { event: 'probe-succeeded' } });
    // The transitions chain, as the diagram's highlight assumes.
    run.transitions.forEach((tr, i) => expect(tr.from).toBe(i === 0 ? view.initialState : run.transitions[i - 1].to));
  });

  it('summarises the run from its numbers: detection, calls during the outage with and without the breaker, recovery', () => {
    const [withB, without] = view.runs;
    const text = replaySummary(view);
    expect(text).toContain(`tripped ${Math.round(withB.numbers.detectionTime)} ms after the outage began`);
    expect(text).toContain(`${withB.numbers.callsDuringOutage} with the breaker, ${without.numbers.callsDuringOutage.toLocaleString('en-US')} without`);
    expect(text).toContain(`closed again, did so ${Math.round(withB.numbers.recoveryTime)} ms after it ended`);
    const at22 = stateAt(withB.transitions, view.initialState, 22);
    expect(describeDiagramState(diagram, withB, at22, 22, false)).toMatch(
      /^At 22\.0 s, the breaker is open \(calls are rejected .*\)\. It got there by “trip” from closed at 20\.\d+ s: failure or slow-call threshold reached/,
    );
  });

  it('puts breaker and no breaker side by side in a table', () => {
    const table = comparisonTable(view);
    expect(table.columns).toEqual(['With breaker', 'Without breaker']);
    const row = (key: string) => table.rows.find((r) => r.key === key)!.values;
    expect(row('detection')).toEqual([`${Math.round(view.runs[0].numbers.detectionTime)} ms`, 'no breaker']);
    expect(row('calls-during-outage')).toEqual([
      String(view.runs[0].numbers.callsDuringOutage),
      view.runs[1].numbers.callsDuringOutage.toLocaleString('en-US'),
    ]);
  });

  it('draws a state band per breaker and shades the outage on the timeline', () => {
    const model = timelineModel(view, stateOrder, legendStates);
    expect(model.bands.map((b) => b.label)).toEqual(['With breaker: breaker state']);
    expect(model.bands[0].segments.map((s) => s.state)).toEqual(['closed', 'open', 'half-open', 'open', 'half-open', 'open', 'half-open', 'closed']);
    expect(model.shaded).toEqual([{ start: 20, end: 35, label: 'Outage (errors)' }]);
    expect(model.panels.map((p) => p.id)).toEqual(['error-rate', 'dependency-calls', 'latency']);
    expect(model.states).toEqual(['closed', 'open', 'half-open']);
    // A run that never leaves closed keeps the same legend: it does not jump as settings change.
    const quiet = viewOf({ ...initial, values: { ...initial.values, outageDuration: 0 } });
    expect(timelineModel(quiet, stateOrder, legendStates).states).toEqual(['closed', 'open', 'half-open']);
  });

  it('exports every plotted series and the transitions as one rectangular CSV', () => {
    const rows = parseCsv(replayCsv(view, replayWidget.figures(view, { t: 0 })));
    const [header, ...data] = rows;
    expect(header).toEqual(['chart', 'series', 'x', 'y', 'y_error', 'x_label', 'y_label']);
    expect(data.every((r) => r.length === header.length)).toBe(true);
    const transitions = data.filter((r) => r[0] === 'transitions');
    expect(transitions.map((r) => r[1])).toContain('With breaker: trip (closed to open)');
    expect(new Set(data.map((r) => r[0]))).toEqual(new Set(['error-rate', 'dependency-calls', 'latency', 'outage-load', 'transitions']));
  });

  it('every preset applies, keeps the seed, and its compare presets differ from A in B', () => {
    for (const p of replayWidget.presets) {
      const s = applyPreset(replaySpecs, { ...initial, seed: 5 }, p);
      expect(s.seed).toBe(5);
      expect(s.compare).toBe(p.compareWith !== undefined);
      if (s.compare) expect(s.valuesB).not.toEqual(s.values);
    }
  });

  // A control that did nothing would be a broken promise to the reader. Some
  // only matter in a setting: the timeout only when calls hang, a time
  // window's length only for a time window, and the minimum number of calls
  // only when the window holds fewer calls than that (a count window's
  // minimum is capped at its size, as in resilience4j, and a 10 s window at
  // 50 req/s is full long before the outage).
  const setups: Partial<Record<keyof typeof replaySpecs, Partial<State['values']>>> = {
    timeout: { outageMode: 'hang' },
    windowDuration: { window: 'time' },
    minimumCalls: { window: 'time', rate: 5 },
  };
  /** What the reader sees of a run: the timeline and the bars, not the words describing the settings. */
  const plotted = (v: ReplayView) => JSON.stringify([timelineModel(v, stateOrder, legendStates), replayWidget.figures(v, { t: 0 })]);
  it.each(Object.keys(replaySpecs) as (keyof typeof replaySpecs)[])('moving "%s" to the far end of its range changes what is shown', (name) => {
    const spec = replaySpecs[name];
    const base: State = { ...initial, values: { ...initial.values, ...setups[name] } };
    const far =
      spec.kind === 'number'
        ? base.values[name] === spec.max
          ? spec.min
          : spec.max
        : spec.kind === 'boolean'
          ? !base.values[name]
          : spec.options.find((o) => o !== base.values[name]);
    const moved: State = { ...base, values: { ...base.values, [name]: far } };
    expect(plotted(viewOf(moved)), kebabCase(name)).not.toBe(plotted(viewOf(base)));
  });
});
