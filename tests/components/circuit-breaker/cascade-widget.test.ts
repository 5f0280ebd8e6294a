import { describe, expect, it } from 'vitest';
import { defaultValues, kebabCase } from '../../../src/params/params.ts';
import { cascadingFailure } from '../../../simulations/scenarios/cascading-failure.ts';
import { cascadeCharts } from '../../../src/components/circuit-breaker/cascade/cascade-charts.ts';
import { cascadeSpecs } from '../../../src/components/circuit-breaker/cascade/cascade-specs.ts';
import { describeProtection, type CascadeView } from '../../../src/components/circuit-breaker/cascade/cascade-view.ts';
import { cascadeWidget } from '../../../src/components/circuit-breaker/cascade/cascade-widget.ts';
import { executeRuns } from '../../../src/components/frame/runner/run-in-node.ts';
import { applyPreset, defaultState } from '../../../src/components/frame/url/widget-state.ts';
import type { WidgetState } from '../../../src/components/frame/url/widget-url.ts';

type State = WidgetState<typeof cascadeSpecs>;
const initial: State = defaultState(cascadeSpecs, cascadeWidget.defaultSeed);
const A = initial.values;

function viewOf(state: State): CascadeView {
  const plan = cascadeWidget.plan(state);
  return cascadeWidget.reduce(executeRuns(plan.runs), plan.meta);
}

describe('cascading failure widget', () => {
  it('runs A and B on the same seed, with the scenario’s own params', () => {
    const plan = cascadeWidget.plan({ ...initial, seed: 9, compare: true, valuesB: { ...A, bulkhead: 5 } });
    expect(plan.runs.map((r) => r.seed)).toEqual([9, 9]);
    expect(plan.runs[0].params).toEqual(defaultValues(cascadingFailure.params));
    expect(plan.runs[1].params.bulkhead).toBe(5);
  });

  it('compare starts from the other end: no protection against all three, and back', () => {
    const b = cascadeWidget.suggestB!(A);
    expect([b.timeout > 0, b.bulkhead > 0, b.breaker]).toEqual([true, true, true]);
    const back = cascadeWidget.suggestB!(b);
    expect([back.timeout, back.bulkhead, back.breaker]).toEqual([0, 0, false]);
    expect(describeProtection(b)).toBe('a 500 ms timeout, a bulkhead of 10 and a circuit breaker');
    expect(describeProtection(A)).toBe('no protection');
  });

  it('the compare preset tells the story: unprotected, A loses most of its unrelated traffic; protected, it keeps it', () => {
    const preset = cascadeWidget.presets.find((p) => p.id === 'compare-protection')!;
    const view = viewOf(applyPreset(cascadeSpecs, initial, preset));
    const [a, b] = view.sides;
    expect(a.independentDuring).toBeLessThan(0.5 * a.independentBefore);
    expect(b.independentDuring).toBeGreaterThan(0.9 * b.independentBefore);
    expect(b.trips).toBeGreaterThan(0);

    const charts = cascadeCharts(view);
    expect(charts.map((c) => c.id)).toEqual(['goodput', 'goodput-b', 'workers', 'independent']);
    const [ga, gb] = charts;
    if (ga.kind !== 'line' || gb.kind !== 'line') throw new Error('goodput charts are line charts');
    // Both goodput charts share one y range, so heights compare fairly, and shade B's fault.
    expect(ga.y.domain).toEqual(gb.y.domain);
    expect(ga.shaded).toEqual([{ start: 20, end: 40, label: 'B’s fault (answers 1,000 ms slower)' }]);
    expect(ga.summary).toMatch(
      /^A: With no protection, while B answers 1,000 ms slower \(20 s to 40 s\): A served the traffic that does not need B at [\d.]+ req\/s before the fault and [\d.]+ req\/s during it/,
    );
    expect(gb.summary).toMatch(/The breaker first tripped [\d.]+ s into the fault/);
    expect(charts[3].summary).toContain('A: no protection');
    // JSON-safe: it is embedded in the page as the build-time default.
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('every preset applies and keeps the seed', () => {
    for (const p of cascadeWidget.presets) {
      const s = applyPreset(cascadeSpecs, { ...initial, seed: 4 }, p);
      expect(s.seed).toBe(4);
      expect(s.compare).toBe(p.compareWith !== undefined);
    }
  });

  // A control that did nothing would be a broken promise to the reader. From
  // no timeout, the far end (5 s) is still no timeout for a 1 s slowdown, and
  // a bulkhead as large as the worker pool protects nothing: those two are
  // moved one step instead, which is what the page asks the reader to try.
  const oneStep = new Set(['timeout', 'bulkhead']);
  let baseline: string | undefined;
  it.each(Object.keys(cascadeSpecs) as (keyof typeof cascadeSpecs)[])('moving "%s" changes what is shown', (name) => {
    const spec = cascadeSpecs[name];
    const v = A[name];
    let moved: unknown;
    if (spec.kind === 'number') moved = oneStep.has(name) ? (v as number) + spec.step : v === spec.max ? spec.min : spec.max;
    else if (spec.kind === 'boolean') moved = !v;
    else moved = spec.options.find((o) => o !== v);
    const changed: State = { ...initial, values: { ...A, [name]: moved } };
    // What the reader sees: the charts, not the words describing the settings.
    baseline ??= JSON.stringify(cascadeCharts(viewOf(initial)).map(({ summary: _, ...plot }) => plot));
    expect(JSON.stringify(cascadeCharts(viewOf(changed)).map(({ summary: _, ...plot }) => plot)), kebabCase(name)).not.toBe(baseline);
  });
});
