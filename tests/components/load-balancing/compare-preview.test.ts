import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/params/params.ts';
import { lbHeterogeneousSpec } from '../../../simulations/scenarios/specs/lb-heterogeneous.ts';
import { compareCharts } from '../../../src/components/load-balancing/balancer-compare/compare-charts.ts';
import { planCompare, previewCompare } from '../../../src/components/load-balancing/balancer-compare/compare-plan.ts';
import { compareSpecs, type CompareSpecs } from '../../../src/components/load-balancing/balancer-compare/compare-specs.ts';
import { reduceCompare } from '../../../src/components/load-balancing/balancer-compare/compare-view.ts';
import { compareWidget } from '../../../src/components/load-balancing/balancer-compare/compare-widget.ts';
import { flattenRuns } from '../../../src/components/frame/runner/run.ts';
import { executeRuns } from '../../../src/components/frame/runner/run-in-node.ts';
import { applyPreset, defaultState } from '../../../src/components/frame/url/widget-state.ts';
import type { WidgetState } from '../../../src/components/frame/url/widget-url.ts';
import { expectSeriesPrefix } from '../series-prefix.ts';

type State = WidgetState<CompareSpecs>;
const initial: State = defaultState(compareSpecs, compareWidget.defaultSeed);
const A = initial.values;
const states: State[] = [
  initial,
  { ...initial, compare: true, valuesB: compareWidget.suggestB!(A) },
  ...compareWidget.presets.map((p) => applyPreset(compareSpecs, initial, p)),
];

describe('lb preview', () => {
  it('runs both algorithms of each side for the first 10 s of the minute, on the same seed, at a sixth of the cost, named in its label', () => {
    for (const state of states) {
      const whole = flattenRuns(planCompare(state).runs);
      const preview = flattenRuns(previewCompare(state).runs);
      expect(preview).toHaveLength(whole.length);
      preview.forEach((r, i) => {
        expect(r.params).toEqual({ ...whole[i].params, duration: 10 });
        expect(r.seed).toBe(whole[i].seed);
        expect(r.cost / whole[i].cost).toBeCloseTo(1 / 6, 10);
      });
    }
    expect(previewCompare(initial).label).toBe('Preview: the first 10 s of the 60 s runs.');
    expect(lbHeterogeneousSpec.params.duration.min).toBe(10);
    expect(defaultValues(lbHeterogeneousSpec.params)).toMatchObject({ duration: 60, faultStart: 20, faultDuration: 20 });
  });

  it('a preview run is exactly the start of the whole run: every series equal over its 10 s', () => {
    const arb = fc.record({
      algorithm: fc.constantFrom(...compareSpecs.algorithm.options),
      fault: fc.constantFrom(...compareSpecs.fault.options),
      healthChecks: fc.boolean(),
      outlierDetection: fc.boolean(),
      utilization: fc.integer({ min: 10, max: 95 }).map((k) => k / 100),
      speedRatio: fc.integer({ min: 10, max: 40 }).map((k) => k / 10),
      backends: fc.integer({ min: 3, max: 12 }),
      timeout: fc.integer({ min: 1, max: 30 }).map((k) => k * 100),
      seed: fc.integer({ min: 1, max: 1000 }),
    });
    fc.assert(
      fc.property(arb, ({ seed, ...v }) => {
        const state: State = { ...initial, seed, values: { ...A, ...v, versus: v.algorithm } };
        const whole = executeRuns(planCompare(state).runs[0][0]);
        const short = executeRuns(previewCompare(state).runs[0][0]);
        expectSeriesPrefix(short, whole, 10);
        short.series.perHost.forEach((col, h) => expect(col).toEqual(whole.series.perHost[h].slice(0, 10)));
      }),
      { numRuns: 12 },
    );
  });

  it("the view keeps the minute's axes and the fault where it will be, and quotes only the first 10 s", () => {
    for (const state of [
      initial,
      applyPreset(
        compareSpecs,
        initial,
        compareWidget.presets.find((p) => p.id === 'outlier-detection')!,
      ),
    ]) {
      const p = previewCompare(state);
      const view = reduceCompare(executeRuns(p.runs), p.meta);
      const whole = reduceCompare(executeRuns(planCompare(state).runs), planCompare(state).meta);
      view.sides.forEach((side, i) => {
        expect(side.preview).toEqual({ seconds: 10, durationS: 60 });
        expect(side.t).toEqual(whole.sides[i].t.slice(0, 10));
        expect(side.fault).toEqual(whole.sides[i].fault);
        side.runs.forEach((r, k) => {
          expect(r.p99OverTime).toEqual(whole.sides[i].runs[k].p99OverTime.slice(0, 10));
          expect(r.errorsOverTime).toEqual(whole.sides[i].runs[k].errorsOverTime.slice(0, 10));
          expect(r.faultyShareOverTime).toEqual(whole.sides[i].runs[k].faultyShareOverTime.slice(0, 10));
        });
      });
      const charts = compareCharts(view);
      for (const c of charts) {
        if (c.kind === 'line') expect(c.x.domain).toEqual([0, 60]);
        // Every number is the first 10 s's: said so, and nothing is said of the fault, which comes after.
        expect(c.summary).toMatch(/first 10 s/);
        expect(c.summary).not.toMatch(/During the fault|over the (whole )?run/);
      }
      expect(charts.find((c) => c.id === 'faulty-share')!.summary).toMatch(
        /^(A: )?The fault \(20–40 s\) comes after these first 10 s; in them fast-0, whose fair share/,
      );
    }
  });

  it('the whole view names no preview', () => {
    const view = reduceCompare(executeRuns(planCompare(initial).runs), planCompare(initial).meta);
    expect(view.sides[0]).not.toHaveProperty('preview');
    for (const c of compareCharts(view)) expect(c.summary).not.toMatch(/first 10 s/);
  });
});
